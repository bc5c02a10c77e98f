import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../src/lib/domain/localized-text';
import { ITEM_OWNERS, PHASES } from '../../src/lib/domain/onboarding-template';
import type { TemplateContent } from '../../src/lib/domain/onboarding-template';
import { LOCALES } from '../../src/lib/domain/vocabulary';
import { SHIPPED_TEMPLATES } from '../../src/lib/server/onboarding/shipped-templates';

/** Every LocalizedText in a template, each with a label saying where it is. */
function texts(content: TemplateContent): [string, LocalizedText][] {
	const found: [string, LocalizedText][] = [
		['name', content.name],
		['description', content.description]
	];
	for (const phase of content.phases) {
		phase.entryCriteria.forEach((c, i) => found.push([`phase ${phase.phase} entry ${i}`, c]));
		phase.exitCriteria.forEach((c, i) => found.push([`phase ${phase.phase} exit ${i}`, c]));
		for (const item of phase.items) {
			found.push([`${item.key} title`, item.title]);
			found.push([`${item.key} description`, item.description]);
		}
	}
	return found;
}

describe('SHIPPED_TEMPLATES', () => {
	it('has three templates with unique keys', () => {
		const keys = SHIPPED_TEMPLATES.map((t) => t.key);
		expect(keys).toEqual(['direct-colocation', 'reseller-sold', 'enterprise-tam']);
		expect(new Set(keys).size).toBe(keys.length);
	});

	describe.each(SHIPPED_TEMPLATES.map((t) => [t.key, t.content] as const))('%s', (_, content) => {
		it('has phases 1, 2 and 3 in order, each with a positive target', () => {
			expect(content.phases.map((p) => p.phase)).toEqual([...PHASES]);
			for (const phase of content.phases) {
				expect(phase.targetDays).toBeGreaterThan(0);
				expect(Number.isInteger(phase.targetDays)).toBe(true);
			}
		});

		it('has 1–3 entry and exit criteria and 4–8 items per phase', () => {
			for (const phase of content.phases) {
				expect(phase.entryCriteria.length).toBeGreaterThanOrEqual(1);
				expect(phase.entryCriteria.length).toBeLessThanOrEqual(3);
				expect(phase.exitCriteria.length).toBeGreaterThanOrEqual(1);
				expect(phase.exitCriteria.length).toBeLessThanOrEqual(3);
				expect(phase.items.length).toBeGreaterThanOrEqual(4);
				expect(phase.items.length).toBeLessThanOrEqual(8);
			}
		});

		it('has item keys unique within the template, in kebab-case', () => {
			const keys = content.phases.flatMap((p) => p.items.map((i) => i.key));
			expect(new Set(keys).size).toBe(keys.length);
			for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
		});

		it('has every text in en, pt-BR and es', () => {
			for (const [where, text] of texts(content)) {
				for (const locale of LOCALES) {
					expect(text[locale]?.trim(), `${where} (${locale})`).toBeTruthy();
				}
			}
		});

		it('has short item titles and valid owners', () => {
			for (const item of content.phases.flatMap((p) => p.items)) {
				expect(ITEM_OWNERS).toContain(item.owner);
				for (const locale of LOCALES) {
					expect((item.title[locale] ?? '').length, `${item.key} (${locale})`).toBeLessThanOrEqual(
						80
					);
				}
			}
		});

		it('has due offsets ≥ 0 whose maximum does not decrease from phase to phase', () => {
			const maxima = content.phases.map((phase) => {
				for (const item of phase.items) {
					expect(Number.isInteger(item.dueOffsetDays)).toBe(true);
					expect(item.dueOffsetDays).toBeGreaterThanOrEqual(0);
				}
				return Math.max(...phase.items.map((i) => i.dueOffsetDays));
			});
			const [max1, max2, max3] = maxima;
			expect(max1).toBeLessThanOrEqual(max2 ?? -1);
			expect(max2).toBeLessThanOrEqual(max3 ?? -1);
		});

		it('has at least one required item in each phase', () => {
			for (const phase of content.phases) {
				expect(phase.items.some((i) => i.required)).toBe(true);
			}
		});

		it('has a kick-off item in phase 2', () => {
			const phase2 = content.phases[1];
			expect(phase2.items.some((i) => /kick-off/i.test(i.title.en))).toBe(true);
		});
	});
});

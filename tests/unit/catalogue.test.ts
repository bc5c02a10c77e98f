import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/lib/i18n/catalogue';
import { en } from '../../src/lib/i18n/messages/en';
import { es } from '../../src/lib/i18n/messages/es';
import { ptBR } from '../../src/lib/i18n/messages/pt-BR';
import { LOCALES } from '../../src/lib/domain/vocabulary';

const CATALOGUES: Record<string, Record<string, string>> = { en, 'pt-BR': ptBR, es };

const placeholders = (text: string) =>
	[...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
	it('cover every supported locale', async () => {
		expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
		for (const locale of LOCALES) expect(await loadCatalogue(locale)).toBe(CATALOGUES[locale]);
	});

	it.each(['pt-BR', 'es'])('%s has exactly the English keys', (locale) => {
		const keys = Object.keys(CATALOGUES[locale]!).sort();
		const english = Object.keys(en).sort();
		expect(
			english.filter((key) => !keys.includes(key)),
			'missing'
		).toEqual([]);
		expect(
			keys.filter((key) => !english.includes(key)),
			'extra'
		).toEqual([]);
	});

	it.each(Object.keys(CATALOGUES))('%s has no empty messages', (locale) => {
		const empty = Object.entries(CATALOGUES[locale]!)
			.filter(([, text]) => typeof text !== 'string' || text.trim() === '')
			.map(([key]) => key);
		expect(empty).toEqual([]);
	});

	it.each(['pt-BR', 'es'])(
		'%s uses the same {placeholders} as English in each message',
		(locale) => {
			const translated = CATALOGUES[locale]!;
			const mismatched = Object.entries(en)
				.filter(([key, text]) => {
					const other = translated[key];
					return other === undefined || placeholders(other).join() !== placeholders(text).join();
				})
				.map(([key]) => `${key}: ${JSON.stringify(translated[key])}`);
			expect(mismatched).toEqual([]);
		}
	);

	it.each(Object.keys(CATALOGUES))('%s has no malformed placeholder braces', (locale) => {
		const malformed = Object.entries(CATALOGUES[locale]!)
			.filter(([, text]) => {
				const braces = (text.match(/[{}]/g) ?? []).length;
				return braces !== placeholders(text).length * 2;
			})
			.map(([key, text]) => `${key}: ${text}`);
		expect(malformed).toEqual([]);
	});

	it('translates most messages rather than copying the English', () => {
		for (const locale of ['pt-BR', 'es']) {
			const translated = CATALOGUES[locale]!;
			const same = Object.keys(en).filter((key) => translated[key] === en[key as keyof typeof en]);
			// Abbreviations such as team role codes may stay; whole sentences may not.
			expect(same.length / Object.keys(en).length, locale).toBeLessThan(0.15);
		}
	});
});

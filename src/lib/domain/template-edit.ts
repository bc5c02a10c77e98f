import type { LocalizedText } from './localized-text';
import {
	ITEM_OWNERS,
	PHASES,
	type ItemOwner,
	type Phase,
	type TemplateContent,
	type TemplateItem,
	type TemplatePhase
} from './onboarding-template';
import { slugify, uniqueKey } from './slug';
import type { FieldError } from './validation';
import { isOneOf, type Locale } from './vocabulary';

/**
 * Editing a template happens in one language at a time: the structure (phases, owners, due
 * offsets, required) is shared, the text is stored per language. What the admin submits is
 * merged into the previous version to make the next one.
 */
export interface TemplateForm {
	name: string;
	description: string;
	phases: { targetDays: string; entry: string; exit: string }[];
	items: {
		/** Empty for a row added in this edit. */
		key: string;
		phase: string;
		title: string;
		description: string;
		owner: string;
		offset: string;
		required: boolean;
		remove: boolean;
	}[];
}

export const MAX_CRITERIA = 10;

export type TemplateEditResult =
	{ ok: true; content: TemplateContent } | { ok: false; errors: Record<string, FieldError> };

function lines(text: string): string[] {
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter(Boolean);
}

/** Sets one language of a text, keeping the others; English is filled when it is missing. */
function withText(
	previous: LocalizedText | undefined,
	locale: Locale,
	value: string
): LocalizedText {
	const next: LocalizedText = { ...(previous ?? { en: value }) };
	next[locale] = value;
	return next;
}

function wholeNumber(raw: string, min: number, max: number): number | null {
	if (!/^\d{1,4}$/.test(raw.trim())) return null;
	const n = Number(raw.trim());
	return n >= min && n <= max ? n : null;
}

export function applyTemplateEdit(
	previous: TemplateContent | null,
	locale: Locale,
	form: TemplateForm
): TemplateEditResult {
	const errors: Record<string, FieldError> = {};
	const name = form.name.trim();
	if (!name) errors.name = { key: 'error.required' };
	if (name.length > 200) errors.name = { key: 'error.tooLong', params: { max: 200 } };

	const previousItems = new Map<string, TemplateItem>(
		previous?.phases.flatMap((p) => p.items.map((item) => [item.key, item] as const)) ?? []
	);
	const taken = new Set(previousItems.keys());
	const items: { phase: Phase; item: TemplateItem }[] = [];
	for (const [index, row] of form.items.entries()) {
		const isNew = row.key === '';
		const blank = !row.title.trim() && !row.description.trim();
		if (row.remove || (isNew && blank)) continue;
		const field = (name: string) => `items.${index}.${name}`;
		const before = previousItems.get(row.key);
		if (!isNew && !before) {
			errors[field('title')] = { key: 'error.choice' };
			continue;
		}
		const title = row.title.trim();
		if (!title) errors[field('title')] = { key: 'error.required' };
		else if (title.length > 200)
			errors[field('title')] = { key: 'error.tooLong', params: { max: 200 } };
		const phase = Number(row.phase);
		if (!(PHASES as readonly number[]).includes(phase))
			errors[field('phase')] = { key: 'error.choice' };
		if (!isOneOf(ITEM_OWNERS, row.owner)) errors[field('owner')] = { key: 'error.choice' };
		const offset = wholeNumber(row.offset, 0, 730);
		if (offset === null) errors[field('offset')] = { key: 'error.max', params: { max: 730 } };
		if (!title || offset === null || !isOneOf(ITEM_OWNERS, row.owner)) continue;
		items.push({
			phase: phase as Phase,
			item: {
				key: before?.key ?? uniqueKey(slugify(title, 'item'), taken),
				title: withText(before?.title, locale, title),
				description: withText(before?.description, locale, row.description.trim()),
				owner: row.owner as ItemOwner,
				dueOffsetDays: offset,
				required: row.required
			}
		});
	}

	const phases = PHASES.map((phase, index): TemplatePhase => {
		const input = form.phases[index] ?? { targetDays: '', entry: '', exit: '' };
		const before = previous?.phases[index];
		const targetDays = wholeNumber(input.targetDays, 1, 365);
		if (targetDays === null)
			errors[`phases.${index}.targetDays`] = { key: 'error.max', params: { max: 365 } };
		const entry = lines(input.entry);
		const exit = lines(input.exit);
		if (exit.length > MAX_CRITERIA)
			errors[`phases.${index}.exit`] = { key: 'error.tooMany', params: { max: MAX_CRITERIA } };
		if (entry.length > MAX_CRITERIA)
			errors[`phases.${index}.entry`] = { key: 'error.tooMany', params: { max: MAX_CRITERIA } };
		return {
			phase,
			targetDays: targetDays ?? 1,
			entryCriteria: entry.map((line, i) => withText(before?.entryCriteria[i], locale, line)),
			exitCriteria: exit.map((line, i) => withText(before?.exitCriteria[i], locale, line)),
			items: items
				.filter((entry) => entry.phase === phase)
				.map((entry) => entry.item)
				// Due order within a phase, as a checklist reads.
				.sort((a, b) => a.dueOffsetDays - b.dueOffsetDays)
		};
	}) as [TemplatePhase, TemplatePhase, TemplatePhase];

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		content: {
			name: withText(previous?.name, locale, name),
			description: withText(previous?.description, locale, form.description.trim()),
			phases
		}
	};
}

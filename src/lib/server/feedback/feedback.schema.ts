import {
	FEEDBACK_KINDS,
	FEEDBACK_SOURCES,
	FEEDBACK_STATUSES,
	FEEDBACK_TEAMS,
	MAX_TAG_LENGTH,
	MAX_THEMES,
	SCORE_RANGE,
	isLibraryTheme,
	normalizeTag,
	type FeedbackTheme
} from '../../domain/feedback';
import {
	id,
	oneOf,
	optionalId,
	optionalOneOf,
	requiredDate,
	text,
	version,
	type FieldError,
	type FieldParser,
	type FieldResult
} from '../../domain/validation';
import { isOneOf } from '../../domain/vocabulary';

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const bad = (key: string, params?: FieldError['params']): FieldResult<never> => ({
	ok: false,
	error: { key, params }
});
const asText = (raw: FormDataEntryValue | null) => (typeof raw === 'string' ? raw.trim() : '');

/**
 * The score for the kind the form chose: a whole NPS 0–10 or CSAT 1–5, and none for free text.
 * An unknown kind leaves the error to the kind field.
 */
export function scoreFor(kind: unknown): FieldParser<number | null> {
	return (raw) => {
		const typed = asText(raw);
		if (!isOneOf(FEEDBACK_KINDS, kind)) return ok(null);
		const range = SCORE_RANGE[kind];
		if (range === null) return typed === '' ? ok(null) : bad('feedback.error.noScore');
		const key = kind === 'nps' ? 'feedback.error.npsScore' : 'feedback.error.csatScore';
		if (!/^\d{1,3}$/.test(typed)) return bad(key, range);
		const score = Number(typed);
		return score < range.min || score > range.max ? bad(key, range) : ok(score);
	};
}

/** Library themes, ticked in a checkbox group and posted joined by commas (see joinThemes). */
export function libraryThemes(): FieldParser<FeedbackTheme[]> {
	return (raw) => {
		const picked = [...new Set(asText(raw).split(',').filter(Boolean))];
		if (!picked.every(isLibraryTheme)) return bad('error.choice');
		if (picked.length > MAX_THEMES) return bad('feedback.error.tooManyThemes', { max: MAX_THEMES });
		return ok(picked as FeedbackTheme[]);
	};
}

/**
 * A free tag as stored: normalised, and the library's code when it names a library theme
 * ("Support quality" is the theme support_quality, counted with the others).
 */
export function storedTag(typed: string): string {
	const tag = normalizeTag(typed);
	const asTheme = tag.replaceAll('-', '_');
	return isLibraryTheme(asTheme) ? asTheme : tag;
}

/**
 * Free tags typed as comma-separated text: normalised and deduplicated, none longer than
 * MAX_TAG_LENGTH, and with the `picked` library themes at most MAX_THEMES in all. Tags that
 * repeat a ticked theme are dropped; punctuation alone is no tag.
 */
export function freeTags(picked: readonly string[]): FieldParser<string[]> {
	return (raw) => {
		const typed = asText(raw)
			.split(/[,\n]/)
			.map((tag) => tag.trim())
			.filter(Boolean);
		const long = typed.find((tag) => [...tag].length > MAX_TAG_LENGTH);
		if (long) return bad('feedback.error.tagTooLong', { tag: long, max: MAX_TAG_LENGTH });
		const tags = [...new Set(typed.map(storedTag))].filter(
			(tag) => tag !== '' && !picked.includes(tag)
		);
		if (tags.length > 0 && new Set([...picked, ...tags]).size > MAX_THEMES) {
			return bad('feedback.error.tooManyThemes', { max: MAX_THEMES });
		}
		return ok(tags);
	};
}

/**
 * A checkbox group posts one `themes` value per ticked box, but a form schema reads one value
 * per name: the picks are joined into one value, which is also what comes back to the form
 * with the user's input when something else was wrong.
 */
function joinThemes(form: FormData): string[] {
	const picked = form.getAll('themes').map(String);
	form.set('themes', picked.join(','));
	return [...new Set(picked)];
}

/**
 * One response's fields, for capturing and for editing. Built per form: the score's range
 * depends on the kind chosen, and the tag limit counts the themes ticked beside them.
 */
export function feedbackFields(form: FormData) {
	const picked = joinThemes(form);
	const kind = asText(form.get('kind'));
	return {
		kind: oneOf(FEEDBACK_KINDS),
		score: scoreFor(kind),
		// Free-text feedback is its comment; a score may come with one or without.
		comment: text({ required: kind === 'comment', max: 5000 }),
		source: oneOf(FEEDBACK_SOURCES),
		contact_id: optionalId(),
		review_id: optionalId(),
		received_on: requiredDate(),
		themes: libraryThemes(),
		tags: freeTags(picked),
		routed_team: optionalOneOf(FEEDBACK_TEAMS),
		status: oneOf(FEEDBACK_STATUSES)
	};
}

/** The edit form: the same fields and the version the form was loaded with. */
export function editFeedbackFields(form: FormData) {
	return { ...feedbackFields(form), version: version() };
}

/** The row form on the list: where it was routed and how far it got. */
export const routeFields = {
	id: id(),
	version: version(),
	status: oneOf(FEEDBACK_STATUSES),
	routed_team: optionalOneOf(FEEDBACK_TEAMS)
};

export const deleteFields = { version: version() };

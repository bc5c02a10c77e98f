/**
 * Customer feedback: NPS and CSAT responses and free text, their vocabularies, and how they
 * add up. Pure: the feedback section and the trends page ask here.
 */

export const FEEDBACK_KINDS = ['nps', 'csat', 'comment'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

/** Where the feedback was given. */
export const FEEDBACK_SOURCES = ['survey', 'cbr', 'operational_survey', 'call', 'email'] as const;
export type FeedbackSource = (typeof FEEDBACK_SOURCES)[number];

/** The team feedback is routed to, so it reaches the people who can act on it. */
export const FEEDBACK_TEAMS = [
	'product',
	'engineering',
	'billing',
	'service_desk',
	'site_operations',
	'sales',
	'customer_success'
] as const;
export type FeedbackTeam = (typeof FEEDBACK_TEAMS)[number];

/** From capture to telling the customer what was done ("closed the loop"). */
export const FEEDBACK_STATUSES = ['new', 'routed', 'acknowledged', 'closed_loop'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * The maintained theme library: themes are counted across customers, so the common ones have
 * one name each. Free tags are kept beside them for what the library does not cover.
 */
export const FEEDBACK_THEMES = [
	'onboarding',
	'usability',
	'performance',
	'reliability',
	'support_quality',
	'response_time',
	'billing',
	'pricing',
	'documentation',
	'training',
	'feature_request',
	'integrations',
	'reporting',
	'account_management',
	'communication',
	'delivery'
] as const;
export type FeedbackTheme = (typeof FEEDBACK_THEMES)[number];

/** A response's score range by kind; free text has none. */
export const SCORE_RANGE = {
	nps: { min: 0, max: 10 },
	csat: { min: 1, max: 5 },
	comment: null
} as const satisfies Record<FeedbackKind, { min: number; max: number } | null>;

export type NpsGroup = 'promoter' | 'passive' | 'detractor';

/** NPS's three groups: 9–10 promote, 7–8 are passive, 0–6 detract. */
export function npsGroup(score: number): NpsGroup {
	if (score >= 9) return 'promoter';
	if (score >= 7) return 'passive';
	return 'detractor';
}

/**
 * A response that asks for a follow-up from the account's CSM: an NPS detractor (0–6) or a
 * CSAT of 2 or less.
 */
export function needsFollowUp(kind: FeedbackKind, score: number | null): boolean {
	if (score === null) return false;
	if (kind === 'nps') return npsGroup(score) === 'detractor';
	if (kind === 'csat') return score <= 2;
	return false;
}

export interface NpsCounts {
	promoters: number;
	passives: number;
	detractors: number;
}

/** % promoters − % detractors, −100 to 100, rounded; null without a response. */
export function netPromoterScore({ promoters, passives, detractors }: NpsCounts): number | null {
	const total = promoters + passives + detractors;
	if (total === 0) return null;
	// Halves round away from zero, so mirrored answers give mirrored scores (−12.5 → −13, not
	// −12); `|| 0` keeps a tiny negative share from showing as "−0".
	const share = ((promoters - detractors) / total) * 100;
	return Math.sign(share) * Math.round(Math.abs(share)) || 0;
}

/** Mean CSAT to one decimal; null without a response. */
export function csatAverage(count: number, sum: number): number | null {
	if (count === 0) return null;
	return Math.round((sum / count) * 10) / 10;
}

/** Free tags beside the library's: at most this many per response, each this long at most. */
export const MAX_THEMES = 8;
export const MAX_TAG_LENGTH = 40;

/**
 * A free tag as it is stored: lower case, words joined by hyphens, nothing but letters, digits
 * and hyphens (any script). Empty when nothing is left.
 */
export function normalizeTag(tag: string): string {
	const joined = tag
		.normalize('NFC')
		.toLocaleLowerCase('en')
		.trim()
		// Combining marks are part of letters in many scripts (Devanagari vowel signs, Thai tones).
		.replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '');
	// Cut by code point, so a letter outside the BMP is never halved.
	return Array.from(joined).slice(0, MAX_TAG_LENGTH).join('').replace(/-+$/, '');
}

export function isLibraryTheme(theme: string): theme is FeedbackTheme {
	return (FEEDBACK_THEMES as readonly string[]).includes(theme);
}

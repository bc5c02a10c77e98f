import { fmt, t } from '$lib/i18n/i18n.svelte';

/** A score that may be missing (no response that month): the number, or a dash. */
export function scoreText(value: number | null) {
	return value === null ? t('trends.notScored') : fmt.number(value);
}

/** A month's short name for an axis or a table row. */
export const monthLabel = (month: string) => fmt.month(month, 'short');

/** NPS series colours: promoters, passives, detractors, and the score's line. */
export const NPS_COLORS = {
	promoters: '#1e6b3a',
	passives: '#b8c4cc',
	detractors: '#a4262c',
	nps: '#0f4c5c'
};

/** Distinct colours for up to eight themes or groups, readable on white. */
export const PALETTE = [
	'#0f4c5c',
	'#c1666b',
	'#1f7a8c',
	'#8a5a00',
	'#5b5f97',
	'#2d6a4f',
	'#b5651d',
	'#6c757d'
];

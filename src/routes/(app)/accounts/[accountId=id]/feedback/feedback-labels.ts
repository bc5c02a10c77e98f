import { isLibraryTheme, npsGroup, type FeedbackKind } from '$lib/domain/feedback';
import { t } from '$lib/i18n/i18n.svelte';

/** A library theme by its label in the reader's language; a free tag as it was stored. */
export function themeLabel(theme: string): string {
	return isLibraryTheme(theme) ? t(`feedbackTheme.${theme}`) : theme;
}

const NPS_TONE = { promoter: 'ok', passive: 'warn', detractor: 'danger' } as const;

/** The badge tone of a score: detractors and CSAT 1–2 are bad news, passives and 3 middling. */
export function scoreTone(kind: FeedbackKind, score: number | null): 'ok' | 'warn' | 'danger' | '' {
	if (score === null) return '';
	if (kind === 'nps') return NPS_TONE[npsGroup(score)];
	return score <= 2 ? 'danger' : score === 3 ? 'warn' : 'ok';
}

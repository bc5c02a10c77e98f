import type { Locale } from './vocabulary';

/** Text kept in several languages; English is always present and is the fallback. */
export type LocalizedText = { en: string } & Partial<Record<Exclude<Locale, 'en'>, string>>;

export function localize(text: LocalizedText, locale: Locale): string {
	return text[locale]?.trim() || text.en;
}

import { LOCALES, isOneOf, type Locale } from '../domain/vocabulary';

export const LOCALE_COOKIE = 'keel_locale';
export const LOCALE_NAMES: Record<Locale, string> = {
	en: 'English',
	'pt-BR': 'Português (Brasil)',
	es: 'Español'
};

/** Picks the best supported locale from an Accept-Language header. */
export function negotiateLocale(header: string | null): Locale {
	if (!header) return 'en';
	const wanted = header
		.split(',')
		.map((part) => {
			const [tag = '', q] = part.trim().split(';q=');
			return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) || 0 };
		})
		.sort((a, b) => b.q - a.q);
	for (const { tag } of wanted) {
		const exact = LOCALES.find((l) => l.toLowerCase() === tag);
		if (exact) return exact;
		const language = LOCALES.find((l) => l.split('-')[0] === tag.split('-')[0]);
		if (language) return language;
	}
	return 'en';
}

export function resolveLocale(
	userLocale: string | null | undefined,
	cookie: string | undefined,
	acceptLanguage: string | null
): Locale {
	if (isOneOf(LOCALES, userLocale)) return userLocale;
	if (isOneOf(LOCALES, cookie)) return cookie;
	return negotiateLocale(acceptLanguage);
}

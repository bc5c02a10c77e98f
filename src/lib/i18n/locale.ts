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
			const [tag = '', ...params] = part.split(';').map((p) => p.trim());
			const q = params.find((p) => /^q\s*=/i.test(p));
			const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/i, ''));
			return { tag: tag.toLowerCase(), q: Number.isFinite(weight) ? weight : 0 };
		})
		// RFC 9110: q=0 means "not acceptable".
		.filter((entry) => entry.tag !== '' && entry.q > 0)
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

import { describe, expect, it } from 'vitest';
import { LOCALE_NAMES, negotiateLocale, resolveLocale } from '../../src/lib/i18n/locale';
import { LOCALES } from '../../src/lib/domain/vocabulary';

describe('negotiateLocale', () => {
	it('defaults to English with no header', () => {
		expect(negotiateLocale(null)).toBe('en');
		expect(negotiateLocale('')).toBe('en');
	});

	it('picks an exact match', () => {
		expect(negotiateLocale('pt-BR')).toBe('pt-BR');
		expect(negotiateLocale('es')).toBe('es');
		expect(negotiateLocale('en')).toBe('en');
	});

	it('matches tags case-insensitively', () => {
		expect(negotiateLocale('PT-br')).toBe('pt-BR');
		expect(negotiateLocale('ES')).toBe('es');
	});

	it('falls back from a region to the language we have', () => {
		expect(negotiateLocale('pt')).toBe('pt-BR');
		expect(negotiateLocale('pt-PT')).toBe('pt-BR');
		expect(negotiateLocale('es-MX')).toBe('es');
		expect(negotiateLocale('es-419')).toBe('es');
		expect(negotiateLocale('en-GB')).toBe('en');
	});

	it('gives English for languages it does not have', () => {
		expect(negotiateLocale('fr')).toBe('en');
		expect(negotiateLocale('de-DE, ja;q=0.8, zh-Hant;q=0.5')).toBe('en');
		expect(negotiateLocale('*')).toBe('en');
		expect(negotiateLocale('garbage;;;,,,')).toBe('en');
	});

	it('follows the q-values, not the order written', () => {
		expect(negotiateLocale('en;q=0.5, pt-BR;q=0.9')).toBe('pt-BR');
		expect(negotiateLocale('es;q=0.1,en;q=0.2,pt;q=0.3')).toBe('pt-BR');
		expect(negotiateLocale('pt-BR;q=0.4, es')).toBe('es');
	});

	it('keeps the written order between equal q-values', () => {
		expect(negotiateLocale('es, pt-BR')).toBe('es');
		expect(negotiateLocale('pt-BR, es')).toBe('pt-BR');
		expect(negotiateLocale('es;q=0.8, pt-BR;q=0.8')).toBe('es');
	});

	it('skips unsupported languages to the best supported one', () => {
		expect(negotiateLocale('fr-FR,fr;q=0.9,es-MX;q=0.8,en;q=0.7')).toBe('es');
		expect(negotiateLocale('de, en-US;q=0.9, pt;q=0.8')).toBe('en');
	});

	it('reads a typical browser header', () => {
		expect(negotiateLocale('pt-BR,pt;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('pt-BR');
		expect(negotiateLocale('en-US,en;q=0.9,es;q=0.8')).toBe('en');
	});

	it('treats an unreadable q-value as least preferred', () => {
		expect(negotiateLocale('es;q=abc, pt-BR;q=0.5')).toBe('pt-BR');
	});
});

describe('resolveLocale', () => {
	it("prefers the signed-in user's saved locale over cookie and header", () => {
		expect(resolveLocale('es', 'pt-BR', 'en')).toBe('es');
		expect(resolveLocale('pt-BR', 'en', 'es')).toBe('pt-BR');
	});

	it('uses the cookie when there is no user locale', () => {
		expect(resolveLocale(null, 'pt-BR', 'es')).toBe('pt-BR');
		expect(resolveLocale(undefined, 'es', 'pt-BR')).toBe('es');
	});

	it('uses the header when there is neither', () => {
		expect(resolveLocale(null, undefined, 'es-MX,es;q=0.9')).toBe('es');
		expect(resolveLocale(undefined, undefined, null)).toBe('en');
	});

	it('skips unsupported user and cookie values rather than trusting them', () => {
		expect(resolveLocale('fr', 'es', 'pt-BR')).toBe('es');
		expect(resolveLocale('fr', 'de', 'pt-BR')).toBe('pt-BR');
		expect(resolveLocale('', '', null)).toBe('en');
		// Exact catalogue tags only: the cookie is what Keel itself wrote.
		expect(resolveLocale(null, 'pt-br', 'es')).toBe('es');
		expect(resolveLocale('pt', undefined, 'en')).toBe('en');
	});
});

describe('LOCALE_NAMES', () => {
	it('names every supported locale in its own language', () => {
		expect(Object.keys(LOCALE_NAMES).sort()).toEqual([...LOCALES].sort());
		expect(LOCALE_NAMES['pt-BR']).toBe('Português (Brasil)');
		expect(LOCALE_NAMES.es).toBe('Español');
		expect(LOCALE_NAMES.en).toBe('English');
	});
});

describe('negotiateLocale and RFC 9110 weights', () => {
	it('never picks a language the browser refused with q=0', () => {
		expect(negotiateLocale('fr, pt;q=0')).toBe('en');
		expect(negotiateLocale('pt;q=0')).toBe('en');
	});

	it('reads weights with spaces and an upper-case Q', () => {
		expect(negotiateLocale('pt-BR; q=0.1, es')).toBe('es');
		expect(negotiateLocale('pt-BR;Q=0.1, es')).toBe('es');
	});
});

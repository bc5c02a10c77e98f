import { describe, expect, it } from 'vitest';
import {
	SECTIONS,
	loadCatalogue,
	loadMessages,
	loadSection,
	type Section
} from '../../src/lib/i18n/catalogue';
import { LOCALES, type Locale } from '../../src/lib/domain/vocabulary';

type Catalogue = Record<string, string>;

const sections = async (locale: Locale) =>
	Object.fromEntries(
		await Promise.all(SECTIONS.map(async (s) => [s, (await loadSection(locale, s)) as Catalogue]))
	) as Record<Section, Catalogue>;

const BY_LOCALE = Object.fromEntries(
	await Promise.all(LOCALES.map(async (locale) => [locale, await sections(locale)]))
) as Record<Locale, Record<Section, Catalogue>>;
const ENGLISH = BY_LOCALE.en;
const OTHERS = LOCALES.filter((locale) => locale !== 'en');
const EACH_SECTION = OTHERS.flatMap((locale) => SECTIONS.map((section) => [locale, section]));

const placeholders = (text: string) =>
	[...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
	it('split every locale into the same sections, each key in exactly one', () => {
		const seen = new Map<string, Section>();
		for (const section of SECTIONS)
			for (const key of Object.keys(ENGLISH[section])) {
				expect(seen.get(key), `${key} is in ${seen.get(key)} and ${section}`).toBeUndefined();
				seen.set(key, section);
			}
		for (const locale of LOCALES)
			for (const section of SECTIONS)
				expect(
					Object.keys(BY_LOCALE[locale][section]).length,
					`${locale} ${section}`
				).toBeGreaterThan(0);
	});

	it.each(LOCALES)('loadCatalogue(%s) returns every message of every section', async (locale) => {
		const all = await loadCatalogue(locale);
		expect(all).toEqual(Object.assign({}, ...SECTIONS.map((s) => BY_LOCALE[locale][s])));
		expect(Object.keys(all).sort()).toEqual(
			SECTIONS.flatMap((s) => Object.keys(ENGLISH[s])).sort()
		);
	});

	it('loads core and only the asked-for sections for a page', async () => {
		const page = await loadMessages('es', ['reviews']);
		expect(Object.keys(page).sort()).toEqual(
			[...Object.keys(ENGLISH.core), ...Object.keys(ENGLISH.reviews)].sort()
		);
		expect(page).toEqual({ ...BY_LOCALE.es.core, ...BY_LOCALE.es.reviews });
		// The same sections again are the same object, so navigating between them changes nothing.
		expect(await loadMessages('es', ['reviews'])).toBe(page);
	});

	it.each(EACH_SECTION)('%s %s has exactly the English keys', (locale, section) => {
		const keys = Object.keys(BY_LOCALE[locale as Locale][section as Section]).sort();
		const english = Object.keys(ENGLISH[section as Section]).sort();
		expect(
			english.filter((key) => !keys.includes(key)),
			'missing'
		).toEqual([]);
		expect(
			keys.filter((key) => !english.includes(key)),
			'extra'
		).toEqual([]);
	});

	it.each(LOCALES)('%s has no empty messages', async (locale) => {
		const empty = Object.entries(await loadCatalogue(locale))
			.filter(([, text]) => typeof text !== 'string' || text.trim() === '')
			.map(([key]) => key);
		expect(empty).toEqual([]);
	});

	it.each(EACH_SECTION)(
		'%s %s uses the same {placeholders} as English in each message',
		(locale, section) => {
			const translated = BY_LOCALE[locale as Locale][section as Section];
			const mismatched = Object.entries(ENGLISH[section as Section])
				.filter(([key, text]) => {
					const other = translated[key];
					return other === undefined || placeholders(other).join() !== placeholders(text).join();
				})
				.map(([key]) => `${key}: ${JSON.stringify(translated[key])}`);
			expect(mismatched).toEqual([]);
		}
	);

	it.each(LOCALES)('%s has no malformed placeholder braces', async (locale) => {
		const malformed = Object.entries(await loadCatalogue(locale))
			.filter(([, text]) => {
				const braces = (text.match(/[{}]/g) ?? []).length;
				return braces !== placeholders(text).length * 2;
			})
			.map(([key, text]) => `${key}: ${text}`);
		expect(malformed).toEqual([]);
	});

	it('translates most messages rather than copying the English', async () => {
		const english: Catalogue = await loadCatalogue('en');
		for (const locale of OTHERS) {
			const translated: Catalogue = await loadCatalogue(locale);
			const same = Object.keys(english).filter((key) => translated[key] === english[key]);
			// Abbreviations such as team role codes may stay; whole sentences may not.
			expect(same.length / Object.keys(english).length, locale).toBeLessThan(0.15);
		}
	});
});

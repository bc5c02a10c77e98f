import { describe, expect, it } from 'vitest';
import {
	looseKey,
	plainNumber,
	vocabularyClashes,
	vocabularyCode,
	vocabularyLookup,
	yesNo
} from '../../src/lib/domain/import-values';
import {
	LIFECYCLE_STAGES,
	REGIONS,
	SALES_CHANNELS,
	SEGMENTS,
	SUPPORT_PACKAGES,
	TEAM_ROLES,
	LOCALES
} from '../../src/lib/domain/vocabulary';
import { METRIC_KEYS } from '../../src/lib/domain/adoption';
import {
	FEEDBACK_KINDS,
	FEEDBACK_SOURCES,
	FEEDBACK_STATUSES,
	FEEDBACK_TEAMS,
	FEEDBACK_THEMES
} from '../../src/lib/domain/feedback';
import { loadCatalogue, type MessageKey } from '../../src/lib/i18n/catalogue';

const catalogues = await Promise.all(LOCALES.map((locale) => loadCatalogue(locale)));
const labelsOf = (codes: readonly string[], prefix: string) =>
	Object.fromEntries(
		codes.map((code) => [code, catalogues.map((m) => m[`${prefix}.${code}` as MessageKey])])
	);

describe('looseKey', () => {
	it('ignores case, accents, spaces and punctuation', () => {
		expect(looseKey('Mid-market')).toBe('midmarket');
		expect(looseKey('mid_market')).toBe('midmarket');
		expect(looseKey(' MID MARKET ')).toBe('midmarket');
		expect(looseKey('Ásia-Pacífico')).toBe('asiapacifico');
		expect(looseKey('Time zone (IANA)')).toBe('timezoneiana');
	});
});

describe('vocabulary cells', () => {
	const segments = vocabularyLookup(SEGMENTS, labelsOf(SEGMENTS, 'segment'));

	it('reads the stored code or its label in any language, whatever the case', () => {
		for (const cell of [
			'mid_market',
			'Mid-market',
			'MID-MARKET',
			'Média empresa',
			'mediana empresa'
		])
			expect(vocabularyCode(cell, segments), cell).toBe('mid_market');
		expect(vocabularyCode('Grande empresa', segments)).toBe('enterprise');
		expect(vocabularyCode('Pequeña empresa', segments)).toBe('smb');
	});

	it('returns text that names no code as typed, for the form rule to refuse', () => {
		expect(vocabularyCode(' Huge ', segments)).toBe('Huge');
	});

	it.each([
		['segment', SEGMENTS],
		['region', REGIONS],
		['stage', LIFECYCLE_STAGES],
		['channel', SALES_CHANNELS],
		['package', SUPPORT_PACKAGES],
		['team', TEAM_ROLES],
		['metric', METRIC_KEYS],
		['feedbackKind', FEEDBACK_KINDS],
		['feedbackSource', FEEDBACK_SOURCES],
		['feedbackTeam', FEEDBACK_TEAMS],
		['feedbackStatus', FEEDBACK_STATUSES],
		['feedbackTheme', FEEDBACK_THEMES]
	] as const)('never lets two %s codes read alike in any language', (prefix, codes) => {
		expect(vocabularyClashes(codes, labelsOf(codes, prefix))).toEqual([]);
	});

	it('reports names that two codes share', () => {
		expect(vocabularyClashes(['a', 'b'], { a: ['Same'], b: ['same'] })).toEqual(['same: a / b']);
	});
});

describe('numbers in the convention of the file', () => {
	it('reads comma thousands and point decimals in a comma-separated file', () => {
		expect(plainNumber('1,200,000', ',')).toBe('1200000');
		expect(plainNumber('1,200,000.50', ',')).toBe('1200000.50');
		expect(plainNumber('1200000', ',')).toBe('1200000');
		expect(plainNumber('12.5', ',')).toBe('12.5');
	});

	it('reads point thousands and comma decimals in a semicolon-separated file', () => {
		expect(plainNumber('1.200.000', ';')).toBe('1200000');
		expect(plainNumber('1.200.000,50', ';')).toBe('1200000.50');
		expect(plainNumber('12,5', ';')).toBe('12.5');
		expect(plainNumber('1.200', ';')).toBe('1200');
	});

	it('reads spaces, no-break spaces and narrow no-break spaces as thousands separators', () => {
		expect(plainNumber('1 200 000', ',')).toBe('1200000');
		expect(plainNumber('1\u00a0200\u00a0000', ';')).toBe('1200000');
		expect(plainNumber('1\u202f200', ';')).toBe('1200');
	});

	it('drops the zero decimals of a whole number, so a whole-number rule takes it', () => {
		expect(plainNumber('1.200,00', ';')).toBe('1200');
		expect(plainNumber('1,200.00', ',')).toBe('1200');
		expect(plainNumber('1200.5', ',')).toBe('1200.5');
	});

	it('leaves what is not grouped by threes as typed, for the form rule to judge', () => {
		expect(plainNumber('1,5', ',')).toBe('1,5');
		expect(plainNumber('12,34,567', ',')).toBe('12,34,567');
		expect(plainNumber('$1,200', ',')).toBe('$1,200');
		expect(plainNumber('-1,200', ',')).toBe('-1200');
	});
});

describe('yes/no cells', () => {
	it('reads yes and no in any of the three languages, as the checkbox rule does', () => {
		for (const cell of ['Yes', 'y', 'TRUE', '1', 'x', 'Sim', 'sí', 'si'])
			expect(yesNo(cell), cell).toBe('true');
		for (const cell of ['', 'No', 'n', 'false', '0', 'Não', 'nao'])
			expect(yesNo(cell), cell).toBe('');
	});

	it('refuses a cell that says neither, which the checkbox rule would read as no', () => {
		expect(yesNo('maybe')).toBeNull();
		expect(yesNo('2')).toBeNull();
	});
});

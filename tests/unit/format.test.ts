import { afterEach, describe, expect, it } from 'vitest';
import {
	format,
	formatDate,
	formatDateTime,
	formatMoney,
	formatNumber,
	formatRelativeDays
} from '../../src/lib/i18n/format';

// Intl separates some parts with no-break or narrow no-break spaces; compare them as spaces.
const plain = (text: string) => text.replace(/\s/g, ' ');

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
	if (ORIGINAL_TZ === undefined) delete process.env.TZ;
	else process.env.TZ = ORIGINAL_TZ;
});

const SERVER_ZONES = [
	'UTC',
	'America/Sao_Paulo',
	'America/Los_Angeles',
	'Pacific/Pago_Pago',
	'Europe/Amsterdam',
	'Asia/Singapore',
	'Pacific/Kiritimati'
];

describe('format', () => {
	it('fills placeholders', () => {
		expect(format('Remove {name}', { name: 'Ana' })).toBe('Remove Ana');
		expect(format('Page {page} of {pageCount}', { page: 2, pageCount: 10 })).toBe('Page 2 of 10');
	});

	it('fills a placeholder each time it appears', () => {
		expect(format('{n} + {n} = {sum}', { n: 1, sum: 2 })).toBe('1 + 1 = 2');
	});

	it('fills numbers, including 0, and empty strings', () => {
		expect(format('{count} accounts', { count: 0 })).toBe('0 accounts');
		expect(format('[{x}]', { x: '' })).toBe('[]');
	});

	it('leaves a placeholder with no matching param visible, so a missing value shows', () => {
		expect(format('Wait {seconds} seconds', { minutes: 2 })).toBe('Wait {seconds} seconds');
		expect(format('{a} and {b}', { a: 'A' })).toBe('A and {b}');
	});

	it('gives the template back untouched without params', () => {
		expect(format('Wait {seconds} seconds')).toBe('Wait {seconds} seconds');
		expect(format('No placeholders', { x: 1 })).toBe('No placeholders');
	});

	it('does not read placeholders inside the values it fills', () => {
		expect(format('Hello {name}', { name: '{other}', other: 'X' })).toBe('Hello {other}');
	});

	it('inserts values literally, even with $ patterns', () => {
		expect(format('Price: {p}', { p: '$& $1 $$' })).toBe('Price: $& $1 $$');
	});

	it('ignores braces that are not a placeholder name', () => {
		expect(format('{ name } {na-me} {}', { name: 'x' })).toBe('{ name } {na-me} {}');
	});
});

describe('formatDate', () => {
	it('formats a calendar date in each locale', () => {
		expect(plain(formatDate('2026-11-22', 'en'))).toBe('Nov 22, 2026');
		const pt = plain(formatDate('2026-11-22', 'pt-BR'));
		expect(pt).toContain('22');
		expect(pt).toContain('nov');
		expect(pt).toContain('2026');
		const es = plain(formatDate('2026-11-22', 'es'));
		expect(es).toContain('22');
		expect(es).toContain('nov');
		expect(es).toContain('2026');
	});

	it('never shifts the day, whatever the server time zone', () => {
		for (const zone of SERVER_ZONES) {
			process.env.TZ = zone;
			for (const locale of ['en', 'pt-BR', 'es']) {
				const text = formatDate('2026-11-22', locale);
				expect(text, `${zone} ${locale}`).toMatch(/\b22\b/);
				expect(text, `${zone} ${locale}`).not.toMatch(/\b2[13]\b/);
			}
			expect(plain(formatDate('2026-01-01', 'en')), zone).toBe('Jan 1, 2026');
			expect(plain(formatDate('2026-12-31', 'en')), zone).toBe('Dec 31, 2026');
			expect(plain(formatDate('2028-02-29', 'en')), zone).toBe('Feb 29, 2028');
		}
	});

	it('gives the empty string for no date', () => {
		expect(formatDate(null, 'en')).toBe('');
		expect(formatDate('', 'pt-BR')).toBe('');
	});
});

describe('formatDateTime', () => {
	const instant = '2026-11-22T02:30:00Z';

	it('shows the instant in the given time zone, not the server one', () => {
		for (const zone of SERVER_ZONES) {
			process.env.TZ = zone;
			expect(plain(formatDateTime(instant, 'en', 'America/Sao_Paulo')), zone).toBe(
				'Nov 21, 2026, 11:30 PM'
			);
			expect(plain(formatDateTime(instant, 'en', 'Asia/Singapore')), zone).toBe(
				'Nov 22, 2026, 10:30 AM'
			);
		}
	});

	it('uses 24-hour time and day-first dates in pt-BR and es', () => {
		const pt = plain(formatDateTime(instant, 'pt-BR', 'America/Sao_Paulo'));
		expect(pt).toMatch(/^21 de nov\.? de 2026/);
		expect(pt).toMatch(/23:30$/);
		const es = plain(formatDateTime(instant, 'es', 'Europe/Madrid'));
		expect(es).toMatch(/^22 nov\.? 2026/);
		expect(es).toMatch(/3:30$/);
	});

	it('follows DST in the given zone', () => {
		expect(plain(formatDateTime('2026-07-01T12:00:00Z', 'en', 'Europe/Amsterdam'))).toBe(
			'Jul 1, 2026, 2:00 PM'
		);
		expect(plain(formatDateTime('2026-12-01T12:00:00Z', 'en', 'Europe/Amsterdam'))).toBe(
			'Dec 1, 2026, 1:00 PM'
		);
	});

	it('gives the same text for a Date and its ISO string', () => {
		const date = new Date(instant);
		expect(formatDateTime(date, 'pt-BR', 'UTC')).toBe(formatDateTime(instant, 'pt-BR', 'UTC'));
	});
});

describe('formatMoney', () => {
	it('formats whole amounts in English', () => {
		expect(plain(formatMoney(1234567, 'USD', 'en'))).toBe('$1,234,567');
		expect(plain(formatMoney(0, 'USD', 'en'))).toBe('$0');
		expect(plain(formatMoney(1234, 'EUR', 'en'))).toBe('€1,234');
	});

	it('formats in Brazilian Portuguese, with dots for thousands', () => {
		expect(plain(formatMoney(1234567, 'BRL', 'pt-BR'))).toBe('R$ 1.234.567');
		expect(plain(formatMoney(1234567, 'USD', 'pt-BR'))).toBe('US$ 1.234.567');
	});

	it('formats in Spanish, with the symbol after the amount', () => {
		expect(plain(formatMoney(1234567, 'EUR', 'es'))).toBe('1.234.567 €');
		// Spanish groups only from five digits.
		expect(plain(formatMoney(1234, 'EUR', 'es'))).toBe('1234 €');
	});

	it('rounds to whole units', () => {
		expect(plain(formatMoney(1234.6, 'USD', 'en'))).toBe('$1,235');
		expect(plain(formatMoney(1234.4, 'BRL', 'pt-BR'))).toBe('R$ 1.234');
	});

	it('formats negative amounts', () => {
		expect(plain(formatMoney(-500, 'USD', 'en'))).toBe('-$500');
	});
});

describe('formatNumber', () => {
	it('groups digits per locale', () => {
		expect(formatNumber(1234567, 'en')).toBe('1,234,567');
		expect(formatNumber(1234567, 'pt-BR')).toBe('1.234.567');
		expect(formatNumber(1234567, 'es')).toBe('1.234.567');
		expect(formatNumber(1.5, 'pt-BR')).toBe('1,5');
	});
});

describe('formatRelativeDays', () => {
	it('words future and past day counts per locale', () => {
		expect(formatRelativeDays(12, 'en')).toBe('in 12 days');
		expect(formatRelativeDays(-3, 'en')).toBe('3 days ago');
		expect(formatRelativeDays(12, 'pt-BR')).toBe('em 12 dias');
		expect(formatRelativeDays(-3, 'es')).toBe('hace 3 días');
	});

	it('says today, tomorrow and yesterday in words', () => {
		expect(formatRelativeDays(0, 'en')).toBe('today');
		expect(formatRelativeDays(1, 'en')).toBe('tomorrow');
		expect(formatRelativeDays(-1, 'en')).toBe('yesterday');
		expect(formatRelativeDays(1, 'pt-BR')).toBe('amanhã');
		expect(formatRelativeDays(-1, 'es')).toBe('ayer');
	});
});

describe('format placeholders', () => {
	it('fills only parameters it was given, never inherited object properties', () => {
		expect(format('Hi {constructor} {toString}', {})).toBe('Hi {constructor} {toString}');
	});
});

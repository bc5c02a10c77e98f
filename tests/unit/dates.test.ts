import { afterEach, describe, expect, it, vi } from 'vitest';
import { addDays, daysBetween, todayIn } from '../../src/lib/domain/dates';

const ORIGINAL_TZ = process.env.TZ;
afterEach(() => {
	if (ORIGINAL_TZ === undefined) delete process.env.TZ;
	else process.env.TZ = ORIGINAL_TZ;
	vi.useRealTimers();
});

/** Server zones to run the calendar arithmetic under: the result must not depend on them. */
const SERVER_ZONES = [
	'UTC',
	'Europe/Amsterdam',
	'America/New_York',
	'America/Sao_Paulo',
	'Australia/Lord_Howe',
	'Pacific/Kiritimati',
	'Pacific/Pago_Pago'
];

describe('todayIn', () => {
	it.each([
		// 02:30 UTC: still yesterday west of Greenwich, already today east of it.
		['2026-11-22T02:30:00Z', 'America/Sao_Paulo', '2026-11-21'],
		['2026-11-22T02:30:00Z', 'Asia/Singapore', '2026-11-22'],
		['2026-11-22T02:30:00Z', 'UTC', '2026-11-22'],
		['2026-11-22T02:30:00Z', 'America/Los_Angeles', '2026-11-21'],
		// The last and first instants of a UTC day.
		['2026-11-21T23:59:59.999Z', 'UTC', '2026-11-21'],
		['2026-11-22T00:00:00.000Z', 'UTC', '2026-11-22'],
		['2026-11-21T23:59:59.999Z', 'Europe/Amsterdam', '2026-11-22'],
		// Sao Paulo is UTC-3 all year (no DST since 2019): its midnight is 03:00 UTC.
		['2026-11-22T02:59:59Z', 'America/Sao_Paulo', '2026-11-21'],
		['2026-11-22T03:00:00Z', 'America/Sao_Paulo', '2026-11-22'],
		// The widest spread: UTC+14 and UTC-11 are a calendar day and more apart.
		['2026-11-22T11:00:00Z', 'Pacific/Kiritimati', '2026-11-23'],
		['2026-11-22T10:59:59Z', 'Pacific/Pago_Pago', '2026-11-21'],
		// Around the Amsterdam DST changes (CET +1 in winter, CEST +2 in summer).
		['2026-03-28T22:59:59Z', 'Europe/Amsterdam', '2026-03-28'],
		['2026-03-28T23:00:00Z', 'Europe/Amsterdam', '2026-03-29'],
		['2026-10-24T21:59:59Z', 'Europe/Amsterdam', '2026-10-24'],
		['2026-10-24T22:00:00Z', 'Europe/Amsterdam', '2026-10-25'],
		// Year end.
		['2026-12-31T23:30:00Z', 'Europe/Amsterdam', '2027-01-01'],
		['2027-01-01T01:00:00Z', 'America/New_York', '2026-12-31'],
		// Leap day.
		['2028-02-29T12:00:00Z', 'Asia/Singapore', '2028-02-29'],
		// Samoa skipped 30 December 2011: its 29th ended at 10:00 UTC and the 31st began.
		['2011-12-30T09:59:59Z', 'Pacific/Apia', '2011-12-29'],
		['2011-12-30T10:00:00Z', 'Pacific/Apia', '2011-12-31']
	])('at %s, %s is on %s', (instant, zone, expected) => {
		expect(todayIn(zone, new Date(instant))).toBe(expected);
	});

	it('always gives zero-padded YYYY-MM-DD', () => {
		expect(todayIn('UTC', new Date('2026-01-05T12:00:00Z'))).toBe('2026-01-05');
		expect(todayIn('Europe/Amsterdam', new Date('2026-09-09T12:00:00Z'))).toMatch(
			/^\d{4}-\d{2}-\d{2}$/
		);
	});

	it('does not depend on the server time zone', () => {
		const instant = new Date('2026-11-22T02:30:00Z');
		for (const zone of SERVER_ZONES) {
			process.env.TZ = zone;
			expect(todayIn('America/Sao_Paulo', instant)).toBe('2026-11-21');
			expect(todayIn('Asia/Singapore', instant)).toBe('2026-11-22');
		}
	});

	it('uses the instant passed in, never the clock', () => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('2030-06-15T12:00:00Z'));
		expect(todayIn('UTC', new Date('2026-11-22T02:30:00Z'))).toBe('2026-11-22');
	});

	it('throws on an unknown zone rather than guessing', () => {
		expect(() => todayIn('Mars/Olympus_Mons', new Date('2026-11-22T00:00:00Z'))).toThrow(
			RangeError
		);
	});
});

describe('daysBetween', () => {
	it('counts whole days forwards and backwards', () => {
		expect(daysBetween('2026-11-22', '2026-11-22')).toBe(0);
		expect(daysBetween('2026-11-22', '2026-11-23')).toBe(1);
		expect(daysBetween('2026-11-22', '2026-12-22')).toBe(30);
		expect(daysBetween('2026-11-23', '2026-11-22')).toBe(-1);
		expect(daysBetween('2027-02-20', '2026-11-22')).toBe(-90);
	});

	it('crosses month and year ends', () => {
		expect(daysBetween('2026-01-31', '2026-02-01')).toBe(1);
		expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
		expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
	});

	it('counts leap days', () => {
		expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
		expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
		expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
		expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1);
		expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2);
	});

	it.each([
		// Europe/Amsterdam springs forward on 29 March 2026 and falls back on 25 October 2026.
		['2026-03-28', '2026-03-30', 2],
		['2026-03-29', '2026-03-30', 1],
		['2026-10-24', '2026-10-26', 2],
		['2026-10-25', '2026-10-26', 1],
		// America/New_York: 8 March and 1 November 2026.
		['2026-03-07', '2026-03-09', 2],
		['2026-10-31', '2026-11-02', 2],
		// A whole summer, both changes inside.
		['2026-03-01', '2026-11-01', 245]
	])('gives whole days across DST changes (%s → %s = %i) in any server zone', (from, to, days) => {
		for (const zone of SERVER_ZONES) {
			process.env.TZ = zone;
			const result = daysBetween(from, to);
			expect(result).toBe(days);
			expect(Number.isInteger(result)).toBe(true);
			expect(daysBetween(to, from)).toBe(-days);
		}
	});

	it('spans the whole range the forms accept', () => {
		expect(daysBetween('1900-01-01', '2999-12-31')).toBe(401_766);
	});
});

describe('addDays', () => {
	it('adds and subtracts days', () => {
		expect(addDays('2026-11-22', 0)).toBe('2026-11-22');
		expect(addDays('2026-11-22', 1)).toBe('2026-11-23');
		expect(addDays('2026-11-22', 90)).toBe('2027-02-20');
		expect(addDays('2026-11-22', -22)).toBe('2026-10-31');
	});

	it('crosses month and year ends', () => {
		expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
		expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
		expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
	});

	it('lands on leap days only in leap years', () => {
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
		expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
		expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
		expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
		expect(addDays('2028-02-29', 365)).toBe('2029-02-28');
		expect(addDays('2028-02-29', 366)).toBe('2029-03-01');
	});

	it('steps one calendar day at a time across DST changes in any server zone', () => {
		for (const zone of SERVER_ZONES) {
			process.env.TZ = zone;
			expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
			expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
			expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
			expect(addDays('2026-11-01', -1)).toBe('2026-10-31');
			expect(addDays('2026-03-08', 1)).toBe('2026-03-09');
		}
	});

	it('walks a year day by day without skipping or repeating a date', () => {
		process.env.TZ = 'Europe/Amsterdam';
		const days = new Set<string>();
		let date = '2028-01-01';
		for (let i = 0; i < 366; i++) {
			days.add(date);
			date = addDays(date, 1);
		}
		expect(days.size).toBe(366);
		expect(date).toBe('2029-01-01');
	});

	it('is the inverse of daysBetween', () => {
		const dates = ['2026-01-01', '2026-02-28', '2026-03-29', '2028-02-29', '2026-10-25'];
		for (const from of dates) {
			for (const to of dates) expect(addDays(from, daysBetween(from, to))).toBe(to);
		}
	});
});

describe('server time zone switch', () => {
	it('really takes effect in this test process, so the zone loops above test something', () => {
		process.env.TZ = 'Pacific/Kiritimati';
		const kiritimati = new Date(2026, 0, 1).getTimezoneOffset();
		process.env.TZ = 'Pacific/Pago_Pago';
		const pagoPago = new Date(2026, 0, 1).getTimezoneOffset();
		expect(kiritimati).toBe(-14 * 60);
		expect(pagoPago).toBe(11 * 60);
	});
});

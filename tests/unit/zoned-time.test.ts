import { describe, expect, it } from 'vitest';
import { instantToZoned, offsetMinutes, zonedToInstant } from '../../src/lib/domain/zoned-time';

describe('zonedToInstant', () => {
	it('converts wall-clock times in winter and summer', () => {
		expect(zonedToInstant('2026-01-15', '09:00', 'Europe/Amsterdam').toISOString()).toBe(
			'2026-01-15T08:00:00.000Z'
		);
		expect(zonedToInstant('2026-07-15', '09:00', 'Europe/Amsterdam').toISOString()).toBe(
			'2026-07-15T07:00:00.000Z'
		);
		expect(zonedToInstant('2026-07-15', '09:00', 'America/Sao_Paulo').toISOString()).toBe(
			'2026-07-15T12:00:00.000Z'
		);
		expect(zonedToInstant('2026-11-22', '23:30', 'Asia/Singapore').toISOString()).toBe(
			'2026-11-22T15:30:00.000Z'
		);
	});

	it('moves a time skipped by spring-forward past the gap', () => {
		// Amsterdam skips 02:00–03:00 on 2026-03-29.
		const instant = zonedToInstant('2026-03-29', '02:30', 'Europe/Amsterdam');
		expect(instantToZoned(instant, 'Europe/Amsterdam')).toEqual({
			date: '2026-03-29',
			time: '03:30'
		});
	});

	it('takes the first of a time that happens twice in autumn', () => {
		// Amsterdam repeats 02:00–03:00 on 2026-10-25: first at +02:00.
		expect(zonedToInstant('2026-10-25', '02:30', 'Europe/Amsterdam').toISOString()).toBe(
			'2026-10-25T00:30:00.000Z'
		);
	});

	it('round-trips through instantToZoned in many zones', () => {
		for (const zone of [
			'UTC',
			'America/Mexico_City',
			'America/Bogota',
			'Europe/London',
			'Asia/Kolkata',
			'Pacific/Chatham'
		]) {
			const instant = zonedToInstant('2026-05-04', '14:45', zone);
			expect(instantToZoned(instant, zone), zone).toEqual({ date: '2026-05-04', time: '14:45' });
		}
	});

	it('knows offsets, including fractional ones', () => {
		expect(offsetMinutes(new Date('2026-01-01T00:00:00Z'), 'Asia/Kolkata')).toBe(330);
		expect(offsetMinutes(new Date('2026-01-01T00:00:00Z'), 'America/Sao_Paulo')).toBe(-180);
	});
});

import { describe, expect, it } from 'vitest';
import { buildCalendar, buildIcs } from '../../src/lib/domain/ics';

const stamp = new Date('2026-11-22T10:00:00Z');
const meeting = {
	uid: 'review-3@keel',
	start: new Date('2026-12-01T13:00:00Z'),
	durationMinutes: 60,
	summary: 'CBR: Aguilar Pagos',
	description: '',
	location: '',
	stamp,
	attendees: []
};
const review = { ...meeting, sequence: 4, cancelled: false };
const task = {
	uid: 'task-9@keel',
	date: '2026-12-31',
	summary: 'Due: Send the quote',
	description: 'Line one\nline two',
	stamp,
	sequence: 2
};

describe('buildCalendar', () => {
	const ics = buildCalendar('Keel — Ana Souza', [
		review,
		{ ...review, uid: 'r-4', cancelled: true },
		task
	]);
	const lines = ics.replace(/\r\n /g, '').split('\r\n');
	const event = (uid: string) => {
		const start = lines.indexOf(`UID:${uid}`);
		return lines.slice(start, lines.indexOf('END:VEVENT', start));
	};

	it('is one VCALENDAR with a name, a refresh hint and one VEVENT per event', () => {
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(lines).toContain('X-WR-CALNAME:Keel — Ana Souza');
		expect(lines).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT1H');
		expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3);
		expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(3);
	});

	it('gives timed events UTC times, a SEQUENCE, and STATUS only when called off', () => {
		expect(event('review-3@keel')).toEqual(
			expect.arrayContaining([
				'DTSTAMP:20261122T100000Z',
				'SEQUENCE:4',
				'DTSTART:20261201T130000Z',
				'DTEND:20261201T140000Z'
			])
		);
		expect(event('review-3@keel').some((l) => l.startsWith('STATUS'))).toBe(false);
		expect(event('r-4')).toContain('STATUS:CANCELLED');
	});

	it('makes a task an all-day event ending the next day (exclusive), across a year end', () => {
		expect(event('task-9@keel')).toEqual([
			'UID:task-9@keel',
			'DTSTAMP:20261122T100000Z',
			'SEQUENCE:2',
			'DTSTART;VALUE=DATE:20261231',
			'DTEND;VALUE=DATE:20270101',
			'SUMMARY:Due: Send the quote',
			'DESCRIPTION:Line one\\nline two',
			'TRANSP:TRANSPARENT'
		]);
	});

	it('writes an empty feed as a valid calendar with no events', () => {
		const empty = buildCalendar('Keel', []).split('\r\n');
		expect(empty).not.toContain('BEGIN:VEVENT');
		expect(empty.at(-2)).toBe('END:VCALENDAR');
	});

	it('leaves the single-event download as it was: no SEQUENCE, no STATUS', () => {
		const single = buildIcs(meeting);
		expect(single).not.toContain('SEQUENCE');
		expect(single).not.toContain('STATUS');
		expect(single).not.toContain('X-WR-CALNAME');
	});
});

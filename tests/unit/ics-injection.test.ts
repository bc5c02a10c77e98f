import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText } from '../../src/lib/domain/ics';

/** Stored text with line breaks must stay inside its property: a break would start a new one. */
describe('calendar files with hostile text', () => {
	const ics = buildIcs({
		uid: 'review-1@keel',
		start: new Date('2027-01-10T10:00:00Z'),
		durationMinutes: 60,
		summary: 'QBR\rATTENDEE:mailto:evil@example.com',
		description: 'Agenda\n\rMETHOD:REQUEST',
		location: 'Room 1\rLOCATION:elsewhere',
		stamp: new Date('2026-11-22T10:00:00Z'),
		attendees: [{ name: 'Eve\r\nATTENDEE:mailto:evil@example.com\u0000', email: 'eve@example.com' }]
	});
	const lines = ics.replace(/\r\n /g, '').split('\r\n');

	it('has no line break but the CRLF that ends each line', () => {
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('keeps every property it was given, and no other', () => {
		const names = lines.map((l) => /^[A-Z-]+/.exec(l)?.[0]);
		expect(names.filter((n) => n === 'ATTENDEE')).toHaveLength(1);
		expect(names.filter((n) => n === 'LOCATION')).toHaveLength(1);
		expect(names.filter((n) => n === 'METHOD')).toHaveLength(1);
		expect(lines).toContain('SUMMARY:QBR\\nATTENDEE:mailto:evil@example.com');
		expect(lines).toContain('LOCATION:Room 1\\nLOCATION:elsewhere');
		expect(lines).toContain(
			'ATTENDEE;CN="Eve ATTENDEE:mailto:evil@example.com ";ROLE=REQ-PARTICIPANT:mailto:eve@example.com'
		);
	});

	it('escapes a lone CR as a newline', () => {
		expect(escapeText('a\rb\r\nc\nd')).toBe('a\\nb\\nc\\nd');
	});
});

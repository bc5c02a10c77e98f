import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine } from '../../src/lib/domain/ics';

const event = {
	uid: 'kickoff-7@keel',
	start: new Date('2026-12-01T13:00:00Z'),
	durationMinutes: 90,
	summary: 'Kick-off: Aguilar Pagos, S. de R.L.',
	description: 'Agenda:\n1. Scope; roles\n2. Timeline',
	location: 'AM11, Amsterdam',
	stamp: new Date('2026-11-22T10:00:00Z'),
	attendees: [
		{ name: 'Ana "Tita" Souza', email: 'ana@cliente.com.br' },
		{ name: 'No Email', email: '' }
	]
};

describe('buildIcs', () => {
	const ics = buildIcs(event);
	// Readers unfold continuation lines before parsing.
	const lines = ics.replace(/\r\n /g, '').split('\r\n');

	it('is a VCALENDAR with one VEVENT, CRLF line endings and UTC times', () => {
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
		expect(lines).toContain('DTSTART:20261201T130000Z');
		expect(lines).toContain('DTEND:20261201T143000Z');
		expect(lines).toContain('UID:kickoff-7@keel');
	});

	it('escapes text values', () => {
		expect(lines).toContain('SUMMARY:Kick-off: Aguilar Pagos\\, S. de R.L.');
		expect(lines).toContain('DESCRIPTION:Agenda:\\n1. Scope\\; roles\\n2. Timeline');
		expect(escapeText('a\\b')).toBe('a\\\\b');
	});

	it('lists attendees with an email, quoting their names safely', () => {
		const attendees = lines.filter((l) => l.startsWith('ATTENDEE'));
		expect(attendees).toEqual([
			`ATTENDEE;CN="Ana 'Tita' Souza";ROLE=REQ-PARTICIPANT:mailto:ana@cliente.com.br`
		]);
	});
});

describe('foldLine', () => {
	it('folds at 75 octets without splitting a multi-byte character', () => {
		const long = 'DESCRIPTION:' + 'ção'.repeat(40);
		const folded = foldLine(long).split('\r\n');
		expect(folded.length).toBeGreaterThan(1);
		for (const part of folded)
			expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
		expect(folded.slice(1).every((p) => p.startsWith(' '))).toBe(true);
		expect(folded.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(long);
	});

	it('leaves short lines alone', () => {
		expect(foldLine('SUMMARY:Hi')).toBe('SUMMARY:Hi');
	});
});

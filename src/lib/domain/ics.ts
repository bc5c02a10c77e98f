/** A single calendar event as RFC 5545 text: what calendar apps import from an `.ics` file. */
export interface CalendarEvent {
	uid: string;
	start: Date;
	durationMinutes: number;
	summary: string;
	description: string;
	location: string;
	/** When the event was last changed (DTSTAMP). */
	stamp: Date;
	attendees: { name: string; email: string }[];
}

function utcStamp(date: Date): string {
	return date
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}

/** TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets fold onto continuation lines starting with a space (§3.1). */
export function foldLine(line: string): string {
	const bytes = new TextEncoder().encode(line);
	if (bytes.length <= 75) return line;
	const parts: string[] = [];
	let current = '';
	let size = 0;
	for (const char of line) {
		const charSize = new TextEncoder().encode(char).length;
		const limit = parts.length === 0 ? 75 : 74;
		if (size + charSize > limit) {
			parts.push(current);
			current = '';
			size = 0;
		}
		current += char;
		size += charSize;
	}
	parts.push(current);
	return parts.join('\r\n ');
}

export function buildIcs(event: CalendarEvent): string {
	const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Keel//Customer success//EN',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		`DTSTART:${utcStamp(event.start)}`,
		`DTEND:${utcStamp(end)}`,
		`SUMMARY:${escapeText(event.summary)}`,
		...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
		...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
		...event.attendees
			.filter((a) => a.email)
			.map(
				(a) => `ATTENDEE;CN="${a.name.replace(/"/g, "'")}";ROLE=REQ-PARTICIPANT:mailto:${a.email}`
			),
		'END:VEVENT',
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}

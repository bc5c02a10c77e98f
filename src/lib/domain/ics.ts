import { addDays } from './dates';

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

/**
 * TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 §3.3.11); a lone CR is a
 * newline too, or a stored value could end the line and start a property of its own.
 */
export function escapeText(value: string): string {
	return value
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value (CN="…") may hold neither a quote nor a control character (§3.1). */
function paramText(value: string): string {
	return value.replace(/"/g, "'").replace(/\p{Cc}+/gu, ' ');
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

/** The VEVENT lines of a timed event, unfolded; SEQUENCE and STATUS only where given. */
function timedEventLines(event: CalendarEvent & Partial<FeedExtras>): string[] {
	const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);
	return [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		...(event.sequence !== undefined ? [`SEQUENCE:${event.sequence}`] : []),
		`DTSTART:${utcStamp(event.start)}`,
		`DTEND:${utcStamp(end)}`,
		`SUMMARY:${escapeText(event.summary)}`,
		...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
		...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
		...event.attendees
			.filter((a) => a.email)
			.map((a) => `ATTENDEE;CN="${paramText(a.name)}";ROLE=REQ-PARTICIPANT:mailto:${a.email}`),
		...(event.cancelled ? ['STATUS:CANCELLED'] : []),
		'END:VEVENT'
	];
}

const CALENDAR_HEAD = [
	'BEGIN:VCALENDAR',
	'VERSION:2.0',
	'PRODID:-//Keel//Customer success//EN',
	'CALSCALE:GREGORIAN',
	'METHOD:PUBLISH'
];

const toText = (lines: string[]) => lines.map(foldLine).join('\r\n') + '\r\n';

export function buildIcs(event: CalendarEvent): string {
	return toText([...CALENDAR_HEAD, ...timedEventLines(event), 'END:VCALENDAR']);
}

/**
 * What a subscribed feed adds to each event: SEQUENCE (the row's version, so a calendar app takes
 * a changed event over the copy it has) and whether it was called off.
 */
export interface FeedExtras {
	sequence: number;
	cancelled: boolean;
}

/** An event that fills a day rather than a time: a task due on that date. */
export interface AllDayEvent {
	uid: string;
	/** 'YYYY-MM-DD' */
	date: string;
	summary: string;
	description: string;
	stamp: Date;
	sequence: number;
}

export type FeedEvent = (CalendarEvent & FeedExtras) | AllDayEvent;

const basicDate = (date: string) => date.replace(/-/g, '');

function allDayLines(event: AllDayEvent): string[] {
	return [
		'BEGIN:VEVENT',
		`UID:${event.uid}`,
		`DTSTAMP:${utcStamp(event.stamp)}`,
		`SEQUENCE:${event.sequence}`,
		`DTSTART;VALUE=DATE:${basicDate(event.date)}`,
		// DTEND is exclusive: the day after (RFC 5545 §3.6.1).
		`DTEND;VALUE=DATE:${basicDate(addDays(event.date, 1))}`,
		`SUMMARY:${escapeText(event.summary)}`,
		...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
		// A due date marks the day; it does not make the person busy all of it.
		'TRANSP:TRANSPARENT',
		'END:VEVENT'
	];
}

/**
 * A calendar of many events, as a subscribed feed serves it: named, with a hint to refresh
 * hourly, each event with a stable UID so a refresh updates events rather than adding copies.
 */
export function buildCalendar(name: string, events: readonly FeedEvent[]): string {
	return toText([
		...CALENDAR_HEAD,
		`X-WR-CALNAME:${escapeText(name)}`,
		'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
		'X-PUBLISHED-TTL:PT1H',
		...events.flatMap((event) => ('date' in event ? allDayLines(event) : timedEventLines(event))),
		'END:VCALENDAR'
	]);
}

/**
 * Support calendars as people edit them: one opening interval per weekday in a grid, and
 * holidays typed or pasted as a list, one per line. Pure, so the rules are unit-tested.
 */
import { isoDate, type FieldResult } from './validation';
import type { SupportCalendar } from './sla';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface Holiday {
	/** 'YYYY-MM-DD' in the calendar's zone */
	day: string;
	name: string;
}

const OPEN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * One weekday's hours from the grid: both empty is closed; otherwise an opening 'HH:MM' and a
 * later closing 'HH:MM' (or '24:00', the end of the day). Errors are message keys.
 */
export function dayHours(
	day: Weekday,
	open: string,
	close: string
): FieldResult<SupportCalendar['week'][number] | null> {
	const from = open.trim();
	const to = close.trim();
	if (from === '' && to === '') return { ok: true, value: null };
	if (from === '' || to === '') return { ok: false, error: { key: 'error.hoursBoth' } };
	if (!OPEN.test(from) || !CLOSE.test(to)) return { ok: false, error: { key: 'error.time' } };
	if (to <= from) return { ok: false, error: { key: 'error.closeAfterOpen' } };
	return { ok: true, value: { day, open: from, close: to } };
}

/**
 * Holidays pasted as a list: one per line, the date first ('YYYY-MM-DD'), then an optional name
 * after a space, tab, comma or semicolon. Blank lines are skipped; a date listed twice is kept
 * once (the first name). A bad line is reported by its number, so the person can find it.
 */
export function parseHolidayList(text: string): FieldResult<Holiday[]> {
	const holidays = new Map<string, string>();
	const lines = text.split(/\r?\n/);
	for (const [index, raw] of lines.entries()) {
		const line = raw.trim();
		if (line === '') continue;
		const match = /^(\S+?)(?:[\s,;]+(.*))?$/.exec(line)!;
		const day = isoDate({ required: true })(match[1]!);
		if (!day.ok)
			return { ok: false, error: { key: 'error.holidayLine', params: { line: index + 1 } } };
		const name = (match[2] ?? '').trim().slice(0, 200);
		if (!holidays.has(day.value!)) holidays.set(day.value!, name);
	}
	return {
		ok: true,
		value: [...holidays]
			.map(([day, name]) => ({ day, name }))
			.sort((a, b) => a.day.localeCompare(b.day))
	};
}

/** The list as the textarea shows it again: one holiday per line, oldest first. */
export function formatHolidayList(holidays: Holiday[]): string {
	return holidays.map((h) => (h.name ? `${h.day} ${h.name}` : h.day)).join('\n');
}

/**
 * Support calendars as people edit them: a grid of opening ranges per weekday (several for a day
 * with a break), and holidays typed or pasted as a list, one per line. Pure, so the rules are
 * unit-tested.
 */
import { isoDate, type FieldError, type FieldResult } from './validation';
import type { SupportCalendar } from './sla';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

type Range = SupportCalendar['week'][number];

/** More ranges than this in one day is a slip, not a rota; the form offers no more rows. */
export const MAX_DAY_RANGES = 4;

/** One row of the editing grid as typed: '' and '' for none. */
export interface HoursRow {
	open: string;
	close: string;
}

/** One weekday of the editing grid, its rows in order. */
export interface GridDay {
	day: Weekday;
	hours: HoursRow[];
}

export type HoursField = 'open' | 'close';

/** The input's name: `open_<day>_<n>` or `close_<day>_<n>`, n counting the day's rows from 1. */
export const hoursField = (field: HoursField, day: Weekday, n: number) => `${field}_${day}_${n}`;

const HOURS_FIELD = /^(open|close)_([1-7])_([1-9]\d*)$/;

export interface Holiday {
	/** 'YYYY-MM-DD' in the calendar's zone */
	day: string;
	name: string;
}

const OPEN = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSE = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * One row of a weekday's hours: both empty is no range; otherwise an opening 'HH:MM' and a
 * later closing 'HH:MM' (or '24:00', the end of the day). Errors are message keys.
 */
export function dayHours(day: Weekday, open: string, close: string): FieldResult<Range | null> {
	const from = open.trim();
	const to = close.trim();
	if (from === '' && to === '') return { ok: true, value: null };
	if (from === '' || to === '') return { ok: false, error: { key: 'error.hoursBoth' } };
	if (!OPEN.test(from) || !CLOSE.test(to)) return { ok: false, error: { key: 'error.time' } };
	if (to <= from) return { ok: false, error: { key: 'error.closeAfterOpen' } };
	return { ok: true, value: { day, open: from, close: to } };
}

/** A problem with one input of a day's rows: which row (its place, from 0) and which time. */
export interface RowError {
	row: number;
	field: HoursField;
	error: FieldError;
}

const isEmpty = (row: HoursRow) => row.open.trim() === '' && row.close.trim() === '';

/**
 * One weekday's rows from the grid: empty rows are skipped, every other row must be a range
 * (dayHours), at most MAX_DAY_RANGES of them, and none may open before an earlier one closes: the
 * clock's own overlap rule (validateCalendar's 'week.overlap'), so touching ranges such as
 * 09:00–12:00 and 12:00–18:00 pass. Ranges come back in order of opening; each problem is put on
 * the input to fix.
 */
export function dayRanges(day: Weekday, rows: HoursRow[]): { ranges: Range[]; errors: RowError[] } {
	const read: { row: number; range: Range }[] = [];
	const errors: RowError[] = [];
	let filled = 0;
	for (const [row, typed] of rows.entries()) {
		if (isEmpty(typed)) continue;
		if (++filled > MAX_DAY_RANGES) {
			const error = { key: 'error.tooManyRanges', params: { max: MAX_DAY_RANGES } };
			errors.push({ row, field: 'open', error });
			continue;
		}
		const hours = dayHours(day, typed.open, typed.close);
		if (!hours.ok) {
			for (const field of faultyFields(day, typed, hours.error.key)) {
				errors.push({ row, field, error: hours.error });
			}
			continue;
		}
		read.push({ row, range: hours.value! }); // not null: the row is not empty
	}
	read.sort((a, b) => a.range.open.localeCompare(b.range.open) || a.row - b.row);
	let latest: Range | undefined;
	for (const { row, range } of read) {
		if (latest && range.open < latest.close) {
			const error = {
				key: 'error.rangesOverlap',
				params: { open: latest.open, close: latest.close }
			};
			errors.push({ row, field: 'open', error });
		}
		if (!latest || range.close > latest.close) latest = range;
	}
	return { ranges: read.map((r) => r.range), errors };
}

/** Which of a row's two inputs an error from dayHours belongs to. */
function faultyFields(day: Weekday, { open, close }: HoursRow, key: string): HoursField[] {
	if (key === 'error.hoursBoth') return [open.trim() === '' ? 'open' : 'close'];
	if (key !== 'error.time') return ['close'];
	// A malformed time: test each against a time that is valid on the other side.
	const malformed = (result: ReturnType<typeof dayHours>) =>
		!result.ok && result.error.key === 'error.time';
	const openBad = malformed(dayHours(day, open, '24:00'));
	const closeBad = malformed(dayHours(day, '00:00', close));
	return openBad && closeBad ? ['open', 'close'] : openBad ? ['open'] : ['close'];
}

/**
 * The week as the editing grid shows it, Monday first: every stored range of a day, in order of
 * opening, none dropped or merged (a calendar saved by other means keeps all its ranges); none
 * for a closed day.
 */
export function weekGrid(week: SupportCalendar['week']): GridDay[] {
	return WEEKDAYS.map((day) => ({
		day,
		hours: week
			.filter((w) => w.day === day)
			.sort((a, b) => a.open.localeCompare(b.open))
			.map(({ open, close }) => ({ open, close }))
	}));
}

/**
 * The grid as the form posted it, from its fields by name (hoursField): each day's rows in the
 * order of n, so a save is read, and a failed one shown again, row for row as typed.
 */
export function postedGrid(values: Record<string, string>): GridDay[] {
	const days = new Map(WEEKDAYS.map((day) => [day, new Map<number, HoursRow>()]));
	for (const [name, text] of Object.entries(values)) {
		const match = HOURS_FIELD.exec(name);
		if (!match) continue;
		const rows = days.get(Number(match[2]) as Weekday)!;
		const n = Number(match[3]);
		const row = rows.get(n) ?? { open: '', close: '' };
		row[match[1] as HoursField] = text;
		rows.set(n, row);
	}
	return WEEKDAYS.map((day) => ({
		day,
		hours: [...days.get(day)!].sort(([a], [b]) => a - b).map(([, row]) => row)
	}));
}

/**
 * The rows the form shows, copied so the form may edit them. With `spare` (the form without
 * JavaScript, which cannot add a row) each day with room gets an empty row to type another range
 * into, and every day at least two rows, so a split day can be typed in one go; without, a day
 * ends at its last filled row (an add button makes more) but keeps one row.
 */
export function gridRows(grid: GridDay[], spare: boolean): GridDay[] {
	return grid.map(({ day, hours }) => {
		const rows = hours.map((row) => ({ ...row }));
		if (spare) {
			if (rows.length < MAX_DAY_RANGES && !rows.some(isEmpty)) rows.push({ open: '', close: '' });
			if (rows.length < 2) rows.push({ open: '', close: '' });
		} else {
			while (rows.length > 1 && isEmpty(rows[rows.length - 1]!)) rows.pop();
			if (rows.length === 0) rows.push({ open: '', close: '' });
		}
		return { day, hours: rows };
	});
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

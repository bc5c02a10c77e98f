/**
 * SLA clocks: how much support time has elapsed, and when a target falls due, given a support
 * calendar (local opening hours in an IANA zone, holidays) and pauses (e.g. waiting on the
 * customer). Everything is measured in real elapsed time: a local 00:00–24:00 day is 23 or 25
 * hours long on a daylight-saving change day, so a 24×7 calendar counts exactly the wall-clock
 * minutes that passed.
 */

export interface SupportCalendar {
	/** IANA zone, e.g. 'Europe/Amsterdam'. */
	timeZone: string;
	/** ISO weekday (1 = Monday), local 'HH:MM'; close may be '24:00'. */
	week: { day: 1 | 2 | 3 | 4 | 5 | 6 | 7; open: string; close: string }[];
	/** 'YYYY-MM-DD' in the calendar's zone, closed all day. */
	holidays: string[];
}

export interface Pause {
	from: Date;
	to: Date;
}

type Week = SupportCalendar['week'];

const allDay = (days: Week[number]['day'][]): Week =>
	days.map((day) => ({ day, open: '00:00', close: '24:00' }));

/** Functions, so that a caller editing its copy (an admin form) cannot change everyone's preset. */
export const CALENDAR_PRESETS: Record<'24x7' | '24x5' | 'business', () => Week> = {
	'24x7': () => allDay([1, 2, 3, 4, 5, 6, 7]),
	'24x5': () => allDay([1, 2, 3, 4, 5]),
	business: () => ([1, 2, 3, 4, 5] as const).map((day) => ({ day, open: '09:00', close: '18:00' }))
};

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Consecutive closed days after which a due time is deemed unreachable rather than searched for. */
const HORIZON_DAYS = 3 * 366;

interface ZoneCache {
	format: Intl.DateTimeFormat;
	/** Offsets bracketing each local date seen (see offsetsOfDay); they never change. */
	days: Map<number, [number, number]>;
}

// Constructing an Intl.DateTimeFormat costs ~60 formats, and the same few dates recur across a
// list of SLA clocks: both are kept per zone.
const zones = new Map<string, ZoneCache>();

function zoneCache(timeZone: string): ZoneCache {
	let cache = zones.get(timeZone);
	if (!cache) {
		// Intl would silently use the server's zone for a missing one.
		if (typeof timeZone !== 'string') throw new RangeError('A time zone is required');
		// Throws a RangeError for an unknown zone, which is what callers should see.
		const format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		if (zones.size >= 1000) zones.clear(); // zone spellings are few; stay bounded regardless
		zones.set(timeZone, (cache = { format, days: new Map() }));
	}
	return cache;
}

const NUMBERS = /(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)\D+(\d+)/;

/** The zone's offset from UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
	// format() and a regex cost a third of formatToParts(), and this is the hot path. en-US
	// with numeric fields reads 'M/D/YYYY, HH:MM:SS'.
	const match = NUMBERS.exec(zoneCache(timeZone).format.format(ms));
	if (!match) throw new RangeError(`Cannot read the time in ${timeZone}`);
	const [, month, day, year, hour, minute, second] = match.map(Number) as number[];
	// Intl shows whole seconds, so compare with the instant truncated to its second.
	const wall = Date.UTC(year!, month! - 1, day, hour, minute, second);
	return wall - (ms - mod(ms, 1000));
}

const mod = (a: number, b: number) => ((a % b) + b) % b;

/** The local date containing instant `ms`, as the UTC midnight of that date ("day wall"). */
function localDay(ms: number, timeZone: string): number {
	// Where no change happens around the UTC date, its cached offset holds at `ms`: no Intl call.
	const [before, after] = offsetsOfDay(ms - mod(ms, DAY), timeZone);
	const wall = ms + (before === after ? before : offsetAt(ms, timeZone));
	return wall - mod(wall, DAY);
}

/**
 * The instant at which local clocks show `wall` (a local time written as if it were UTC), using
 * the offsets `before` and `after` that bracket the day. Of a time shown twice (autumn) the first
 * wins; a time skipped by spring-forward resolves to the first instant after the gap.
 */
function resolveWall(wall: number, before: number, after: number, timeZone: string): number {
	if (before === after) return wall - before;
	const early = wall - before;
	const late = wall - after;
	const valid = [early, late].filter((ms) => ms + offsetAt(ms, timeZone) === wall);
	if (valid.length > 0) return Math.min(...valid);
	// In the gap: `late` is before the change and `early` after it. Search the change's second.
	let lo = late / 1000;
	let hi = early / 1000;
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (offsetAt(mid * 1000, timeZone) === before) lo = mid;
		else hi = mid;
	}
	return hi * 1000;
}

interface Compiled {
	timeZone: string;
	/** Index = ISO weekday; flat [open, close, open, close…] in local minutes, sorted and merged. */
	week: number[][];
	holidays: Set<number>;
	hasOpenTime: boolean;
}

const TIME = /^(\d{2}):(\d{2})$/;

function minutesOf(time: unknown, isClose: boolean): number | null {
	const match = typeof time === 'string' ? TIME.exec(time) : null;
	if (!match) return null;
	const minutes = Number(match[1]) * 60 + Number(match[2]);
	if (isClose && minutes === 1440) return minutes;
	return Number(match[1]) < 24 && Number(match[2]) < 60 ? minutes : null;
}

function dayWallOf(date: unknown): number | null {
	const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
	if (!match) return null;
	const [, year, month, day] = match.map(Number) as number[];
	const ms = Date.UTC(year!, month! - 1, day);
	// Date.UTC rolls 2026-02-30 over to March; a real date keeps its day of the month.
	return month! >= 1 && month! <= 12 && new Date(ms).getUTCDate() === day ? ms : null;
}

/** Parses the week and holidays, collecting problem codes (the zone is checked by Intl). */
function parse(calendar: SupportCalendar): { problems: string[]; compiled: Compiled } {
	const problems = new Set<string>();
	const intervals: [number, number][][] = Array.from({ length: 8 }, () => []);
	if (calendar.week.length === 0) problems.add('week.empty');
	for (const { day, open, close } of calendar.week) {
		const from = minutesOf(open, false);
		const to = minutesOf(close, true);
		if (!Number.isInteger(day) || day < 1 || day > 7) problems.add('week.day');
		else if (from === null || to === null) problems.add('week.time');
		else if (to <= from) problems.add('week.order');
		else intervals[day]!.push([from, to]);
	}
	const week = intervals.map((day) => {
		const merged: number[] = [];
		for (const [from, to] of day.sort((a, b) => a[0] - b[0])) {
			const close = merged[merged.length - 1] ?? -1;
			if (from < close) problems.add('week.overlap');
			// Touching intervals (09–12, 12–18) are one: no instant is lost between them.
			if (from <= close) merged[merged.length - 1] = Math.max(close, to);
			else merged.push(from, to);
		}
		return merged;
	});
	const holidays = new Set<number>();
	for (const date of calendar.holidays) {
		const ms = dayWallOf(date);
		if (ms === null) problems.add('holidays.date');
		else holidays.add(ms);
	}
	const hasOpenTime = week.some((flat) => flat.length > 0);
	return {
		problems: [...problems],
		compiled: { timeZone: calendar.timeZone, week, holidays, hasOpenTime }
	};
}

// A list of clocks asks again and again of the same calendar object: parsed once per object
// (calendars are values, never changed once made).
const compiledCalendars = new WeakMap<SupportCalendar, Compiled>();

function compile(calendar: SupportCalendar): Compiled {
	let compiled = compiledCalendars.get(calendar);
	if (!compiled) compiledCalendars.set(calendar, (compiled = compileAfresh(calendar)));
	return compiled;
}

function compileAfresh(calendar: SupportCalendar): Compiled {
	zoneCache(calendar.timeZone);
	const { problems, compiled } = parse(calendar);
	// An empty week is a valid (if useless) calendar: nothing is ever open.
	const fatal = problems.filter((code) => code !== 'week.empty');
	if (fatal.length > 0) throw new RangeError(`Invalid support calendar: ${fatal.join(', ')}`);
	return compiled;
}

/** Machine-readable problems with a calendar (empty when it is usable), for admin forms. */
export function validateCalendar(calendar: SupportCalendar): string[] {
	const problems: string[] = [];
	try {
		zoneCache(calendar.timeZone);
	} catch {
		problems.push('timeZone.invalid');
	}
	return [...problems, ...parse(calendar).problems];
}

/**
 * Offsets bracketing a local date: any local time of it lies within UTC−12…+14 of its wall
 * value, so if the offset is the same at both ends of that window, no change happens that day
 * and every conversion is a subtraction.
 */
function offsetsOfDay(dayWall: number, timeZone: string): [number, number] {
	const { days } = zoneCache(timeZone);
	let offsets = days.get(dayWall);
	if (!offsets) {
		offsets = [
			offsetAt(dayWall - 15 * 3_600_000, timeZone),
			offsetAt(dayWall + DAY + 13 * 3_600_000, timeZone)
		];
		if (days.size >= 10_000) days.clear();
		days.set(dayWall, offsets);
	}
	return offsets;
}

/** The open intervals of one local date as instants, flat [from, to, from, to…]. */
function openSpans(calendar: Compiled, dayWall: number): number[] {
	const weekday = mod(dayWall / DAY + 3, 7) + 1; // 1970-01-01 was a Thursday
	const minutes = calendar.week[weekday]!;
	if (minutes.length === 0 || calendar.holidays.has(dayWall)) return [];
	const zone = calendar.timeZone;
	const [before, after] = offsetsOfDay(dayWall, zone);
	return minutes.map((m) => resolveWall(dayWall + m * MINUTE, before, after, zone));
}

/**
 * Pauses sorted by start, flat [from, to…]; empty or inverted pauses count for nothing. Overlaps
 * need no merging: `walk` skips every pause that ends before its position.
 */
function sortPauses(pauses: Pause[]): number[] {
	return pauses
		.map((pause) => [msOf(pause.from, 'pause.from'), msOf(pause.to, 'pause.to')] as const)
		.filter(([from, to]) => to > from)
		.sort((a, b) => a[0] - b[0])
		.flat();
}

function msOf(date: Date, name: string): number {
	const ms = date.getTime();
	if (!Number.isFinite(ms)) throw new RangeError(`${name} is not a valid date`);
	return ms;
}

/**
 * Calls `visit` with each stretch of open, unpaused time from `fromMs` on, in order, until it
 * returns true. Walks local dates, not minutes; with `untilMs` it stops a day after that instant's
 * date, otherwise it gives up (RangeError) after HORIZON_DAYS without opening hours.
 */
function walk(
	calendar: Compiled,
	fromMs: number,
	pauses: number[],
	visit: (from: number, to: number) => boolean,
	untilMs?: number
): void {
	if (!calendar.hasOpenTime) return;
	const zone = calendar.timeZone;
	const lastDay = untilMs === undefined ? Infinity : localDay(untilMs, zone) + DAY;
	let cursor = fromMs;
	let day = localDay(cursor, zone);
	let p = 0;
	let closedDays = 0;
	while (day <= lastDay) {
		const spans = openSpans(calendar, day);
		if (spans.length === 0 && ++closedDays > HORIZON_DAYS && untilMs === undefined) {
			throw new RangeError(
				`No open time within ${HORIZON_DAYS} days of ${new Date(fromMs).toISOString()}`
			);
		}
		if (spans.length > 0) closedDays = 0;
		for (let i = 0; i < spans.length; i += 2) {
			let from = Math.max(spans[i]!, cursor);
			const to = spans[i + 1]!;
			while (from < to) {
				// Pauses are sorted by start: the first one not yet over is the only one that can
				// cover `from` or cut this stretch short.
				while (p < pauses.length && pauses[p + 1]! <= from) p += 2;
				if (p < pauses.length && pauses[p]! <= from) {
					from = pauses[p + 1]!; // paused until then
					continue;
				}
				const end = p < pauses.length ? Math.min(to, pauses[p]!) : to;
				if (visit(from, end)) return;
				from = end;
			}
			cursor = Math.max(cursor, from);
		}
		day += DAY;
		// A pause running on past tomorrow may be an open-ended hold: jump to its end rather than
		// walking every day it covers.
		if (spans.length > 0 && cursor > spans[spans.length - 1]! + DAY) {
			day = Math.max(day, localDay(cursor, zone));
		}
	}
}

/**
 * The instant at which `minutes` of open time have elapsed after `start`. The clock starts at the
 * next opening when `start` is outside open hours, and a due time that lands exactly on a closing
 * time (or a pause's start) is that instant. Fractional minutes are rounded to whole milliseconds.
 */
export function addWorkingMinutes(
	start: Date,
	minutes: number,
	calendar: SupportCalendar,
	pauses: Pause[] = []
): Date {
	if (!Number.isFinite(minutes) || minutes < 0) {
		throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
	}
	const from = msOf(start, 'start');
	const compiled = compile(calendar);
	const paused = sortPauses(pauses);
	// Zero minutes after `start` is `start`, even when closed: nothing has to elapse, so nothing
	// waits for the next opening (and a due time never precedes the moment it was asked for).
	if (minutes === 0) return new Date(from);
	if (!compiled.hasOpenTime) throw new RangeError('The support calendar has no open hours');
	let remaining = Math.round(minutes * MINUTE);
	let due = NaN;
	walk(compiled, from, paused, (a, b) => {
		if (remaining <= b - a) {
			due = a + remaining;
			return true;
		}
		remaining -= b - a;
		return false;
	});
	return new Date(due);
}

/**
 * Open minutes between two instants, minus pauses; 0 when `end` <= `start`. Counted in
 * milliseconds, so the result is fractional when the instants are not whole minutes apart.
 */
export function workingMinutesBetween(
	start: Date,
	end: Date,
	calendar: SupportCalendar,
	pauses: Pause[] = []
): number {
	const from = msOf(start, 'start');
	const until = msOf(end, 'end');
	const compiled = compile(calendar);
	const paused = sortPauses(pauses);
	if (until <= from) return 0;
	let total = 0;
	walk(
		compiled,
		from,
		paused,
		(a, b) => {
			if (a >= until) return true;
			total += Math.min(b, until) - a;
			return b >= until;
		},
		until
	);
	return total / MINUTE;
}

/** Whether the calendar is open at `instant`: open at an opening instant, closed at a closing one. */
export function isOpenAt(instant: Date, calendar: SupportCalendar): boolean {
	const at = msOf(instant, 'instant');
	let open = false;
	walk(
		compile(calendar),
		at,
		[],
		(a) => {
			open = a === at;
			return true;
		},
		at
	);
	return open;
}

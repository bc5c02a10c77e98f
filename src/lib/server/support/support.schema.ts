import { CLOCKS } from '../../domain/escalation';
import type { SupportCalendar } from '../../domain/sla';
import { dayHours, parseHolidayList, WEEKDAYS, type Holiday } from '../../domain/support-calendar';
import {
	id,
	integer,
	oneOf,
	parseForm,
	text,
	timeZone,
	version,
	wholeNumber,
	type FieldError,
	type FieldParser
} from '../../domain/validation';
import { REGIONS } from '../../domain/vocabulary';

/** One row of the SLA table: a package's targets for one priority. */
export const policyFields = {
	id: id(),
	version: version(),
	response_minutes: wholeNumber({ min: 1, max: 100_000 }),
	// Optional: some promises have no resolution target. Bounds as the table's check.
	resolution_minutes: integer({ min: 1, max: 1_000_000 }),
	clock: oneOf(CLOCKS)
};

export const regionFields = { region: oneOf(REGIONS), calendar_id: id() };

export const deleteCalendarFields = { version: version() };

/** More holidays than this is a pasted file gone wrong, not a support calendar. */
const MAX_HOLIDAYS = 1000;

/** The pasted holiday list, one per line; a bad line is reported by its number. */
function holidayList(): FieldParser<Holiday[]> {
	return (raw) => {
		const parsed = parseHolidayList(typeof raw === 'string' ? raw : '');
		if (parsed.ok && parsed.value.length > MAX_HOLIDAYS) {
			return { ok: false, error: { key: 'error.tooMany', params: { max: MAX_HOLIDAYS } } };
		}
		return parsed;
	};
}

export const calendarFields = {
	name: text({ required: true, max: 100 }),
	time_zone: timeZone(),
	/** 0 for a calendar not saved yet. */
	version: wholeNumber({ min: 0 }),
	holidays: holidayList()
};

const cell = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value : '';
};

/**
 * The weekly grid: `open_<d>` and `close_<d>` for each ISO weekday, both empty for a closed day.
 * Each problem is reported on the input that needs fixing.
 */
export function readWeek(form: FormData): {
	week: SupportCalendar['week'];
	errors: Record<string, FieldError>;
} {
	const week: SupportCalendar['week'] = [];
	const errors: Record<string, FieldError> = {};
	for (const day of WEEKDAYS) {
		const open = cell(form, `open_${day}`);
		const close = cell(form, `close_${day}`);
		const hours = dayHours(day, open, close);
		if (hours.ok) {
			if (hours.value) week.push(hours.value);
			continue;
		}
		for (const field of faultyFields(day, open, close, hours.error.key)) {
			errors[`${field}_${day}`] = hours.error;
		}
	}
	return { week, errors };
}

/** Which of the day's two inputs an error from dayHours belongs to. */
function faultyFields(
	day: (typeof WEEKDAYS)[number],
	open: string,
	close: string,
	key: string
): ('open' | 'close')[] {
	if (key === 'error.hoursBoth') return [open.trim() === '' ? 'open' : 'close'];
	if (key !== 'error.time') return ['close'];
	// A malformed time: test each against a time that is valid on the other side.
	const malformed = (result: ReturnType<typeof dayHours>) =>
		!result.ok && result.error.key === 'error.time';
	const openBad = malformed(dayHours(day, open, '24:00'));
	const closeBad = malformed(dayHours(day, '00:00', close));
	return openBad && closeBad ? ['open', 'close'] : openBad ? ['open'] : ['close'];
}

export type CalendarForm = {
	name: string;
	timeZone: string;
	version: number;
	week: SupportCalendar['week'];
	holidays: Holiday[];
};

/** The whole calendar form: every field's problems at once, so each shows at its input. */
export function parseCalendarForm(
	form: FormData
): { ok: true; data: CalendarForm } | { ok: false; errors: Record<string, FieldError> } {
	const fields = parseForm(calendarFields, form);
	const { week, errors: weekErrors } = readWeek(form);
	const errors: Record<string, FieldError> = { ...(fields.ok ? {} : fields.errors), ...weekErrors };
	if (!fields.ok || Object.keys(weekErrors).length > 0) return { ok: false, errors };
	const { name, time_zone, version, holidays } = fields.data;
	return { ok: true, data: { name, timeZone: time_zone, version, week, holidays } };
}

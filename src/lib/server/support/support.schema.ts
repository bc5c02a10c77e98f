import { CLOCKS } from '../../domain/escalation';
import type { SupportCalendar } from '../../domain/sla';
import {
	dayRanges,
	hoursField,
	parseHolidayList,
	postedGrid,
	type Holiday
} from '../../domain/support-calendar';
import {
	formValues,
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

/**
 * The weekly grid: `open_<d>_<n>` and `close_<d>_<n>` for each ISO weekday's rows (hoursField),
 * empty rows skipped, a day without ranges closed. Each problem is reported on the input that
 * needs fixing, named by its row's place, as the form shows the posted rows again.
 */
export function readWeek(form: FormData): {
	week: SupportCalendar['week'];
	errors: Record<string, FieldError>;
} {
	const week: SupportCalendar['week'] = [];
	const errors: Record<string, FieldError> = {};
	for (const { day, hours } of postedGrid(formValues(form))) {
		const { ranges, errors: dayErrors } = dayRanges(day, hours);
		week.push(...ranges);
		for (const { row, field, error } of dayErrors) errors[hoursField(field, day, row + 1)] = error;
	}
	return { week, errors };
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

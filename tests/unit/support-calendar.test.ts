import { describe, expect, it } from 'vitest';
import { CALENDAR_PRESETS, validateCalendar, type SupportCalendar } from '../../src/lib/domain/sla';
import {
	dayHours,
	dayRanges,
	formatHolidayList,
	gridRows,
	MAX_DAY_RANGES,
	parseHolidayList,
	postedGrid,
	weekGrid
} from '../../src/lib/domain/support-calendar';
import { weekRuns } from '../../src/lib/domain/support-summary';
import { formValues } from '../../src/lib/domain/validation';
import { parseCalendarForm, readWeek } from '../../src/lib/server/support/support.schema';
import { loadCatalogue } from '../../src/lib/i18n/catalogue';
import { gridFields } from '../support/calendar-form';
import { error, value } from '../support/field-results';

const en = await loadCatalogue('en');

describe('dayHours', () => {
	it('reads an opening and a later closing time as one interval of that weekday', () => {
		expect(value(dayHours(1, '09:00', '18:00'))).toEqual({ day: 1, open: '09:00', close: '18:00' });
		expect(value(dayHours(3, ' 08:30 ', '12:00 '))).toEqual({
			day: 3,
			open: '08:30',
			close: '12:00'
		});
	});

	it('reads both fields empty as a closed day', () => {
		expect(value(dayHours(6, '', ''))).toBeNull();
		expect(value(dayHours(7, '  ', '\t'))).toBeNull();
	});

	it('asks for both times when only one is filled in', () => {
		expect(error(dayHours(2, '09:00', ''))).toEqual({ key: 'error.hoursBoth' });
		expect(error(dayHours(2, '', '18:00'))).toEqual({ key: 'error.hoursBoth' });
	});

	it('lets a day close at 24:00, its end, but never open then', () => {
		expect(value(dayHours(5, '00:00', '24:00'))).toEqual({ day: 5, open: '00:00', close: '24:00' });
		expect(value(dayHours(5, '22:00', '24:00'))?.close).toBe('24:00');
		expect(error(dayHours(5, '24:00', '24:00'))).toEqual({ key: 'error.time' });
		expect(error(dayHours(5, '09:00', '24:30'))).toEqual({ key: 'error.time' });
	});

	it('refuses times that are not HH:MM on a 24-hour clock', () => {
		for (const bad of ['9:00', '09.00', '0900', '25:00', '12:60', '9am', '09:00:00']) {
			expect(error(dayHours(1, bad, '18:00')), bad).toEqual({ key: 'error.time' });
			expect(error(dayHours(1, '08:00', bad)), bad).toEqual({ key: 'error.time' });
		}
	});

	it('refuses a closing time at or before the opening time', () => {
		expect(error(dayHours(1, '18:00', '09:00'))).toEqual({ key: 'error.closeAfterOpen' });
		expect(error(dayHours(1, '09:00', '09:00'))).toEqual({ key: 'error.closeAfterOpen' });
		expect(value(dayHours(1, '09:00', '09:01'))).toEqual({ day: 1, open: '09:00', close: '09:01' });
	});
});

describe('parseHolidayList', () => {
	it('reads one holiday per line, date first and then its name, oldest first', () => {
		expect(value(parseHolidayList('2026-12-25 Christmas Day\n2026-01-01 New Year'))).toEqual([
			{ day: '2026-01-01', name: 'New Year' },
			{ day: '2026-12-25', name: 'Christmas Day' }
		]);
	});

	it('accepts a tab, comma or semicolon after the date, as pasted from a spreadsheet', () => {
		const pasted = '2026-04-03\tGood Friday\r\n2026-04-06, Easter Monday\n2026-04-27;King’s Day';
		expect(value(parseHolidayList(pasted))).toEqual([
			{ day: '2026-04-03', name: 'Good Friday' },
			{ day: '2026-04-06', name: 'Easter Monday' },
			{ day: '2026-04-27', name: 'King’s Day' }
		]);
	});

	it('keeps a date without a name, and skips blank lines', () => {
		expect(value(parseHolidayList('\n  \n2026-05-05\n\n'))).toEqual([
			{ day: '2026-05-05', name: '' }
		]);
		expect(value(parseHolidayList(''))).toEqual([]);
	});

	it('keeps a date listed twice once, with its first name', () => {
		expect(value(parseHolidayList('2026-12-25 Christmas\n2026-12-25 Kerstmis'))).toEqual([
			{ day: '2026-12-25', name: 'Christmas' }
		]);
	});

	it('names the first bad line by its number in the text, blank lines counted', () => {
		expect(error(parseHolidayList('2026-12-25 Christmas\n\n25/12/2026 Boxing Day'))).toEqual({
			key: 'error.holidayLine',
			params: { line: 3 }
		});
		expect(error(parseHolidayList('Christmas 2026-12-25'))).toEqual({
			key: 'error.holidayLine',
			params: { line: 1 }
		});
	});

	it('refuses dates that do not exist', () => {
		expect(error(parseHolidayList('2026-02-30 Nope'))).toEqual({
			key: 'error.holidayLine',
			params: { line: 1 }
		});
		expect(error(parseHolidayList('2026-01-01\n2026-13-01'))).toMatchObject({
			params: { line: 2 }
		});
	});

	it('round-trips through formatHolidayList', () => {
		const holidays = [
			{ day: '2026-01-01', name: 'New Year' },
			{ day: '2026-05-05', name: '' },
			{ day: '2026-12-25', name: 'Christmas Day' }
		];
		const text = formatHolidayList(holidays);
		expect(text).toBe('2026-01-01 New Year\n2026-05-05\n2026-12-25 Christmas Day');
		expect(value(parseHolidayList(text))).toEqual(holidays);
		expect(formatHolidayList([])).toBe('');
	});
});

describe('weekGrid and weekRuns', () => {
	it('shows the week Monday first, closed days without ranges', () => {
		const grid = weekGrid(CALENDAR_PRESETS.business());
		expect(grid).toHaveLength(7);
		expect(grid[0]).toEqual({ day: 1, hours: [{ open: '09:00', close: '18:00' }] });
		expect(grid[5]).toEqual({ day: 6, hours: [] });
		expect(grid[6]).toEqual({ day: 7, hours: [] });
		expect(weekGrid([]).every((row) => row.hours.length === 0)).toBe(true);
	});

	it('shows every range of a split day, in order, none merged or dropped', () => {
		const grid = weekGrid([
			{ day: 1, open: '13:00', close: '18:00' },
			{ day: 1, open: '09:00', close: '12:00' },
			...[1, 2, 3, 4, 5].map((h) => ({ day: 3 as const, open: `0${h}:00`, close: `0${h}:30` }))
		]);
		expect(grid[0]!.hours).toEqual([
			{ open: '09:00', close: '12:00' },
			{ open: '13:00', close: '18:00' }
		]);
		// More ranges than the form offers rows for are still all shown, so a save keeps them.
		expect(grid[2]!.hours).toHaveLength(MAX_DAY_RANGES + 1);
	});

	it('groups consecutive days with the same hours', () => {
		expect(weekRuns(CALENDAR_PRESETS.business())).toEqual([
			{ from: 1, to: 5, hours: [['09:00', '18:00']] }
		]);
		expect(weekRuns(CALENDAR_PRESETS['24x7']())).toEqual([
			{ from: 1, to: 7, hours: [['00:00', '24:00']] }
		]);
		expect(
			weekRuns([
				{ day: 1, open: '09:00', close: '17:00' },
				{ day: 2, open: '09:00', close: '17:00' },
				{ day: 3, open: '10:00', close: '17:00' },
				{ day: 5, open: '09:00', close: '17:00' }
			])
		).toEqual([
			{ from: 1, to: 2, hours: [['09:00', '17:00']] },
			{ from: 3, to: 3, hours: [['10:00', '17:00']] },
			{ from: 5, to: 5, hours: [['09:00', '17:00']] }
		]);
		expect(weekRuns([])).toEqual([]);
	});
});

/** A calendar form as the browser posts it. */
function calendarForm(fields: Record<string, string>) {
	const form = new FormData();
	const base = { name: 'Lisbon', time_zone: 'Europe/Lisbon', version: '0', holidays: '' };
	for (const [name, text] of Object.entries({ ...base, ...fields })) form.set(name, text);
	return form;
}

describe('the calendar form', () => {
	it('reads the grid into a week, closed days left out', () => {
		const form = calendarForm({
			open_1_1: '09:00',
			close_1_1: '18:00',
			open_6_1: '10:00',
			close_6_1: '24:00'
		});
		expect(readWeek(form)).toEqual({
			week: [
				{ day: 1, open: '09:00', close: '18:00' },
				{ day: 6, open: '10:00', close: '24:00' }
			],
			errors: {}
		});
	});

	it('puts each grid error on the input to fix', () => {
		const form = calendarForm({
			open_1_1: '09:00',
			close_1_1: '', // one empty: on the empty one
			open_2_1: '',
			close_2_1: '18:00',
			open_3_1: '9', // malformed opening
			close_3_1: '18:00',
			open_4_1: '09:00',
			close_4_1: '25:00', // malformed closing
			open_5_1: '18:00',
			close_5_1: '09:00', // closes before it opens: on the closing time
			open_6_1: 'x',
			close_6_1: 'y' // both malformed: both
		});
		expect(readWeek(form).errors).toEqual({
			close_1_1: { key: 'error.hoursBoth' },
			open_2_1: { key: 'error.hoursBoth' },
			open_3_1: { key: 'error.time' },
			close_4_1: { key: 'error.time' },
			close_5_1: { key: 'error.closeAfterOpen' },
			open_6_1: { key: 'error.time' },
			close_6_1: { key: 'error.time' }
		});
	});

	it('reports every field at once: name, zone, holidays and grid', () => {
		const parsed = parseCalendarForm(
			calendarForm({
				name: ' ',
				time_zone: 'Mars/Olympus',
				holidays: '2026-12-25\nnot a date',
				open_1_1: '09:00'
			})
		);
		expect(parsed).toEqual({
			ok: false,
			errors: {
				name: { key: 'error.required' },
				time_zone: { key: 'error.timeZone' },
				holidays: { key: 'error.holidayLine', params: { line: 2 } },
				close_1_1: { key: 'error.hoursBoth' }
			}
		});
	});

	it('gives the service a named, zoned week with its holidays', () => {
		const parsed = parseCalendarForm(
			calendarForm({
				name: '  Lisbon office ',
				version: '3',
				holidays: '2026-06-13 Santo António\n2026-06-10, Dia de Portugal',
				open_2_1: '08:00',
				close_2_1: '16:00'
			})
		);
		expect(parsed).toEqual({
			ok: true,
			data: {
				name: 'Lisbon office',
				timeZone: 'Europe/Lisbon',
				version: 3,
				week: [{ day: 2, open: '08:00', close: '16:00' }],
				holidays: [
					{ day: '2026-06-10', name: 'Dia de Portugal' },
					{ day: '2026-06-13', name: 'Santo António' }
				]
			}
		});
	});

	it('refuses a pasted list of more than a thousand holidays', () => {
		const days = Array.from({ length: 1001 }, (_, i) =>
			new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)
		);
		const parsed = parseCalendarForm(calendarForm({ holidays: days.join('\n') }));
		expect(parsed.ok ? null : parsed.errors.holidays).toEqual({
			key: 'error.tooMany',
			params: { max: 1000 }
		});
	});

	it('words every error it can give in the catalogue', () => {
		for (const key of [
			'error.hoursBoth',
			'error.time',
			'error.closeAfterOpen',
			'error.tooManyRanges',
			'error.rangesOverlap',
			'error.holidayLine',
			'error.calendarWeek',
			'error.calendarNameTaken',
			'error.calendarInUse',
			'error.p1AroundTheClock',
			'error.resolutionBeforeResponse',
			'error.timeZone'
		]) {
			expect(en, key).toHaveProperty([key]);
		}
	});
});

describe('days with several ranges', () => {
	it('reads a split day as its ranges, in order of opening, touching ranges allowed', () => {
		expect(
			dayRanges(1, [
				{ open: '13:00', close: '18:00' },
				{ open: '09:00', close: '12:00' },
				{ open: '18:00', close: '20:00' }
			])
		).toEqual({
			ranges: [
				{ day: 1, open: '09:00', close: '12:00' },
				{ day: 1, open: '13:00', close: '18:00' },
				{ day: 1, open: '18:00', close: '20:00' }
			],
			errors: []
		});
	});

	it('posts and reads a lunch break as two ranges of the day', () => {
		const form = calendarForm({
			open_1_1: '09:00',
			close_1_1: '12:00',
			open_1_2: '13:00',
			close_1_2: '18:00',
			open_1_3: '',
			close_1_3: '', // the spare row
			open_2_1: '09:00',
			close_2_1: '18:00',
			open_2_2: '',
			close_2_2: ''
		});
		expect(parseCalendarForm(form)).toMatchObject({
			ok: true,
			data: {
				week: [
					{ day: 1, open: '09:00', close: '12:00' },
					{ day: 1, open: '13:00', close: '18:00' },
					{ day: 2, open: '09:00', close: '18:00' }
				]
			}
		});
	});

	it('ignores empty rows wherever they are, and reads a day of empty rows as closed', () => {
		const form = calendarForm({
			open_3_1: ' ',
			close_3_1: '',
			open_3_2: '10:00',
			close_3_2: '16:00',
			open_3_3: '',
			close_3_3: '',
			open_4_1: '',
			close_4_1: '',
			open_4_2: '',
			close_4_2: ''
		});
		expect(readWeek(form)).toEqual({
			week: [{ day: 3, open: '10:00', close: '16:00' }],
			errors: {}
		});
	});

	it('refuses ranges that overlap, on the opening time of the later one, naming the earlier', () => {
		const form = calendarForm({
			open_1_1: '13:00',
			close_1_1: '18:00',
			open_1_2: '09:00',
			close_1_2: '13:30', // ends after row 1 opens: row 1 is the later one
			open_2_1: '08:00',
			close_2_1: '20:00',
			open_2_2: '12:00',
			close_2_2: '13:00' // inside row 1
		});
		expect(readWeek(form).errors).toEqual({
			open_1_1: { key: 'error.rangesOverlap', params: { open: '09:00', close: '13:30' } },
			open_2_2: { key: 'error.rangesOverlap', params: { open: '08:00', close: '20:00' } }
		});
		// The same rule as the clock's, so a week the form passes is one the service accepts.
		const clock = validateCalendar({
			timeZone: 'UTC',
			week: [
				{ day: 1, open: '09:00', close: '13:30' },
				{ day: 1, open: '13:00', close: '18:00' }
			],
			holidays: []
		});
		expect(clock).toEqual(['week.overlap']);
	});

	it('puts a bad time on its own row, whichever row it is', () => {
		const form = calendarForm({
			open_5_1: '09:00',
			close_5_1: '12:00',
			open_5_2: '13:00',
			close_5_2: '', // one empty
			open_5_3: '19:00',
			close_5_3: '18:00' // closes before it opens
		});
		expect(readWeek(form).errors).toEqual({
			close_5_2: { key: 'error.hoursBoth' },
			close_5_3: { key: 'error.closeAfterOpen' }
		});
	});

	it(`refuses more than ${MAX_DAY_RANGES} ranges in a day, on each one too many`, () => {
		const hours = ['06', '08', '10', '12', '14', '16'].map((h) => ({
			open: `${h}:00`,
			close: `${h}:30`
		}));
		const { errors } = dayRanges(6, [{ open: '', close: '' }, ...hours]);
		const tooMany = { key: 'error.tooManyRanges', params: { max: MAX_DAY_RANGES } };
		expect(errors).toEqual([
			{ row: 5, field: 'open', error: tooMany },
			{ row: 6, field: 'open', error: tooMany }
		]);
	});

	it('shows a failed save again row for row, every value as typed, errors on those rows', () => {
		const typed = {
			open_1_1: '09:00',
			close_1_1: '12:00',
			open_1_2: '11:00',
			close_1_2: '18:00',
			open_1_3: '',
			close_1_3: '',
			open_7_1: '10',
			close_7_1: '14:00'
		};
		const form = calendarForm(typed);
		const parsed = parseCalendarForm(form);
		expect(parsed.ok).toBe(false);
		const errors = parsed.ok ? {} : parsed.errors;
		expect(Object.keys(errors).sort()).toEqual(['open_1_2', 'open_7_1']);

		const shown = gridRows(postedGrid(formValues(form)), true);
		expect(shown[0]).toEqual({
			day: 1,
			hours: [
				{ open: '09:00', close: '12:00' },
				{ open: '11:00', close: '18:00' },
				{ open: '', close: '' } // the spare row, not a second one
			]
		});
		expect(shown[6]!.hours).toEqual([
			{ open: '10', close: '14:00' },
			{ open: '', close: '' }
		]);
		// Every input comes back under the name it was posted with, so each error finds its input.
		const fields = gridFields(shown);
		for (const [name, text] of Object.entries(typed)) expect(fields[name], name).toBe(text);
	});

	it('keeps a stored split day through a save that changes nothing', () => {
		const week: SupportCalendar['week'] = [
			{ day: 1, open: '09:00', close: '12:00' },
			{ day: 1, open: '13:00', close: '18:00' },
			{ day: 5, open: '08:00', close: '10:00' },
			{ day: 5, open: '10:00', close: '12:00' },
			{ day: 5, open: '14:00', close: '16:00' },
			{ day: 5, open: '20:00', close: '24:00' },
			{ day: 6, open: '00:00', close: '24:00' }
		];
		for (const spare of [true, false]) {
			const form = calendarForm(gridFields(gridRows(weekGrid(week), spare)));
			expect(readWeek(form), `spare rows: ${spare}`).toEqual({ week, errors: {} });
		}
	});

	it('gives each day an empty row to type into without JavaScript, and only the filled rows with', () => {
		const grid = weekGrid([
			{ day: 1, open: '09:00', close: '12:00' },
			{ day: 1, open: '13:00', close: '18:00' },
			...['06', '08', '10', '12'].map((h) => ({
				day: 2 as const,
				open: `${h}:00`,
				close: `${h}:30`
			}))
		]);
		const spare = gridRows(grid, true);
		// A closed day gets two, so a split day can be typed without saving in between.
		expect(spare.map((d) => d.hours.length)).toEqual([3, 4, 2, 2, 2, 2, 2]);
		expect(spare[0]!.hours[2]).toEqual({ open: '', close: '' });
		expect(gridRows(spare, true)).toEqual(spare);

		const interactive = gridRows(spare, false);
		expect(interactive.map((d) => d.hours.length)).toEqual([2, 4, 1, 1, 1, 1, 1]);
		// Copies: editing the form's rows never edits the grid it came from.
		interactive[0]!.hours[0]!.open = '08:00';
		expect(grid[0]!.hours[0]!.open).toBe('09:00');
	});
});

import { describe, expect, it } from 'vitest';
import { CALENDAR_PRESETS } from '../../src/lib/domain/sla';
import {
	dayHours,
	formatHolidayList,
	parseHolidayList
} from '../../src/lib/domain/support-calendar';
import { weekGrid, weekRuns } from '../../src/lib/domain/support-summary';
import { parseCalendarForm, readWeek } from '../../src/lib/server/support/support.schema';
import { en } from '../../src/lib/i18n/messages/en';
import { error, value } from '../support/field-results';

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
	it('shows the week Monday first, closed days empty', () => {
		const grid = weekGrid(CALENDAR_PRESETS.business());
		expect(grid).toHaveLength(7);
		expect(grid[0]).toEqual({ day: 1, open: '09:00', close: '18:00' });
		expect(grid[5]).toEqual({ day: 6, open: '', close: '' });
		expect(grid[6]).toEqual({ day: 7, open: '', close: '' });
		expect(weekGrid([]).every((row) => row.open === '' && row.close === '')).toBe(true);
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
			open_1: '09:00',
			close_1: '18:00',
			open_6: '10:00',
			close_6: '24:00'
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
			open_1: '09:00',
			close_1: '', // one empty: on the empty one
			open_2: '',
			close_2: '18:00',
			open_3: '9', // malformed opening
			close_3: '18:00',
			open_4: '09:00',
			close_4: '25:00', // malformed closing
			open_5: '18:00',
			close_5: '09:00', // closes before it opens: on the closing time
			open_6: 'x',
			close_6: 'y' // both malformed: both
		});
		expect(readWeek(form).errors).toEqual({
			close_1: { key: 'error.hoursBoth' },
			open_2: { key: 'error.hoursBoth' },
			open_3: { key: 'error.time' },
			close_4: { key: 'error.time' },
			close_5: { key: 'error.closeAfterOpen' },
			open_6: { key: 'error.time' },
			close_6: { key: 'error.time' }
		});
	});

	it('reports every field at once: name, zone, holidays and grid', () => {
		const parsed = parseCalendarForm(
			calendarForm({
				name: ' ',
				time_zone: 'Mars/Olympus',
				holidays: '2026-12-25\nnot a date',
				open_1: '09:00'
			})
		);
		expect(parsed).toEqual({
			ok: false,
			errors: {
				name: { key: 'error.required' },
				time_zone: { key: 'error.timeZone' },
				holidays: { key: 'error.holidayLine', params: { line: 2 } },
				close_1: { key: 'error.hoursBoth' }
			}
		});
	});

	it('gives the service a named, zoned week with its holidays', () => {
		const parsed = parseCalendarForm(
			calendarForm({
				name: '  Lisbon office ',
				version: '3',
				holidays: '2026-06-13 Santo António\n2026-06-10, Dia de Portugal',
				open_2: '08:00',
				close_2: '16:00'
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

/**
 * How the admin's support settings read at a glance: a calendar's week as runs of days with the
 * same hours. Pure; the page words them through the catalogues.
 */
import type { SupportCalendar } from './sla';
import { WEEKDAYS, type Weekday } from './support-calendar';

type Week = SupportCalendar['week'];

/** Consecutive weekdays sharing the same hours ("Mon–Fri 09:00–18:00"); closed days are left out. */
export interface DayRun {
	from: Weekday;
	to: Weekday;
	/** Each interval of the day, in order: [open, close]. */
	hours: [string, string][];
}

export function weekRuns(week: Week): DayRun[] {
	const runs: DayRun[] = [];
	for (const day of WEEKDAYS) {
		const hours = week
			.filter((w) => w.day === day)
			.sort((a, b) => a.open.localeCompare(b.open))
			.map((w): [string, string] => [w.open, w.close]);
		if (hours.length === 0) continue;
		const last = runs[runs.length - 1];
		if (last && last.to === day - 1 && JSON.stringify(last.hours) === JSON.stringify(hours)) {
			last.to = day;
		} else {
			runs.push({ from: day, to: day, hours });
		}
	}
	return runs;
}

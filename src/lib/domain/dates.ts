/** Calendar-date arithmetic on 'YYYY-MM-DD' strings, free of the server's own time zone. */

// Building a formatter costs far more than formatting with one: one per zone, kept.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in `timeZone`, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date): string {
	let format = dayFormats.get(timeZone);
	if (!format) {
		// en-CA formats as YYYY-MM-DD.
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dayFormats.set(timeZone, format);
	}
	return format.format(now);
}

// Sliced rather than split: the daily health pass calls this for every account.
function toUtcMs(date: string): number {
	return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
	return new Date(toUtcMs(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` later (or earlier), clamped to that month's last day: Jan 31 + 1 → Feb 28. */
export function addMonths(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const first = new Date(Date.UTC(y, m - 1 + months, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

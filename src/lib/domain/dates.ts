/** Calendar-date arithmetic on 'YYYY-MM-DD' strings, free of the server's own time zone. */

/** Today's date in `timeZone`, as 'YYYY-MM-DD'. */
export function todayIn(timeZone: string, now: Date): string {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

function toUtcMs(date: string): number {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return Date.UTC(y, m - 1, d);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((toUtcMs(to) - toUtcMs(from)) / 86_400_000);
}

export function addDays(date: string, days: number): string {
	return new Date(toUtcMs(date) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Wall-clock time in an IANA zone ↔ instants, without a date library: Intl knows every zone's
 * offsets, including daylight-saving changes.
 */

// Building a formatter costs far more than formatting with one: one per zone, kept.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string) {
	let format = wallClocks.get(timeZone);
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		wallClocks.set(timeZone, format);
	}
	return format;
}

/** The zone's offset from UTC at `instant`, in minutes (e.g. +60 for Amsterdam in winter). */
export function offsetMinutes(instant: Date, timeZone: string): number {
	const parts = wallClock(timeZone).formatToParts(instant);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which clocks in `timeZone` show `date` 'YYYY-MM-DD' and `time` 'HH:MM'. A time
 * skipped by a spring-forward change resolves to the same clock time after the change's shift
 * (02:30 → 03:30); a time that happens twice in autumn resolves to the first.
 */
export function zonedToInstant(date: string, time: string, timeZone: string): Date {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const [hh, mm] = time.split(':').map(Number) as [number, number];
	const wall = Date.UTC(y, m - 1, d, hh, mm);
	// Try the offsets in force a day either side; the earlier candidate that maps back wins.
	const offsets = [
		offsetMinutes(new Date(wall - 86_400_000), timeZone),
		offsetMinutes(new Date(wall + 86_400_000), timeZone)
	];
	const candidates = offsets
		.map((offset) => new Date(wall - offset * 60_000))
		.filter((instant) => instant.getTime() + offsetMinutes(instant, timeZone) * 60_000 === wall)
		.sort((a, b) => a.getTime() - b.getTime());
	return candidates[0] ?? new Date(wall - offsets[0]! * 60_000);
}

/** 'YYYY-MM-DD' and 'HH:MM' as clocks in `timeZone` show `instant`. */
export function instantToZoned(instant: Date, timeZone: string): { date: string; time: string } {
	const local = new Date(
		instant.getTime() + offsetMinutes(instant, timeZone) * 60_000
	).toISOString();
	return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

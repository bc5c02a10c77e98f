import { AROUND_THE_CLOCK, escalationClocks, type ClockKind } from '../../domain/escalation';
import type { SupportCalendar } from '../../domain/sla';
import type { Executor } from '../db/database';
import { accountCalendar, calendarsByIds } from '../support/support.repository';
import type { Escalation } from './escalation.table';
import { listPauses } from './escalation.repository';

type ClockRow = Pick<
	Escalation,
	| 'id'
	| 'clock'
	| 'calendar_id'
	| 'opened_at'
	| 'response_due_at'
	| 'resolution_due_at'
	| 'acknowledged_at'
	| 'resolved_at'
>;

/** The calendar an escalation's clocks count on: around the clock, or the one it was given. */
export function clockCalendar(
	row: Pick<Escalation, 'clock' | 'calendar_id'>,
	calendars: Map<number, SupportCalendar>
) {
	if (row.clock === '24x7' || row.calendar_id === null) return AROUND_THE_CLOCK;
	return calendars.get(row.calendar_id) ?? AROUND_THE_CLOCK;
}

/** The calendar an escalation was given, read for it alone (none to read around the clock). */
export async function storedCalendar(db: Executor, row: Pick<Escalation, 'clock' | 'calendar_id'>) {
	const ids = row.clock === '24x7' || row.calendar_id === null ? [] : [row.calendar_id];
	return clockCalendar(row, await calendarsByIds(db, ids));
}

/** The calendars and pauses a list's clocks count on: two queries for a list of any length. */
export async function clockContext(db: Executor, rows: ClockRow[]) {
	const [calendars, pauses] = await Promise.all([
		calendarsByIds(
			db,
			rows.flatMap((r) => (r.calendar_id === null ? [] : [r.calendar_id]))
		),
		listPauses(
			db,
			rows.map((r) => r.id)
		)
	]);
	// Map.groupBy needs Node 21.
	const pausesOf = new Map<number, typeof pauses>();
	for (const p of pauses)
		pausesOf.set(p.escalation_id, [...(pausesOf.get(p.escalation_id) ?? []), p]);
	return (row: ClockRow) => ({
		calendar: clockCalendar(row, calendars),
		pauses: pausesOf.get(row.id) ?? []
	});
}

/** Each row with both its clocks at `now`. */
export async function withClocks<T extends ClockRow>(db: Executor, rows: T[], now: Date) {
	const contextOf = await clockContext(db, rows);
	return rows.map((row) => {
		const { calendar, pauses } = contextOf(row);
		return {
			...row,
			/** The zone of its support calendar; null around the clock (shown in the account's). */
			calendarZone: row.clock === '24x7' ? null : calendar.timeZone,
			paused: pauses.some((p) => p.to_at === null),
			clocks: escalationClocks(row, calendar, pauses, now)
		};
	});
}

/** The calendar a new clock of this kind counts on for the account, and its id to store. */
export async function calendarFor(db: Executor, accountId: number, clock: ClockKind) {
	if (clock === '24x7') return { id: null, calendar: AROUND_THE_CLOCK };
	return accountCalendar(db, accountId);
}

/** An escalation as a list shows it, with its clocks worked out. */
type Listable = Pick<
	Escalation,
	'id' | 'title' | 'priority' | 'status' | 'opened_at' | 'external_ref'
> & {
	owner_name: string | null;
	calendarZone: string | null;
	clocks: ReturnType<typeof escalationClocks>;
};

/**
 * What a list of escalations shows of each (EscalationList): not the description, nor the facts
 * its clocks were worked out from, which would only weigh on the page.
 */
export function listed(row: Listable) {
	return {
		id: row.id,
		title: row.title,
		priority: row.priority,
		status: row.status,
		owner_name: row.owner_name,
		opened_at: row.opened_at,
		external_ref: row.external_ref,
		calendarZone: row.calendarZone,
		clocks: row.clocks
	};
}

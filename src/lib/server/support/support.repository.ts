import { sql } from 'kysely';
import { STOPPED_STATUSES } from '../../domain/escalation';
import type { SupportCalendar } from '../../domain/sla';
import type { Executor } from '../db/database';

/** Every calendar with its holiday count and the regions that use it by default, by name. */
export function listCalendars(db: Executor) {
	return db
		.selectFrom('support_calendars as c')
		.select([
			'c.id',
			'c.name',
			'c.time_zone',
			'c.week',
			'c.version',
			sql<number>`(select count(*)::int from support_calendar_holidays h where h.calendar_id = c.id)`.as(
				'holidays'
			),
			sql<
				string[]
			>`array(select r.region from region_calendars r where r.calendar_id = c.id order by r.region)`.as(
				'regions'
			)
		])
		.orderBy('c.name')
		.execute();
}

export function findCalendar(db: Executor, calendarId: number) {
	return db
		.selectFrom('support_calendars')
		.selectAll()
		.where('id', '=', calendarId)
		.executeTakeFirst();
}

export function lockCalendar(db: Executor, calendarId: number) {
	return db
		.selectFrom('support_calendars')
		.selectAll()
		.where('id', '=', calendarId)
		.forUpdate()
		.executeTakeFirst();
}

export function listHolidays(db: Executor, calendarId: number) {
	return db
		.selectFrom('support_calendar_holidays')
		.select(['day', 'name'])
		.where('calendar_id', '=', calendarId)
		.orderBy('day')
		.execute();
}

export function listRegionCalendars(db: Executor) {
	return db.selectFrom('region_calendars').selectAll().orderBy('region').execute();
}

/** Where a calendar is in use: as a region's default, by accounts, by open escalations. */
export async function calendarUses(db: Executor, calendarId: number) {
	const count = (table: 'region_calendars' | 'accounts', column: string) =>
		db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where(sql.ref(column), '=', calendarId)
			.executeTakeFirstOrThrow();
	const [regions, accounts, escalations] = await Promise.all([
		count('region_calendars', 'calendar_id'),
		count('accounts', 'support_calendar_id'),
		db
			.selectFrom('escalations')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('calendar_id', '=', calendarId)
			.where('status', 'not in', STOPPED_STATUSES)
			.executeTakeFirstOrThrow()
	]);
	return { regions: regions.n, accounts: accounts.n, escalations: escalations.n };
}

/**
 * The calendar an account's support hours follow: its own, else its region's default, as the
 * SLA clock reads it (with holidays). Null only if neither exists.
 */
export async function accountCalendar(
	db: Executor,
	accountId: number
): Promise<{ id: number; calendar: SupportCalendar } | null> {
	const row = await db
		.selectFrom('accounts as a')
		.leftJoin('region_calendars as r', 'r.region', 'a.region')
		.innerJoin('support_calendars as c', (join) =>
			join.on((eb) => eb('c.id', '=', eb.fn.coalesce('a.support_calendar_id', 'r.calendar_id')))
		)
		.select(['c.id', 'c.time_zone', 'c.week'])
		.where('a.id', '=', accountId)
		.executeTakeFirst();
	if (!row) return null;
	return { id: row.id, calendar: await calendarById(db, row.id, row) };
}

/** Calendars as the SLA clock reads them, by id (with holidays), for a list of escalations. */
export async function calendarsByIds(db: Executor, ids: number[]) {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return new Map<number, SupportCalendar>();
	const [calendars, holidays] = await Promise.all([
		db
			.selectFrom('support_calendars')
			.select(['id', 'time_zone', 'week'])
			.where('id', 'in', unique)
			.execute(),
		db
			.selectFrom('support_calendar_holidays')
			.select(['calendar_id', 'day'])
			.where('calendar_id', 'in', unique)
			.execute()
	]);
	return new Map(
		calendars.map((c) => [
			c.id,
			{
				timeZone: c.time_zone,
				week: c.week,
				holidays: holidays.filter((h) => h.calendar_id === c.id).map((h) => h.day)
			}
		])
	);
}

async function calendarById(
	db: Executor,
	id: number,
	row: { time_zone: string; week: SupportCalendar['week'] }
): Promise<SupportCalendar> {
	const holidays = await listHolidays(db, id);
	return { timeZone: row.time_zone, week: row.week, holidays: holidays.map((h) => h.day) };
}

export function listPolicies(db: Executor) {
	return db
		.selectFrom('sla_policies')
		.selectAll()
		.orderBy('support_package')
		.orderBy('priority')
		.execute();
}

export function findPolicy(db: Executor, supportPackage: string, priority: string) {
	return db
		.selectFrom('sla_policies')
		.selectAll()
		.where('support_package', '=', supportPackage as never)
		.where('priority', '=', priority as never)
		.executeTakeFirst();
}

export function lockPolicy(db: Executor, policyId: number) {
	return db
		.selectFrom('sla_policies')
		.selectAll()
		.where('id', '=', policyId)
		.forUpdate()
		.executeTakeFirst();
}

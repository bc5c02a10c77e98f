import { canManageUsers, type Actor } from '../../domain/access';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { Priority } from '../../domain/escalation';
import { validateCalendar, type SupportCalendar } from '../../domain/sla';
import type { Holiday } from '../../domain/support-calendar';
import { REGIONS, type Region } from '../../domain/vocabulary';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import {
	calendarUses,
	findCalendar,
	listCalendars,
	listHolidays,
	listPolicies,
	listRegionCalendars,
	lockCalendar,
	lockPolicy
} from './support.repository';

/** Calendars and SLA policies are configuration: the admin's (DESIGN.md roles). */
function assertAdmin(actor: Actor) {
	if (!canManageUsers(actor)) throw new ForbiddenError();
}

/** Every calendar, each region's default, and the SLA policies per package and priority. */
export async function getSupportSettings(db: Db, actor: Actor) {
	assertAdmin(actor);
	const [calendars, regions, policies] = await Promise.all([
		listCalendars(db),
		listRegionCalendars(db),
		listPolicies(db)
	]);
	return {
		calendars,
		regions: REGIONS.map((region) => ({
			region,
			calendarId: regions.find((r) => r.region === region)?.calendar_id ?? null
		})),
		policies
	};
}

/** One calendar to edit, with its holidays and where it is used. */
export async function getCalendar(db: Db, actor: Actor, calendarId: number) {
	assertAdmin(actor);
	const calendar = await findCalendar(db, calendarId);
	if (!calendar) throw new NotFoundError('calendar');
	const [holidays, uses] = await Promise.all([
		listHolidays(db, calendarId),
		calendarUses(db, calendarId)
	]);
	return { calendar, holidays, uses };
}

export interface CalendarInput {
	name: string;
	timeZone: string;
	week: SupportCalendar['week'];
	holidays: Holiday[];
}

/** The clock's own rules (zone, overlaps, an empty week) as a form error on the week. */
function assertValid(input: CalendarInput) {
	const problems = validateCalendar({
		timeZone: input.timeZone,
		week: input.week,
		holidays: input.holidays.map((h) => h.day)
	});
	if (problems.includes('timeZone.invalid')) throw new ConflictError('time_zone', 'error.timeZone');
	if (problems.length > 0) throw new ConflictError('week', 'error.calendarWeek');
}

async function assertNameFree(trx: Executor, name: string, exceptId: number | null) {
	const clash = await trx
		.selectFrom('support_calendars')
		.select('id')
		.where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
		.$if(exceptId !== null, (qb) => qb.where('id', '<>', exceptId!))
		.executeTakeFirst();
	if (clash) throw new ConflictError('name', 'error.calendarNameTaken');
}

async function replaceHolidays(trx: Executor, calendarId: number, holidays: Holiday[]) {
	await trx.deleteFrom('support_calendar_holidays').where('calendar_id', '=', calendarId).execute();
	if (holidays.length === 0) return;
	await trx
		.insertInto('support_calendar_holidays')
		.values(holidays.map((h) => ({ calendar_id: calendarId, day: h.day, name: h.name })))
		.execute();
}

/**
 * Creates a calendar (calendarId null) or saves one, version-guarded, holidays replaced as a
 * list, audited with both. Open escalations keep the due times they were given: a calendar
 * change applies to clocks computed from now on.
 */
export async function saveCalendar(
	db: Db,
	actor: Actor,
	calendarId: number | null,
	version: number,
	input: CalendarInput
) {
	assertAdmin(actor);
	assertValid(input);
	return db.transaction().execute(async (trx) => {
		await assertNameFree(trx, input.name, calendarId);
		const values = {
			name: input.name,
			time_zone: input.timeZone,
			week: JSON.stringify(input.week),
			updated_by: actor.id
		};
		let before = null;
		let saved;
		if (calendarId === null) {
			saved = await trx
				.insertInto('support_calendars')
				.values(values)
				.returningAll()
				.executeTakeFirstOrThrow();
		} else {
			const row = assertVersion(await lockCalendar(trx, calendarId), version, 'calendar');
			before = { ...row, holidays: await listHolidays(trx, calendarId) };
			saved = await trx
				.updateTable('support_calendars')
				.set({ ...values, ...bumpVersion() })
				.where('id', '=', calendarId)
				.returningAll()
				.executeTakeFirstOrThrow();
		}
		await replaceHolidays(trx, saved.id, input.holidays);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'support_calendar',
			entityId: saved.id,
			action: before ? 'update' : 'create',
			before,
			after: { ...saved, holidays: input.holidays }
		});
		return saved.id;
	});
}

/** Deletes a calendar no region, account or open escalation uses. */
export async function deleteCalendar(db: Db, actor: Actor, calendarId: number, version: number) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const row = assertVersion(await lockCalendar(trx, calendarId), version, 'calendar');
		const uses = await calendarUses(trx, calendarId);
		if (uses.regions + uses.accounts + uses.escalations > 0) {
			throw new ConflictError('calendar', 'error.calendarInUse');
		}
		const holidays = await listHolidays(trx, calendarId);
		await trx.deleteFrom('support_calendars').where('id', '=', calendarId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'support_calendar',
			entityId: calendarId,
			action: 'delete',
			before: { ...row, holidays }
		});
	});
}

/** Which calendar a region's accounts follow unless they name their own. */
export async function setRegionCalendar(db: Db, actor: Actor, region: Region, calendarId: number) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		if (!(await lockCalendar(trx, calendarId))) throw new NotFoundError('calendar');
		const before = await trx
			.selectFrom('region_calendars')
			.selectAll()
			.where('region', '=', region)
			.forUpdate()
			.executeTakeFirst();
		if (before?.calendar_id === calendarId) return;
		await trx
			.insertInto('region_calendars')
			.values({ region, calendar_id: calendarId })
			.onConflict((oc) => oc.column('region').doUpdateSet({ calendar_id: calendarId }))
			.execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'region_calendar',
			entityId: calendarId,
			action: before ? 'update' : 'create',
			before: before ?? null,
			after: { region, calendar_id: calendarId }
		});
	});
}

export interface PolicyInput {
	responseMinutes: number;
	resolutionMinutes: number | null;
	clock: 'account' | '24x7';
}

/**
 * A package's promise for one priority. P1 always runs around the clock (the seeds: "24×7 until
 * downgraded"). Applies to escalations opened from now on; open ones keep their due times until
 * someone recomputes them on purpose.
 */
export async function savePolicy(
	db: Db,
	actor: Actor,
	policyId: number,
	version: number,
	input: PolicyInput
) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(await lockPolicy(trx, policyId), version, 'policy');
		if (before.priority === ('P1' satisfies Priority) && input.clock !== '24x7') {
			throw new ConflictError('clock', 'error.p1AroundTheClock');
		}
		// The same bounds as the table's checks, as form errors rather than a failed statement.
		if (!(input.responseMinutes >= 1 && input.responseMinutes <= 100_000)) {
			throw new ConflictError('response_minutes', 'error.outOfRange');
		}
		if (
			input.resolutionMinutes !== null &&
			!(input.resolutionMinutes >= 1 && input.resolutionMinutes <= 1_000_000)
		) {
			throw new ConflictError('resolution_minutes', 'error.outOfRange');
		}
		if (input.resolutionMinutes !== null && input.resolutionMinutes < input.responseMinutes) {
			throw new ConflictError('resolution_minutes', 'error.resolutionBeforeResponse');
		}
		const after = await trx
			.updateTable('sla_policies')
			.set({
				response_minutes: input.responseMinutes,
				resolution_minutes: input.resolutionMinutes,
				clock: input.clock,
				updated_by: actor.id,
				...bumpVersion()
			})
			.where('id', '=', policyId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'sla_policy',
			entityId: policyId,
			action: 'update',
			before,
			after
		});
	});
}

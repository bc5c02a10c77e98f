import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dueAfter } from '../../src/lib/domain/escalation';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../src/lib/domain/errors';
import {
	addWorkingMinutes,
	workingMinutesBetween,
	type SupportCalendar
} from '../../src/lib/domain/sla';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import * as postmortems from '../../src/lib/server/escalations/postmortem.service';
import { runSlaSweep } from '../../src/lib/server/jobs/sla-sweep';
import { completeTask, myWork } from '../../src/lib/server/tasks/my-work.service';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every test makes its own accounts and users: rows are not rolled back between tests. Times
// are in November 2026, when Amsterdam is on +01:00 and New York on −05:00. Wednesday
// 18 November 10:00Z is 11:00 in Amsterdam, two hours into a business day.
const at = (iso: string) => new Date(iso);
const WED = at('2026-11-18T10:00:00Z');
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

/** A seeded calendar as the SLA clock reads it (the seeds add no holidays). */
async function calendarNamed(name: string): Promise<{ id: number; calendar: SupportCalendar }> {
	const row = await t.db
		.selectFrom('support_calendars')
		.select(['id', 'time_zone', 'week'])
		.where('name', '=', name)
		.executeTakeFirstOrThrow();
	return { id: row.id, calendar: { timeZone: row.time_zone, week: row.week, holidays: [] } };
}
const amsterdam = () => calendarNamed('Amsterdam business hours');

/** A CSM on the team of a fresh premium account in EMEA (Amsterdam business hours). */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		region: 'emea',
		support_package: 'premium',
		...values
	});
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

/** An escalation as the open form sends it; override what the test is about. */
function input(overrides: Partial<escalations.EscalationInput> = {}): escalations.EscalationInput {
	return {
		title: 'Cage 4 lost power',
		description: 'Both feeds down since 10:00',
		priority: 'P2',
		category: 'outage',
		external_ref: 'INC-1001',
		reported_via: 'phone',
		contact_id: null,
		owner_id: null,
		routed_to: null,
		...overrides
	};
}

/** Opens an escalation on a fresh account (or the one given) and returns everything around it. */
async function opened(
	overrides: Partial<escalations.EscalationInput> = {},
	now = WED,
	values: Parameters<typeof makeAccount>[1] = {}
) {
	const { csm, account } = await setup(values);
	const id = await escalations.openEscalation(t.db, csm, account.id, input(overrides), now);
	return { csm, account, id };
}

const row = (id: number) =>
	t.db.selectFrom('escalations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const eventsOf = (id: number) =>
	t.db
		.selectFrom('escalation_events')
		.selectAll()
		.where('escalation_id', '=', id)
		.orderBy('id')
		.execute();

const eventsOfKind = async (id: number, kind: string) =>
	(await eventsOf(id)).filter((e) => e.kind === kind);

const auditOf = (entity: string, id: number) =>
	t.db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', entity)
		.where('entity_id', '=', id)
		.orderBy('id')
		.execute();

const pausesOf = (id: number) =>
	t.db
		.selectFrom('escalation_pauses')
		.selectAll()
		.where('escalation_id', '=', id)
		.orderBy('id')
		.execute();

/** Everything a refused write must leave as it was. */
async function state(id: number) {
	const escalation = await row(id);
	const [events, audit, pauses, postmortem, count, tasks] = await Promise.all([
		eventsOf(id),
		auditOf('escalation', id),
		pausesOf(id),
		t.db.selectFrom('postmortems').selectAll().where('escalation_id', '=', id).execute(),
		t.db
			.selectFrom('escalations')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('account_id', '=', escalation.account_id)
			.executeTakeFirstOrThrow(),
		t.db.selectFrom('escalation_actions').selectAll().where('escalation_id', '=', id).execute()
	]);
	return { escalation, events, audit, pauses, postmortem, count: Number(count.n), tasks };
}

/** Asserts `run` is refused with `type`. */
async function expectRefused(
	run: () => Promise<unknown>,
	type: typeof ForbiddenError | typeof NotFoundError | typeof StaleVersionError
) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(type);
}

/** Asserts `run` fails with a ConflictError on `field` with `messageKey`. */
async function expectConflictKey(run: () => Promise<unknown>, field: string, messageKey: string) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ConflictError);
	expect(error).toMatchObject({ field, messageKey });
}

/** Opening and commenting: for whoever works the account's follow-ups. */
function raiseWrites(user: SessionUser, accountId: number, id: number) {
	return {
		open: () => escalations.openEscalation(t.db, user, accountId, input(), WED),
		comment: () => escalations.comment(t.db, user, id, 'Customer called again', WED)
	};
}

/** Running the escalation: for whoever may edit the account. */
function manageWrites(user: SessionUser, id: number, ownerId: number, version = 1) {
	return {
		changeStatus: () =>
			escalations.changeStatus(t.db, user, id, version, 'acknowledged', 'On it', WED),
		changePriority: () =>
			escalations.changePriority(t.db, user, id, version, 'P1', 'Worse than thought', WED),
		assign: () =>
			escalations.assign(t.db, user, id, version, { owner_id: ownerId, routed_to: 'gem' }, WED),
		recomputeDueTimes: () => escalations.recomputeDueTimes(t.db, user, id, version, WED),
		savePostmortem: () =>
			postmortems.savePostmortem(t.db, user, id, 0, { root_cause: 'PSU', summary: 'Swap' }, WED),
		addCorrectiveAction: () =>
			postmortems.addCorrectiveAction(
				t.db,
				user,
				id,
				{ title: 'Replace PSUs', owner_id: ownerId, due_date: '2026-11-20' },
				WED
			)
	};
}

describe(`escalations on ${ENGINE}`, () => {
	describe('opening', () => {
		it('starts a P2 on two working hours of the Amsterdam calendar, as the policy says', async () => {
			const ams = await amsterdam();
			const { csm, account, id } = await opened({ priority: 'P2' });
			const escalation = await row(id);
			expect(escalation).toMatchObject({
				account_id: account.id,
				status: 'new',
				priority: 'P2',
				support_package: 'premium',
				response_minutes: 120,
				resolution_minutes: 2 * 540,
				clock: 'account',
				calendar_id: ams.id,
				opened_at: WED,
				opened_by: csm.id,
				acknowledged_at: null,
				version: 1
			});
			// Wednesday 11:00 local + 2 h = 13:00 local; two business days = Friday 11:00 local.
			expect(escalation.response_due_at).toEqual(at('2026-11-18T12:00:00Z'));
			expect(escalation.response_due_at).toEqual(dueAfter(WED, 120, ams.calendar));
			expect(escalation.resolution_due_at).toEqual(at('2026-11-20T10:00:00Z'));
			expect(escalation.resolution_due_at).toEqual(dueAfter(WED, 1080, ams.calendar));
		});

		it('writes an opened event and a create audit row', async () => {
			const { csm, account, id } = await opened({ priority: 'P3' });
			const events = await eventsOf(id);
			expect(events).toHaveLength(1);
			expect(events[0]).toMatchObject({
				kind: 'opened',
				actor_id: csm.id,
				at: WED,
				data: { priority: 'P3' }
			});
			const audit = await auditOf('escalation', id);
			expect(audit).toHaveLength(1);
			expect(audit[0]).toMatchObject({
				action: 'create',
				actor_id: csm.id,
				account_id: account.id,
				before: null
			});
			expect(audit[0]!.after).toMatchObject({ id, priority: 'P3', status: 'new' });
		});

		it('writes the escalation, its event and its audit row in one transaction', async () => {
			const { csm, account } = await setup();
			// Make the audit insert fail for escalations only: nothing of the opening may remain.
			await sql`alter table audit_log add constraint test_no_escalation_audit check (entity <> 'escalation') not valid`.execute(
				t.db
			);
			try {
				await expect(
					escalations.openEscalation(t.db, csm, account.id, input(), WED)
				).rejects.toThrow();
			} finally {
				await sql`alter table audit_log drop constraint test_no_escalation_audit`.execute(t.db);
			}
			const left = await t.db
				.selectFrom('escalations')
				.select('id')
				.where('account_id', '=', account.id)
				.execute();
			expect(left).toEqual([]);
			const events = await t.db
				.selectFrom('escalation_events as ev')
				.innerJoin('escalations as e', 'e.id', 'ev.escalation_id')
				.select('ev.id')
				.where('e.account_id', '=', account.id)
				.execute();
			expect(events).toEqual([]);
		});

		it('runs a P1 around the clock: due 60 minutes later, even on a Saturday', async () => {
			const saturday = at('2026-11-21T03:00:00Z');
			const { id } = await opened({ priority: 'P1' }, saturday);
			expect(await row(id)).toMatchObject({
				clock: '24x7',
				calendar_id: null,
				response_minutes: 60,
				resolution_minutes: 240,
				response_due_at: minutesAfter(saturday, 60),
				resolution_due_at: minutesAfter(saturday, 240)
			});
		});

		it('gives a standard P3 opened Friday 17:00 one business day: Monday 17:00', async () => {
			const ams = await amsterdam();
			const friday = at('2026-11-20T16:00:00Z'); // 17:00 in Amsterdam
			const { id } = await opened({ priority: 'P3' }, friday, { support_package: 'standard' });
			const escalation = await row(id);
			expect(escalation).toMatchObject({
				support_package: 'standard',
				response_minutes: 540,
				resolution_minutes: 5 * 540,
				calendar_id: ams.id
			});
			expect(escalation.response_due_at).toEqual(at('2026-11-23T16:00:00Z'));
			expect(escalation.resolution_due_at).toEqual(dueAfter(friday, 5 * 540, ams.calendar));
		});

		it("counts on the account's own calendar before its region's", async () => {
			const newYork = await calendarNamed('New York business hours');
			const { id } = await opened({ priority: 'P2' }, WED, {
				support_calendar_id: newYork.id
			});
			// 05:00 in New York: the clock starts at 09:00 (14:00Z) and runs two hours.
			expect(await row(id)).toMatchObject({
				calendar_id: newYork.id,
				response_due_at: at('2026-11-18T16:00:00Z')
			});
		});

		it("counts on the region's default calendar: Singapore for APAC", async () => {
			const singapore = await calendarNamed('Singapore business hours');
			const { id } = await opened({ priority: 'P2' }, WED, {
				region: 'apac',
				time_zone: 'Asia/Singapore'
			});
			// 18:00 in Singapore is closing time: Thursday 09:00 + 2 h = 11:00 (03:00Z).
			expect(await row(id)).toMatchObject({
				calendar_id: singapore.id,
				response_due_at: at('2026-11-19T03:00:00Z')
			});
		});

		it('takes an owner from the team and a contact of the account, nothing else', async () => {
			const { csm, account } = await setup();
			const stranger = await makeUser(t.db, 'csm');
			await expectConflict(
				() =>
					escalations.openEscalation(t.db, csm, account.id, input({ owner_id: stranger.id }), WED),
				'owner_id'
			);
			const elsewhere = await makeAccount(t.db);
			const theirContact = await t.db
				.insertInto('contacts')
				.values({ account_id: elsewhere.id, name: 'Not ours' })
				.returning('id')
				.executeTakeFirstOrThrow();
			await expectConflict(
				() =>
					escalations.openEscalation(
						t.db,
						csm,
						account.id,
						input({ contact_id: theirContact.id }),
						WED
					),
				'contact_id'
			);
			const count = await t.db
				.selectFrom('escalations')
				.select('id')
				.where('account_id', '=', account.id)
				.execute();
			expect(count).toEqual([]);

			const ours = await t.db
				.insertInto('contacts')
				.values({ account_id: account.id, name: 'Ada Ops' })
				.returning('id')
				.executeTakeFirstOrThrow();
			const id = await escalations.openEscalation(
				t.db,
				csm,
				account.id,
				input({ owner_id: csm.id, contact_id: ours.id, routed_to: 'gem' }),
				WED
			);
			const { escalation } = await escalations.getEscalation(t.db, csm, id, WED);
			expect(escalation).toMatchObject({
				owner_id: csm.id,
				owner_name: csm.name,
				contact_name: 'Ada Ops',
				routed_to: 'gem'
			});
		});
	});

	describe('access', () => {
		it('a CSM on the team and any manager may open and run escalations', async () => {
			const { csm, account, id } = await opened();
			const manager = await makeUser(t.db, 'manager');
			const managersId = await escalations.openEscalation(t.db, manager, account.id, input(), WED);
			expect((await row(managersId)).opened_by).toBe(manager.id);
			await escalations.changeStatus(t.db, manager, id, 1, 'acknowledged', '', WED);
			await escalations.changeStatus(t.db, csm, id, 2, 'in_progress', '', WED);
			const view = await escalations.getForAccount(t.db, csm, account.id, WED);
			expect(view.can).toEqual({ raise: true, manage: true });
			expect(view.escalations.map((e) => e.id).sort()).toEqual([id, managersId].sort());
		});

		it("a partner opens and comments on their reseller's accounts, but may not run them", async () => {
			const reseller = await makeReseller(t.db);
			const { csm, account } = await setup({ reseller_id: reseller.id });
			const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
			const id = await escalations.openEscalation(t.db, partner, account.id, input(), WED);
			await escalations.comment(t.db, partner, id, 'Customer confirms both feeds', WED);
			expect((await eventsOf(id)).map((e) => e.kind)).toEqual(['opened', 'comment']);

			const view = await escalations.getEscalation(t.db, partner, id, WED);
			expect(view.can).toEqual({ comment: true, manage: false });
			const before = await state(id);
			for (const run of Object.values(manageWrites(partner, id, csm.id))) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('a partner of another reseller gets 404 for everything', async () => {
			const reseller = await makeReseller(t.db);
			const { csm, account, id } = await opened({}, WED, { reseller_id: reseller.id });
			const stranger = await makeUser(t.db, 'partner');
			const before = await state(id);
			await expectRefused(
				() => escalations.getForAccount(t.db, stranger, account.id),
				NotFoundError
			);
			await expectRefused(() => escalations.getEscalation(t.db, stranger, id), NotFoundError);
			const writes = {
				...raiseWrites(stranger, account.id, id),
				...manageWrites(stranger, id, csm.id)
			};
			for (const run of Object.values(writes)) {
				await expectRefused(run, NotFoundError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('sales read escalations but may neither open, comment nor run them', async () => {
			const { csm, account, id } = await opened();
			const sales = await makeUser(t.db, 'sales');
			await putOnTeam(t.db, account.id, sales, 'AM');
			const list = await escalations.getForAccount(t.db, sales, account.id, WED);
			expect(list.escalations.map((e) => e.id)).toEqual([id]);
			expect(list.can).toEqual({ raise: false, manage: false });
			const one = await escalations.getEscalation(t.db, sales, id, WED);
			expect(one.escalation.id).toBe(id);
			expect(one.can).toEqual({ comment: false, manage: false });
			const before = await state(id);
			const writes = { ...raiseWrites(sales, account.id, id), ...manageWrites(sales, id, csm.id) };
			for (const run of Object.values(writes)) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('a CSM not on the team reads but may not write', async () => {
			const { csm, account, id } = await opened();
			const outsider = await makeUser(t.db, 'csm');
			expect((await escalations.getForAccount(t.db, outsider, account.id, WED)).can).toEqual({
				raise: false,
				manage: false
			});
			const before = await state(id);
			const writes = {
				...raiseWrites(outsider, account.id, id),
				...manageWrites(outsider, id, csm.id)
			};
			for (const run of Object.values(writes)) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('an admin reads, and writes nothing', async () => {
			const { csm, account, id } = await opened();
			const admin = await makeUser(t.db, 'admin');
			expect(
				(await escalations.getForAccount(t.db, admin, account.id, WED)).escalations
			).toHaveLength(1);
			expect((await escalations.getEscalation(t.db, admin, id, WED)).escalation.id).toBe(id);
			const before = await state(id);
			const writes = { ...raiseWrites(admin, account.id, id), ...manageWrites(admin, id, csm.id) };
			for (const run of Object.values(writes)) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('answers 404 for an escalation that does not exist', async () => {
			const manager = await makeUser(t.db, 'manager');
			await expectRefused(() => escalations.getEscalation(t.db, manager, 987_654), NotFoundError);
			await expectRefused(
				() => escalations.changeStatus(t.db, manager, 987_654, 1, 'acknowledged', '', WED),
				NotFoundError
			);
		});
	});

	describe('workflow', () => {
		it('acknowledging on time is the first response: met, not breached', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				1,
				'acknowledged',
				'On it',
				at('2026-11-18T10:30:00Z')
			);
			expect(await row(id)).toMatchObject({
				status: 'acknowledged',
				acknowledged_at: at('2026-11-18T10:30:00Z'),
				response_breached_at: null,
				version: 2
			});
			const view = await escalations.getEscalation(t.db, csm, id, at('2026-11-18T13:00:00Z'));
			expect(view.escalation.clocks.response.state).toBe('met');
			expect(view.transitions).toContain('waiting_on_customer');
		});

		it('a late acknowledgement records the response breach, as of the due time', async () => {
			const { csm, id } = await opened(); // response due 12:00Z
			const late = at('2026-11-18T12:30:00Z');
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', '', late);
			expect(await row(id)).toMatchObject({
				acknowledged_at: late,
				response_breached_at: at('2026-11-18T12:00:00Z')
			});
			const view = await escalations.getEscalation(t.db, csm, id, late);
			expect(view.escalation.clocks.response).toMatchObject({ state: 'missed', minutesLeft: -30 });
		});

		it('a late acknowledgement puts the response breach on the timeline', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				1,
				'acknowledged',
				'',
				at('2026-11-18T12:30:00Z')
			);
			expect(await eventsOfKind(id, 'breach')).toMatchObject([{ data: { clock: 'response' } }]);
		});

		it('going straight to work counts as the first response too', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				1,
				'in_progress',
				'',
				at('2026-11-18T10:10:00Z')
			);
			expect((await row(id)).acknowledged_at).toEqual(at('2026-11-18T10:10:00Z'));
		});

		it('every change writes a status event and an update audit row with before and after', async () => {
			const { csm, account, id } = await opened();
			const now = at('2026-11-18T10:30:00Z');
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', 'Engineer on site', now);
			const last = (await eventsOf(id)).at(-1);
			expect(last).toMatchObject({
				kind: 'status',
				actor_id: csm.id,
				body: 'Engineer on site',
				data: { from: 'new', to: 'acknowledged' },
				at: now
			});
			const audit = (await auditOf('escalation', id)).at(-1)!;
			expect(audit).toMatchObject({ action: 'update', actor_id: csm.id, account_id: account.id });
			expect(audit.before).toMatchObject({ status: 'new', version: 1, acknowledged_at: null });
			expect(audit.after).toMatchObject({
				status: 'acknowledged',
				version: 2,
				acknowledged_at: now.toISOString()
			});
		});

		it('waiting on the customer pauses the clock; resuming moves the resolution out by the pause', async () => {
			const ams = await amsterdam();
			const { csm, id } = await opened(); // resolution due Friday 10:00Z
			const original = (await row(id)).resolution_due_at!;
			const pausedAt = at('2026-11-18T11:00:00Z'); // Wednesday 12:00 local
			const resumedAt = at('2026-11-19T09:00:00Z'); // Thursday 10:00 local
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				1,
				'acknowledged',
				'',
				at('2026-11-18T10:30:00Z')
			);
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				2,
				'waiting_on_customer',
				'Need logs',
				pausedAt
			);
			expect(await pausesOf(id)).toMatchObject([{ from_at: pausedAt, to_at: null }]);
			expect((await row(id)).resolution_due_at).toEqual(original);

			const waiting = await escalations.getEscalation(t.db, csm, id, at('2026-11-18T15:00:00Z'));
			expect(waiting.escalation.paused).toBe(true);
			expect(waiting.escalation.clocks.response.state).toBe('met');
			expect(waiting.escalation.clocks.resolution?.state).toBe('paused');
			expect(waiting.pauses).toHaveLength(1);

			await escalations.changeStatus(t.db, csm, id, 3, 'in_progress', 'Logs received', resumedAt);
			expect(await pausesOf(id)).toMatchObject([{ from_at: pausedAt, to_at: resumedAt }]);
			// The pause took 6 open hours on Wednesday and 1 on Thursday.
			const pauseOpen = workingMinutesBetween(pausedAt, resumedAt, ams.calendar);
			expect(pauseOpen).toBe(420);
			const due = (await row(id)).resolution_due_at;
			expect(due).toEqual(addWorkingMinutes(original, pauseOpen, ams.calendar));
			expect(due).toEqual(dueAfter(WED, 1080, ams.calendar, [{ from: pausedAt, to: resumedAt }]));
			expect(due).toEqual(at('2026-11-20T17:00:00Z')); // Friday 18:00 local
			expect((await row(id)).response_due_at).toEqual(at('2026-11-18T12:00:00Z'));
			const resumed = await escalations.getEscalation(t.db, csm, id, resumedAt);
			expect(resumed.escalation.paused).toBe(false);
			expect(resumed.escalation.clocks.resolution?.state).toBe('running');
		});

		it('resolving from waiting closes the pause and judges the resolution on the moved due time', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				1,
				'acknowledged',
				'',
				at('2026-11-18T10:30:00Z')
			);
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				2,
				'waiting_on_customer',
				'',
				at('2026-11-18T11:00:00Z')
			);
			// Friday 11:00Z is past the original due time (10:00Z), not past the moved one.
			const resolvedAt = at('2026-11-20T11:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 3, 'resolved', '', resolvedAt);
			expect(await pausesOf(id)).toMatchObject([{ to_at: resolvedAt }]);
			expect(await row(id)).toMatchObject({
				status: 'resolved',
				resolved_at: resolvedAt,
				resolution_breached_at: null
			});
		});

		it('reopening counts the time it sat resolved as a pause and clears resolved_at', async () => {
			const ams = await amsterdam();
			const { csm, id } = await opened();
			const resolvedAt = at('2026-11-18T11:00:00Z');
			const reopenedAt = at('2026-11-18T13:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', 'Power back', resolvedAt);
			expect(await row(id)).toMatchObject({ resolved_at: resolvedAt, acknowledged_at: resolvedAt });
			await escalations.changeStatus(t.db, csm, id, 2, 'in_progress', 'Down again', reopenedAt);
			expect(await pausesOf(id)).toMatchObject([{ from_at: resolvedAt, to_at: reopenedAt }]);
			const reopened = await row(id);
			expect(reopened).toMatchObject({ status: 'in_progress', resolved_at: null, closed_at: null });
			expect(reopened.resolution_due_at).toEqual(
				dueAfter(WED, 1080, ams.calendar, [{ from: resolvedAt, to: reopenedAt }])
			);
			expect(reopened.resolution_due_at).toEqual(at('2026-11-20T12:00:00Z'));
			expect((await eventsOf(id)).at(-1)).toMatchObject({
				kind: 'status',
				data: { from: 'resolved', to: 'in_progress' }
			});
		});

		it('a closed escalation reopens too, its closing cleared', async () => {
			const ams = await amsterdam();
			const { csm, id } = await opened({ priority: 'P3' });
			const resolvedAt = at('2026-11-18T11:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', resolvedAt);
			await escalations.changeStatus(t.db, csm, id, 2, 'closed', '', at('2026-11-18T12:00:00Z'));
			expect(await row(id)).toMatchObject({
				status: 'closed',
				closed_at: at('2026-11-18T12:00:00Z')
			});
			const reopenedAt = at('2026-11-19T10:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 3, 'in_progress', '', reopenedAt);
			const reopened = await row(id);
			expect(reopened).toMatchObject({ status: 'in_progress', closed_at: null, resolved_at: null });
			expect(reopened.resolution_due_at).toEqual(
				dueAfter(WED, 5 * 540, ams.calendar, [{ from: resolvedAt, to: reopenedAt }])
			);
		});

		it('refuses moves the workflow does not allow, changing nothing', async () => {
			const { csm, id } = await opened();
			const before = await state(id);
			for (const to of ['waiting_on_customer', 'closed', 'new'] as const) {
				await expectConflictKey(
					() => escalations.changeStatus(t.db, csm, id, 1, to, '', WED),
					'status',
					'error.transition'
				);
			}
			expect(await state(id)).toEqual(before);
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', WED);
			await expectConflict(
				() => escalations.changeStatus(t.db, csm, id, 2, 'acknowledged', '', WED),
				'status'
			);
		});

		it('closes a P1 or P2 only with a post-mortem; P3 and P4 without', async () => {
			for (const priority of ['P1', 'P2'] as const) {
				const { csm, id } = await opened({ priority });
				await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', WED);
				const before = await state(id);
				await expectConflictKey(
					() => escalations.changeStatus(t.db, csm, id, 2, 'closed', '', WED),
					'status',
					'error.postmortemRequired'
				);
				expect(await state(id)).toEqual(before);
				await postmortems.savePostmortem(
					t.db,
					csm,
					id,
					0,
					{ root_cause: 'Breaker tripped', summary: 'Replaced breaker' },
					WED
				);
				const closedAt = minutesAfter(WED, 30);
				await escalations.changeStatus(t.db, csm, id, 2, 'closed', '', closedAt);
				expect(await row(id)).toMatchObject({ status: 'closed', closed_at: closedAt });
			}
			for (const priority of ['P3', 'P4'] as const) {
				const { csm, id } = await opened({ priority });
				await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', WED);
				await escalations.changeStatus(t.db, csm, id, 2, 'closed', '', WED);
				expect((await row(id)).status).toBe('closed');
			}
		});

		it('a stale version is refused and changes nothing', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', '', WED);
			const before = await state(id);
			await expectRefused(
				() => escalations.changeStatus(t.db, csm, id, 1, 'in_progress', '', WED),
				StaleVersionError
			);
			await expectRefused(
				() => escalations.changePriority(t.db, csm, id, 1, 'P1', 'Worse', WED),
				StaleVersionError
			);
			await expectRefused(
				() => escalations.assign(t.db, csm, id, 1, { owner_id: csm.id, routed_to: null }, WED),
				StaleVersionError
			);
			expect(await state(id)).toEqual(before);
		});

		it('resolving late records both breaches, each as of its due time', async () => {
			const { csm, id } = await opened({ priority: 'P1' }); // response 11:00Z, resolution 14:00Z
			const late = at('2026-11-18T15:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', late);
			expect(await row(id)).toMatchObject({
				resolved_at: late,
				resolution_breached_at: at('2026-11-18T14:00:00Z'),
				response_breached_at: at('2026-11-18T11:00:00Z')
			});
		});

		it("the audit row's after shows the resolution breach it recorded", async () => {
			const { csm, id } = await opened({ priority: 'P1' });
			const late = at('2026-11-18T15:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', late);
			const audit = (await auditOf('escalation', id)).at(-1)!;
			expect(audit.after).toMatchObject({
				resolution_breached_at: at('2026-11-18T14:00:00Z').toISOString()
			});
		});

		it('resolving late puts the resolution breach on the timeline', async () => {
			const { csm, id } = await opened({ priority: 'P1' });
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', '', minutesAfter(WED, 5));
			await escalations.changeStatus(t.db, csm, id, 2, 'resolved', '', at('2026-11-18T15:00:00Z'));
			expect(await eventsOfKind(id, 'breach')).toMatchObject([{ data: { clock: 'resolution' } }]);
		});
	});

	describe('changePriority and recomputeDueTimes', () => {
		it('recomputes both due times from the opening, on the new priority’s clock', async () => {
			const ams = await amsterdam();
			const { csm, id } = await opened({ priority: 'P3' });
			const p3 = await row(id);
			expect(p3.response_due_at).toEqual(at('2026-11-18T14:00:00Z')); // 4 working hours
			expect(p3.resolution_due_at).toEqual(dueAfter(WED, 5 * 540, ams.calendar));

			const upgradedAt = at('2026-11-18T10:20:00Z');
			await escalations.changePriority(t.db, csm, id, 1, 'P1', 'Whole site down', upgradedAt);
			expect(await row(id)).toMatchObject({
				priority: 'P1',
				clock: '24x7',
				calendar_id: null,
				response_minutes: 60,
				resolution_minutes: 240,
				response_due_at: at('2026-11-18T11:00:00Z'),
				resolution_due_at: at('2026-11-18T14:00:00Z'),
				opened_at: WED,
				version: 2
			});
			expect((await eventsOf(id)).at(-1)).toMatchObject({
				kind: 'priority',
				actor_id: csm.id,
				body: 'Whole site down',
				data: { from: 'P3', to: 'P1' },
				at: upgradedAt
			});
			const audit = (await auditOf('escalation', id)).at(-1)!;
			expect(audit.action).toBe('update');
			expect(audit.before).toMatchObject({ priority: 'P3', clock: 'account' });
			expect(audit.after).toMatchObject({ priority: 'P1', clock: '24x7', calendar_id: null });

			await escalations.changePriority(t.db, csm, id, 2, 'P3', 'Only one rack', upgradedAt);
			expect(await row(id)).toMatchObject({
				priority: 'P3',
				clock: 'account',
				calendar_id: ams.id,
				response_due_at: p3.response_due_at,
				resolution_due_at: p3.resolution_due_at,
				version: 3
			});
		});

		it('keeps finished pauses out of the recomputed due times', async () => {
			const ams = await amsterdam();
			const { csm, id } = await opened({ priority: 'P3' });
			const pause = { from: at('2026-11-18T11:00:00Z'), to: at('2026-11-18T13:00:00Z') };
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', '', minutesAfter(WED, 30));
			await escalations.changeStatus(t.db, csm, id, 2, 'waiting_on_customer', '', pause.from);
			await escalations.changeStatus(t.db, csm, id, 3, 'in_progress', '', pause.to);
			await escalations.changePriority(t.db, csm, id, 4, 'P2', 'Spreading', pause.to);
			expect((await row(id)).resolution_due_at).toEqual(dueAfter(WED, 1080, ams.calendar, [pause]));
		});

		it('the same priority again changes nothing', async () => {
			const { csm, id } = await opened({ priority: 'P3' });
			const before = await state(id);
			await escalations.changePriority(t.db, csm, id, 1, 'P3', 'Same', WED);
			expect(await state(id)).toEqual(before);
		});

		it('recomputeDueTimes applies a policy changed after opening, and logs it', async () => {
			const ams = await amsterdam();
			// Enterprise, so that the premium tests never see the changed policy.
			const { csm, id } = await opened({ priority: 'P2' }, WED, { support_package: 'enterprise' });
			const policy = () =>
				t.db
					.updateTable('sla_policies')
					.where('support_package', '=', 'enterprise')
					.where('priority', '=', 'P2');
			await policy().set({ response_minutes: 60, resolution_minutes: 540 }).execute();
			try {
				// A policy change alone moves nothing.
				expect(await row(id)).toMatchObject({
					response_minutes: 120,
					response_due_at: at('2026-11-18T12:00:00Z')
				});
				const now = at('2026-11-18T10:30:00Z');
				await escalations.recomputeDueTimes(t.db, csm, id, 1, now);
				const after = await row(id);
				expect(after).toMatchObject({
					response_minutes: 60,
					resolution_minutes: 540,
					calendar_id: ams.id,
					response_due_at: at('2026-11-18T11:00:00Z'),
					resolution_due_at: dueAfter(WED, 540, ams.calendar),
					version: 2
				});
				expect(after.resolution_due_at).toEqual(at('2026-11-19T10:00:00Z'));
				expect((await eventsOf(id)).at(-1)).toMatchObject({
					kind: 'recomputed',
					actor_id: csm.id,
					at: now,
					data: {
						response_due_at: '2026-11-18T11:00:00.000Z',
						resolution_due_at: '2026-11-19T10:00:00.000Z'
					}
				});
				const audit = (await auditOf('escalation', id)).at(-1)!;
				expect(audit.action).toBe('update');
				expect(audit.before).toMatchObject({ response_minutes: 120 });
				expect(audit.after).toMatchObject({ response_minutes: 60 });
			} finally {
				await policy()
					.set({ response_minutes: 120, resolution_minutes: 2 * 540 })
					.execute();
			}
		});

		it('a closed escalation refuses both', async () => {
			const { csm, id } = await opened({ priority: 'P3' });
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', WED);
			await escalations.changeStatus(t.db, csm, id, 2, 'closed', '', WED);
			const before = await state(id);
			await expectConflict(
				() => escalations.changePriority(t.db, csm, id, 3, 'P1', 'Again', WED),
				'priority'
			);
			await expectConflict(() => escalations.recomputeDueTimes(t.db, csm, id, 3, WED), 'status');
			expect(await state(id)).toEqual(before);
		});
	});

	describe('assign', () => {
		it('logs owner and routing changes, and nothing when unchanged', async () => {
			const { csm, account, id } = await opened();
			const tam = await makeUser(t.db, 'csm');
			await putOnTeam(t.db, account.id, tam, 'TAM');
			await escalations.assign(
				t.db,
				csm,
				id,
				1,
				{ owner_id: tam.id, routed_to: 'engineering' },
				WED
			);
			expect(await row(id)).toMatchObject({
				owner_id: tam.id,
				routed_to: 'engineering',
				version: 2
			});
			expect((await eventsOf(id)).slice(1)).toMatchObject([
				{ kind: 'owner', actor_id: csm.id, data: { from: null, to: tam.id } },
				{ kind: 'routed', actor_id: csm.id, data: { from: null, to: 'engineering' } }
			]);
			expect((await auditOf('escalation', id)).at(-1)).toMatchObject({ action: 'update' });

			const unchanged = await state(id);
			await escalations.assign(
				t.db,
				csm,
				id,
				2,
				{ owner_id: tam.id, routed_to: 'engineering' },
				WED
			);
			expect(await state(id)).toEqual(unchanged);

			await escalations.assign(t.db, csm, id, 2, { owner_id: tam.id, routed_to: 'gem' }, WED);
			expect((await eventsOf(id)).slice(3)).toMatchObject([
				{ kind: 'routed', data: { from: 'engineering', to: 'gem' } }
			]);
		});

		it('takes an owner only from the team', async () => {
			const { csm, id } = await opened();
			const outsider = await makeUser(t.db, 'csm');
			const before = await state(id);
			await expectConflict(
				() => escalations.assign(t.db, csm, id, 1, { owner_id: outsider.id, routed_to: null }, WED),
				'owner_id'
			);
			expect(await state(id)).toEqual(before);
		});
	});

	describe('comment', () => {
		it('adds a comment to the timeline without changing the escalation', async () => {
			const { csm, id } = await opened();
			const before = await row(id);
			const now = minutesAfter(WED, 5);
			await escalations.comment(t.db, csm, id, 'Customer sent photos', now);
			expect((await eventsOf(id)).at(-1)).toMatchObject({
				kind: 'comment',
				actor_id: csm.id,
				body: 'Customer sent photos',
				at: now
			});
			expect(await row(id)).toEqual(before);
			const view = await escalations.getEscalation(t.db, csm, id, now);
			expect(view.events.at(-1)).toMatchObject({ kind: 'comment', actor_name: csm.name });
		});
	});

	describe('post-mortem', () => {
		it('version 0 writes it, the shown version rewrites it, a stale one is refused', async () => {
			const { csm, account, id } = await opened({ priority: 'P1' });
			await postmortems.savePostmortem(
				t.db,
				csm,
				id,
				0,
				{ root_cause: 'Breaker tripped', summary: 'Replaced the breaker' },
				WED
			);
			const first = await t.db
				.selectFrom('postmortems')
				.selectAll()
				.where('escalation_id', '=', id)
				.executeTakeFirstOrThrow();
			expect(first).toMatchObject({
				root_cause: 'Breaker tripped',
				written_by: csm.id,
				version: 1
			});
			expect(await auditOf('postmortem', id)).toMatchObject([
				{ action: 'create', actor_id: csm.id, account_id: account.id, before: null }
			]);

			await postmortems.savePostmortem(
				t.db,
				csm,
				id,
				1,
				{ root_cause: 'Breaker undersized', summary: 'Replaced with a 32 A breaker' },
				WED
			);
			const audit = await auditOf('postmortem', id);
			expect(audit).toHaveLength(2);
			expect(audit[1]).toMatchObject({ action: 'update' });
			expect(audit[1]!.before).toMatchObject({ root_cause: 'Breaker tripped', version: 1 });
			expect(audit[1]!.after).toMatchObject({ root_cause: 'Breaker undersized', version: 2 });
			expect(
				(await eventsOfKind(id, 'postmortem')).map((e) => (e.data as { change: string }).change)
			).toEqual(['written', 'revised']);

			const before = await state(id);
			for (const stale of [0, 1]) {
				await expectRefused(
					() =>
						postmortems.savePostmortem(
							t.db,
							csm,
							id,
							stale,
							{ root_cause: 'Overwritten', summary: 'Overwritten' },
							WED
						),
					StaleVersionError
				);
			}
			expect(await state(id)).toEqual(before);
		});

		it('a corrective action is a task in its owner’s My work, completable there', async () => {
			const { csm, account, id } = await opened({ priority: 'P1', title: 'Cage 7 outage' });
			const owner = await makeUser(t.db, 'csm');
			await putOnTeam(t.db, account.id, owner, 'TAM');
			const taskId = await postmortems.addCorrectiveAction(
				t.db,
				csm,
				id,
				{ title: 'Add a second feed', owner_id: owner.id, due_date: '2026-11-20' },
				WED
			);
			expect(
				await t.db
					.selectFrom('tasks')
					.selectAll()
					.where('id', '=', taskId)
					.executeTakeFirstOrThrow()
			).toMatchObject({
				account_id: account.id,
				title: 'Add a second feed',
				owner_user_id: owner.id,
				due_date: '2026-11-20',
				source: 'postmortem',
				status: 'open'
			});
			expect(
				await t.db
					.selectFrom('escalation_actions')
					.selectAll()
					.where('task_id', '=', taskId)
					.execute()
			).toEqual([{ task_id: taskId, escalation_id: id }]);
			expect((await eventsOfKind(id, 'postmortem')).at(-1)).toMatchObject({
				body: 'Add a second feed',
				data: { change: 'action_added', task_id: taskId }
			});
			expect(await auditOf('task', taskId)).toMatchObject([{ action: 'create' }]);

			const work = await myWork(t.db, owner, WED);
			const tasks = work.groups.flatMap((g) => g.tasks);
			expect(tasks).toMatchObject([
				{ id: taskId, escalation_id: id, escalation_title: 'Cage 7 outage', overdue: false }
			]);

			await completeTask(t.db, owner, taskId, tasks[0]!.version);
			expect(
				await t.db
					.selectFrom('tasks')
					.selectAll()
					.where('id', '=', taskId)
					.executeTakeFirstOrThrow()
			).toMatchObject({ status: 'done', completed_by: owner.id, version: 2 });
			expect((await myWork(t.db, owner, WED)).total).toBe(0);
		});

		it('a corrective action needs an owner on the team', async () => {
			const { csm, id } = await opened({ priority: 'P2' });
			const outsider = await makeUser(t.db, 'csm');
			const before = await state(id);
			await expectConflict(
				() =>
					postmortems.addCorrectiveAction(
						t.db,
						csm,
						id,
						{ title: 'Nobody’s task', owner_id: outsider.id, due_date: '2026-11-20' },
						WED
					),
				'owner_id'
			);
			expect(await state(id)).toEqual(before);
		});
	});

	describe('the SLA sweep', () => {
		it('marks an unacknowledged response past due as breached, once', async () => {
			const { id } = await opened(); // response due 12:00Z
			await runSlaSweep(t.db, at('2026-11-18T11:59:00Z'));
			expect((await row(id)).response_breached_at).toBeNull();
			expect(await eventsOfKind(id, 'breach')).toEqual([]);

			await runSlaSweep(t.db, at('2026-11-18T12:30:00Z'));
			expect((await row(id)).response_breached_at).toEqual(at('2026-11-18T12:00:00Z'));
			expect(await eventsOfKind(id, 'breach')).toMatchObject([
				{ actor_id: null, data: { clock: 'response' }, at: at('2026-11-18T12:30:00Z') }
			]);

			const once = await eventsOf(id);
			await runSlaSweep(t.db, at('2026-11-18T12:45:00Z'));
			expect(await eventsOf(id)).toEqual(once);
		});

		it('warns once when a clock passes 75 %', async () => {
			const { id } = await opened(); // 120 working minutes from 10:00Z
			await runSlaSweep(t.db, at('2026-11-18T11:20:00Z')); // 80 minutes: two thirds
			expect((await row(id)).warned_at).toBeNull();

			const warnedAt = at('2026-11-18T11:35:00Z'); // 95 minutes
			await runSlaSweep(t.db, warnedAt);
			expect((await row(id)).warned_at).toEqual(warnedAt);
			expect(await eventsOfKind(id, 'warning')).toMatchObject([{ actor_id: null, at: warnedAt }]);
			expect(await eventsOfKind(id, 'breach')).toEqual([]);

			const once = await eventsOf(id);
			await runSlaSweep(t.db, at('2026-11-18T11:40:00Z'));
			expect(await eventsOf(id)).toEqual(once);
			expect((await row(id)).warned_at).toEqual(warnedAt);
		});

		it('measures an escalation only from its warning moment, then sets the exact one', async () => {
			const { csm, id } = await opened(); // 120 working minutes from 10:00Z
			expect((await row(id)).warn_at).toEqual(WED);
			await runSlaSweep(t.db, at('2026-11-18T11:20:00Z'));
			// 75 % of the first response's open time: 90 minutes in.
			expect((await row(id)).warn_at).toEqual(at('2026-11-18T11:30:00Z'));

			// Answering sets it to be measured again; then the resolution's moment is the one.
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', '', minutesAfter(WED, 85));
			const answered = await row(id);
			expect(answered.warn_at).toEqual(minutesAfter(WED, 85));
			await runSlaSweep(t.db, minutesAfter(WED, 86));
			const next = (await row(id)).warn_at!;
			expect(next.getTime()).toBeGreaterThan(minutesAfter(WED, 86).getTime());
			expect((await row(id)).warned_at).toBeNull();
			await runSlaSweep(t.db, next);
			expect((await row(id)).warned_at).toEqual(next);
			expect((await row(id)).warn_at).toBeNull();
		});

		it('leaves a resolved escalation out of the measuring', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', minutesAfter(WED, 5));
			expect((await row(id)).warn_at).toBeNull();
		});

		/** A P2 acknowledged at once, waiting on the customer from half its resolution time on. */
		async function pausedHalfway() {
			const { csm, id } = await opened(); // resolution due Friday 10:00Z
			await escalations.changeStatus(t.db, csm, id, 1, 'acknowledged', '', minutesAfter(WED, 10));
			// Thursday 11:00 local: 420 + 120 of 1080 open minutes used.
			await escalations.changeStatus(
				t.db,
				csm,
				id,
				2,
				'waiting_on_customer',
				'',
				at('2026-11-19T10:00:00Z')
			);
			return { csm, id };
		}

		it('does not breach a paused escalation past its stored resolution due time', async () => {
			const { id } = await pausedHalfway();
			await runSlaSweep(t.db, at('2026-11-20T12:00:00Z'));
			expect((await row(id)).resolution_breached_at).toBeNull();
			expect(await eventsOfKind(id, 'breach')).toEqual([]);
		});

		it('nor warns on one paused at half its time', async () => {
			const { id } = await pausedHalfway();
			await runSlaSweep(t.db, at('2026-11-20T12:00:00Z'));
			expect((await row(id)).warned_at).toBeNull();
			expect(await eventsOfKind(id, 'warning')).toEqual([]);
		});

		it('measures a paused escalation again when the wait ends', async () => {
			const { csm, id } = await pausedHalfway();
			await runSlaSweep(t.db, at('2026-11-19T10:30:00Z'));
			expect((await row(id)).warn_at).toBeNull();
			const resumed = at('2026-11-20T09:00:00Z');
			await escalations.changeStatus(t.db, csm, id, 3, 'in_progress', '', resumed);
			expect((await row(id)).warn_at).toEqual(resumed);
			await runSlaSweep(t.db, resumed);
			// 540 of 1080 open minutes were left: 270 more to 75 %, after the pause's open time.
			expect((await row(id)).warn_at!.getTime()).toBeGreaterThan(resumed.getTime());
			expect((await row(id)).warned_at).toBeNull();
		});

		it('ignores resolved escalations', async () => {
			const { csm, id } = await opened();
			await escalations.changeStatus(t.db, csm, id, 1, 'resolved', '', minutesAfter(WED, 5));
			const before = await state(id);
			await runSlaSweep(t.db, at('2026-12-01T12:00:00Z'));
			expect(await state(id)).toEqual(before);
			expect(before.escalation).toMatchObject({
				warned_at: null,
				response_breached_at: null,
				resolution_breached_at: null
			});
		});
	});

	describe('query counts', () => {
		async function queriesOf(run: (db: Db) => Promise<unknown>) {
			const counter = new QueryCounter();
			await run(t.db.withPlugin(counter));
			return counter.count;
		}

		it('the account’s escalations cost the same with 1 or 20 of them', async () => {
			const manager = await makeUser(t.db, 'manager');
			const small = await setup();
			await escalations.openEscalation(t.db, small.csm, small.account.id, input(), WED);
			const large = await setup();
			for (let i = 0; i < 20; i++) {
				const id = await escalations.openEscalation(
					t.db,
					large.csm,
					large.account.id,
					input({ priority: (['P1', 'P2', 'P3', 'P4'] as const)[i % 4] }),
					WED
				);
				if (i % 3 === 0) {
					await escalations.changeStatus(t.db, large.csm, id, 1, 'acknowledged', '', WED);
					await escalations.changeStatus(t.db, large.csm, id, 2, 'waiting_on_customer', '', WED);
				}
			}
			const now = at('2026-11-18T11:00:00Z');
			const smallCount = await queriesOf((db) =>
				escalations.getForAccount(db, manager, small.account.id, now)
			);
			const largeCount = await queriesOf((db) =>
				escalations.getForAccount(db, manager, large.account.id, now)
			);
			expect(largeCount).toBe(smallCount);
			const view = await escalations.getForAccount(t.db, manager, large.account.id, now);
			expect(view.escalations).toHaveLength(20);
			expect(view.escalations.filter((e) => e.clocks.resolution?.state === 'paused')).toHaveLength(
				7
			);
		});
	});
});

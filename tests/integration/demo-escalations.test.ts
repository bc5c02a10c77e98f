import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import {
	AROUND_THE_CLOCK,
	ESCALATION_STATUSES,
	dueAfter,
	escalationClocks,
	isOpen,
	needsPostmortem
} from '../../src/lib/domain/escalation';
import type { Db } from '../../src/lib/server/db/database';
import { seedDemo, type SeedDemoResult } from '../../src/lib/server/demo/demo-data';
import { unreadCount } from '../../src/lib/server/notifications/notification.service';
import { runSlaSweep } from '../../src/lib/server/jobs/sla-sweep';
import { calendarsByIds } from '../../src/lib/server/support/support.repository';
import { ENGINE, useTestDatabase } from '../support/test-database';

const TODAY = '2026-11-22';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const WEEK_END = '2026-11-28';
const ACCOUNTS = 200;

/** Escalations and everything hanging off them as text, keyed by CRM id and email, not ids. */
async function escalationHash(db: Db) {
	const { rows } = await sql<{ escalations: string; events: string; rest: string }>`
		select
			(select md5(string_agg(concat_ws('|', a.external_id, e.title, e.description, e.priority,
				e.category, e.external_ref, e.reported_via, c.name, e.status, o.email, e.routed_to,
				e.opened_at, b.email, e.support_package, e.response_minutes, e.resolution_minutes,
				e.clock, e.calendar_id, e.response_due_at, e.resolution_due_at, e.acknowledged_at,
				e.resolved_at, e.closed_at, e.warned_at, e.response_breached_at,
				e.resolution_breached_at, e.updated_at), ';' order by a.external_id, e.opened_at, e.title))
				from escalations e join accounts a on a.id = e.account_id
				left join contacts c on c.id = e.contact_id left join users o on o.id = e.owner_id
				left join users b on b.id = e.opened_by) as escalations,
			(select md5(string_agg(concat_ws('|', e.external_ref, v.kind, u.email, v.body,
				(v.data - 'task_id')::text, v.at), ';' order by e.external_ref, v.at, v.kind, v.body))
				from escalation_events v join escalations e on e.id = v.escalation_id
				left join users u on u.id = v.actor_id) as events,
			(select md5(concat(
				(select string_agg(concat_ws('|', e.external_ref, p.from_at, p.to_at), ';'
					order by e.external_ref, p.from_at)
					from escalation_pauses p join escalations e on e.id = p.escalation_id),
				(select string_agg(concat_ws('|', e.external_ref, p.root_cause, p.summary, u.email,
					p.created_at), ';' order by e.external_ref)
					from postmortems p join escalations e on e.id = p.escalation_id
					left join users u on u.id = p.written_by),
				(select string_agg(concat_ws('|', e.external_ref, t.title, t.due_date, t.status,
					u.email, t.completed_at), ';' order by e.external_ref, t.title)
					from escalation_actions x join escalations e on e.id = x.escalation_id
					join tasks t on t.id = x.task_id left join users u on u.id = t.owner_user_id)
			))) as rest`.execute(db);
	return rows[0]!;
}

let firstHash: Awaited<ReturnType<typeof escalationHash>> | undefined;

describe(`demo escalations on ${ENGINE}`, () => {
	const t = useTestDatabase();
	let result: SeedDemoResult;

	it('writes the counts it reports, on about 12% of accounts, in every state', async () => {
		result = await seedDemo(t.db, { accounts: ACCOUNTS, today: TODAY });
		const count = async (
			table: 'escalations' | 'escalation_events' | 'postmortems' | 'escalation_actions'
		) =>
			(
				await t.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n;
		expect(result.escalations).toBe(Number(await count('escalations')));
		expect(result.escalationEvents).toBe(Number(await count('escalation_events')));
		expect(result.postmortems).toBe(Number(await count('postmortems')));
		expect(result.correctiveActions).toBe(Number(await count('escalation_actions')));

		const rows = await t.db
			.selectFrom('escalations')
			.select(['account_id', 'status', 'opened_at'])
			.execute();
		const accounts = new Set(rows.map((r) => r.account_id)).size;
		expect(accounts).toBeGreaterThan(ACCOUNTS * 0.08);
		expect(accounts).toBeLessThan(ACCOUNTS * 0.2);
		expect(new Set(rows.map((r) => r.status))).toEqual(new Set(ESCALATION_STATUSES));
		const done = rows.filter((r) => !isOpen(r.status));
		expect(done.length).toBeGreaterThan(rows.length / 2);
		for (const r of rows) {
			expect(r.opened_at.getTime()).toBeLessThanOrEqual(NOW.getTime());
			expect(r.opened_at.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 121 * 86_400_000);
		}
	});

	it('sets due times as dueAfter does on the policy and calendar the app would use', async () => {
		const rows = await t.db
			.selectFrom('escalations as e')
			.innerJoin('accounts as a', 'a.id', 'e.account_id')
			.innerJoin('sla_policies as p', (join) =>
				join
					.onRef('p.support_package', '=', 'a.support_package')
					.onRef('p.priority', '=', 'e.priority')
			)
			.innerJoin('region_calendars as r', 'r.region', 'a.region')
			.selectAll('e')
			.select([
				'a.support_package as account_package',
				'p.response_minutes as policy_response',
				'p.resolution_minutes as policy_resolution',
				'p.clock as policy_clock',
				'r.calendar_id as region_calendar'
			])
			.execute();
		const pauses = await t.db.selectFrom('escalation_pauses').selectAll().execute();
		const calendars = await calendarsByIds(
			t.db,
			rows.map((r) => r.region_calendar)
		);
		expect(rows).toHaveLength(result.escalations);
		for (const e of rows) {
			const name = `${e.external_ref} ${e.priority} ${e.status}`;
			expect(e.support_package, name).toBe(e.account_package);
			expect([e.response_minutes, e.resolution_minutes, e.clock], name).toEqual([
				e.policy_response,
				e.policy_resolution,
				e.policy_clock
			]);
			// P1 counts every minute and names no calendar; the rest count the region's default.
			expect(e.clock === '24x7', name).toBe(e.priority === 'P1');
			expect(e.calendar_id, name).toBe(e.clock === '24x7' ? null : e.region_calendar);
			const calendar = e.calendar_id === null ? AROUND_THE_CLOCK : calendars.get(e.calendar_id)!;
			const own = pauses.filter((p) => p.escalation_id === e.id);
			const finished = own.flatMap((p) => (p.to_at ? [{ from: p.from_at, to: p.to_at }] : []));
			expect(e.response_due_at, name).toEqual(dueAfter(e.opened_at, e.response_minutes, calendar));
			expect(e.resolution_due_at, name).toEqual(
				dueAfter(e.opened_at, e.resolution_minutes!, calendar, finished)
			);

			// Acknowledged after opening; resolved and closed in order; a wait open only while waiting.
			if (e.status === 'new') expect(e.acknowledged_at, name).toBeNull();
			else expect(e.acknowledged_at!.getTime(), name).toBeGreaterThan(e.opened_at.getTime());
			expect(e.resolved_at !== null, name).toBe(e.status === 'resolved' || e.status === 'closed');
			expect(e.closed_at !== null, name).toBe(e.status === 'closed');
			if (e.resolved_at) expect(e.resolved_at > e.acknowledged_at!, name).toBe(true);
			if (e.closed_at) expect(e.closed_at > e.resolved_at!, name).toBe(true);
			expect(own.filter((p) => p.to_at === null).length, name).toBe(
				e.status === 'waiting_on_customer' ? 1 : 0
			);

			// A first response later than due, or none by now past due, was breached at the due time.
			const late =
				e.acknowledged_at === null
					? e.response_due_at <= NOW
					: e.acknowledged_at > e.response_due_at;
			expect(e.response_breached_at, name).toEqual(late ? e.response_due_at : null);
			if (e.resolution_breached_at) {
				expect(e.resolution_breached_at.getTime(), name).toBeLessThanOrEqual(
					(e.resolved_at ?? NOW).getTime()
				);
			}
			if (e.resolved_at && e.resolved_at > e.resolution_due_at!) {
				expect(e.resolution_breached_at, name).not.toBeNull();
			}
		}
	});

	it('leaves nothing for the SLA sweep to mark: warnings and breaches are where it would put them', async () => {
		// Each running clock's warning moment is still ahead, so the sweep measures none of them.
		const open = await t.db
			.selectFrom('escalations as e')
			.select(['e.id', 'e.warn_at', 'e.warned_at'])
			.select((eb) =>
				eb
					.exists(
						eb
							.selectFrom('escalation_pauses as p')
							.whereRef('p.escalation_id', '=', 'e.id')
							.where('p.to_at', 'is', null)
					)
					.as('paused')
			)
			.where('e.status', 'not in', ['resolved', 'closed'])
			.execute();
		for (const e of open) {
			if (e.warned_at || e.paused) expect(e.warn_at, `#${e.id}`).toBeNull();
			// None: both clocks answered or stopped (a first response given, no resolution target).
			else if (e.warn_at) expect(e.warn_at.getTime(), `#${e.id}`).toBeGreaterThan(NOW.getTime());
		}
		expect(open.filter((e) => e.warn_at).length).toBeGreaterThan(0);
		// Read-only in effect: a sweep that finds nothing writes nothing.
		expect(await runSlaSweep(t.db, NOW)).toEqual({ breaches: 0, warnings: 0 });
	});

	it('warned and breached at the instant the app’s clocks first said so', async () => {
		const rows = await t.db.selectFrom('escalations').selectAll().execute();
		const pauses = await t.db.selectFrom('escalation_pauses').selectAll().execute();
		const calendars = await calendarsByIds(
			t.db,
			rows.flatMap((r) => (r.calendar_id === null ? [] : [r.calendar_id]))
		);
		/** Both clocks as the app showed them at `at`, from what had happened by then. */
		const clocksAt = (e: (typeof rows)[number], at: Date) => {
			const calendar = e.calendar_id === null ? AROUND_THE_CLOCK : calendars.get(e.calendar_id)!;
			const sofar = pauses
				.filter((p) => p.escalation_id === e.id && p.from_at <= at)
				.map((p) => ({ from_at: p.from_at, to_at: p.to_at && p.to_at <= at ? p.to_at : null }));
			const finished = sofar.flatMap((p) => (p.to_at ? [{ from: p.from_at, to: p.to_at }] : []));
			const by = (d: Date | null) => (d && d <= at ? d : null);
			const clocks = escalationClocks(
				{
					opened_at: e.opened_at,
					response_due_at: e.response_due_at,
					resolution_due_at: dueAfter(e.opened_at, e.resolution_minutes!, calendar, finished),
					acknowledged_at: by(e.acknowledged_at),
					resolved_at: by(e.resolved_at)
				},
				calendar,
				sofar,
				at
			);
			return { ...clocks, paused: sofar.some((p) => p.to_at === null) };
		};
		const before = (d: Date) => new Date(d.getTime() - 1);
		const alarmed = (c: ReturnType<typeof clocksAt>) =>
			[c.response.state, c.resolution!.state].some((s) => s === 'warning' || s === 'breached');
		let warned = 0;
		for (const e of rows) {
			const name = `${e.external_ref} ${e.priority} ${e.status}`;
			if (e.warned_at) {
				warned++;
				expect(alarmed(clocksAt(e, e.warned_at)), name).toBe(true);
				expect(alarmed(clocksAt(e, before(e.warned_at))), name).toBe(false);
			}
			if (e.resolution_breached_at) {
				const at = clocksAt(e, e.resolution_breached_at);
				expect([at.resolution!.state, at.paused], name).toEqual(['breached', false]);
				expect(clocksAt(e, before(e.resolution_breached_at)).resolution!.state, name).not.toBe(
					'breached'
				);
			}
		}
		expect(warned).toBeGreaterThan(0);
	});

	it('logs opening, moves, warnings, breaches and post-mortems in time order, owned by the CSM', async () => {
		const escalations = await t.db
			.selectFrom('escalations as e')
			.innerJoin('account_team_members as m', (join) =>
				join.onRef('m.account_id', '=', 'e.account_id').on('m.team_role', '=', 'CSM')
			)
			.selectAll('e')
			.select('m.user_id as csm')
			.execute();
		const events = await t.db
			.selectFrom('escalation_events')
			.selectAll()
			.orderBy('escalation_id')
			.orderBy('at')
			.orderBy('id')
			.execute();
		const kinds = new Set(events.map((e) => e.kind));
		for (const kind of ['opened', 'status', 'comment', 'warning', 'breach', 'postmortem']) {
			expect(kinds, kind).toContain(kind);
		}
		for (const e of escalations) {
			const name = `${e.external_ref} ${e.priority} ${e.status}`;
			expect(e.owner_id, name).toBe(e.csm);
			const log = events.filter((v) => v.escalation_id === e.id);
			expect(log[0]?.kind, name).toBe('opened');
			expect(log[0]?.at, name).toEqual(e.opened_at);
			for (const v of log) {
				expect(v.at.getTime(), name).toBeGreaterThanOrEqual(e.opened_at.getTime());
				expect(v.at.getTime(), name).toBeLessThanOrEqual(NOW.getTime());
			}
			// Each move starts where the last one ended, and the last ends where it stands.
			let at: string = 'new';
			for (const move of log.filter((v) => v.kind === 'status')) {
				expect(move.data?.from, name).toBe(at);
				at = String(move.data?.to);
			}
			expect(at, name).toBe(e.status);
			const breaches = log.filter((v) => v.kind === 'breach').map((v) => v.data?.clock);
			expect(breaches.includes('response'), name).toBe(e.response_breached_at !== null);
			expect(breaches.includes('resolution'), name).toBe(e.resolution_breached_at !== null);
			expect(
				log.filter((v) => v.kind === 'warning').map((v) => v.at),
				name
			).toEqual(e.warned_at ? [e.warned_at] : []);
		}
	});

	it('gives every closed P1 and P2 a post-mortem with corrective actions for the CSM', async () => {
		const closed = await t.db
			.selectFrom('escalations as e')
			.innerJoin('account_team_members as m', (join) =>
				join.onRef('m.account_id', '=', 'e.account_id').on('m.team_role', '=', 'CSM')
			)
			.leftJoin('postmortems as p', 'p.escalation_id', 'e.id')
			.select([
				'e.id',
				'e.priority',
				'e.status',
				'e.resolved_at',
				'e.closed_at',
				'm.user_id as csm',
				'p.root_cause',
				'p.summary',
				'p.written_by',
				'p.created_at as written_at'
			])
			.where('e.priority', 'in', ['P1', 'P2'])
			.where('e.status', '=', 'closed')
			.execute();
		expect(closed.length).toBeGreaterThan(0);
		const actions = await t.db
			.selectFrom('escalation_actions as x')
			.innerJoin('tasks as t', 't.id', 'x.task_id')
			.innerJoin('escalations as e', 'e.id', 'x.escalation_id')
			.select([
				'x.escalation_id',
				't.account_id',
				'e.account_id as escalation_account',
				't.source',
				't.status',
				't.due_date',
				't.owner_user_id',
				't.completed_at'
			])
			.execute();
		for (const e of closed) {
			expect(needsPostmortem(e.priority)).toBe(true);
			expect(e.root_cause?.trim(), `#${e.id}`).toBeTruthy();
			expect(e.summary?.trim(), `#${e.id}`).toBeTruthy();
			expect(e.written_by).toBe(e.csm);
			expect(e.written_at!.getTime()).toBeGreaterThanOrEqual(e.resolved_at!.getTime());
			expect(e.written_at!.getTime()).toBeLessThanOrEqual(e.closed_at!.getTime());
			const own = actions.filter((a) => a.escalation_id === e.id);
			expect(own.length, `#${e.id}`).toBeGreaterThanOrEqual(1);
			expect(own.length, `#${e.id}`).toBeLessThanOrEqual(2);
			for (const a of own) expect(a.owner_user_id).toBe(e.csm);
		}
		for (const a of actions) {
			expect(a.source).toBe('postmortem');
			expect(a.account_id).toBe(a.escalation_account);
			expect(a.completed_at !== null).toBe(a.status === 'done');
		}
		expect(actions.some((a) => a.status === 'done')).toBe(true);
		// Some are still to do this week: they are in the CSM's My work.
		expect(
			actions.some((a) => a.status === 'open' && a.due_date! >= TODAY && a.due_date! <= WEEK_END)
		).toBe(true);
	});

	it('leaves open P1s past their first response, which raise the P1 churn flag', async () => {
		const { rows } = await sql<{ id: number; breached: Date | null; flag: string | null }>`
			select e.id, e.response_breached_at as breached,
				(select f.status from churn_flags f where f.account_id = e.account_id
					and f.rule = 'p1_sla_breach' and f.condition_active) as flag
			from escalations e
			where e.priority = 'P1' and e.status = 'new' and e.response_due_at <= ${NOW}`.execute(t.db);
		expect(rows.length).toBeGreaterThanOrEqual(4);
		for (const r of rows) {
			expect(r.breached, `#${r.id}`).not.toBeNull();
			expect(r.flag, `#${r.id}`).not.toBeNull();
		}
		expect(rows.some((r) => r.flag === 'open')).toBe(true);
		// A new P1 still in time is not breached yet: the rule waits for its due time.
		const { rows: fresh } = await sql<{ id: number; breached: Date | null }>`
			select id, response_breached_at as breached from escalations
			where priority = 'P1' and status = 'new' and response_due_at > ${NOW}`.execute(t.db);
		expect(fresh.length).toBeGreaterThan(0);
		for (const r of fresh) expect(r.breached, `#${r.id}`).toBeNull();
		firstHash = await escalationHash(t.db);
	});

	it('leaves every demo user a few notifications: the manager new critical flags, older ones read', async () => {
		const users = await t.db
			.selectFrom('users')
			.select(['id', 'email', 'role', 'reseller_id as resellerId'])
			.where('email', 'like', '%@keel.demo')
			.execute();
		const manager = users.find((u) => u.email === 'manager@keel.demo')!;
		expect(await unreadCount(t.db, manager)).toBeGreaterThan(0);
		const { rows } = await sql<{ email: string; kind: string; unread: boolean; read: boolean }>`
			select u.email, n.kind, n.read_at is null as unread, n.read_at is not null as read
			from notifications n join users u on u.id = n.user_id`.execute(t.db);
		expect(
			rows.some((r) => r.email === manager.email && r.kind === 'churn_critical' && r.unread)
		).toBe(true);
		for (const email of ['csm1@keel.demo', 'partner@keel.demo', 'sales@keel.demo']) {
			expect(rows.filter((r) => r.email === email).length, email).toBeGreaterThan(0);
		}
		// What came in before the last few days has been read; what is newer waits.
		expect(rows.some((r) => r.read)).toBe(true);
		expect(rows.some((r) => r.unread)).toBe(true);
		// Nobody hears of one thing twice, whether the rules or the demo told them.
		const { rows: twice } = await sql`
			select user_id from notifications
			group by user_id, kind, task_id, escalation_id, churn_flag_id, clock
			having count(*) > 1`.execute(t.db);
		expect(twice).toEqual([]);
	});

	it('dates the P1 churn flag, its log and its work from the first open P1’s breach, not the seeding', async () => {
		const { rows } = await sql<{
			id: number;
			status: string;
			created_at: Date;
			closed_at: Date | null;
			breached: Date | null;
			raised: Date[];
			first_event: Date | null;
		}>`
			select f.id, f.status, f.created_at, f.closed_at,
				(select min(e.response_breached_at) from escalations e
					where e.account_id = f.account_id and e.priority = 'P1'
						and e.status not in ('resolved', 'closed')) as breached,
				array(select v.at from churn_flag_events v
					where v.flag_id = f.id and v.kind = 'raised') as raised,
				(select min(v.at) from churn_flag_events v where v.flag_id = f.id) as first_event
			from churn_flags f
			where f.rule = 'p1_sla_breach' and f.condition_active`.execute(t.db);
		expect(rows.length).toBeGreaterThanOrEqual(1);
		expect(rows.some((r) => r.status === 'open')).toBe(true);
		for (const r of rows) {
			const name = `flag #${r.id} ${r.status}`;
			expect(r.breached, name).not.toBeNull();
			expect(r.created_at, name).toEqual(r.breached);
			expect(r.created_at.getTime(), name).toBeLessThan(NOW.getTime());
			expect(r.raised, name).toEqual([r.created_at]);
			expect(r.first_event, name).toEqual(r.created_at);
			if (r.closed_at) expect(r.closed_at > r.created_at, name).toBe(true);
		}
	});
});

describe(`demo escalations seeded again on ${ENGINE}`, () => {
	const t = useTestDatabase();

	it('writes the same escalations, timelines and post-mortems for the same seed and day', async () => {
		await seedDemo(t.db, { accounts: ACCOUNTS, today: TODAY });
		expect(firstHash).toBeDefined();
		expect(await escalationHash(t.db)).toEqual(firstHash);
	});
});

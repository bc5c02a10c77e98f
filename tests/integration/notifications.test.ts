import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/lib/domain/errors';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as churn from '../../src/lib/server/churn/churn.service';
import type { Db } from '../../src/lib/server/db/database';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import * as postmortems from '../../src/lib/server/escalations/postmortem.service';
import { publish } from '../../src/lib/server/events/events';
import * as notifications from '../../src/lib/server/notifications/notification.service';
import * as items from '../../src/lib/server/onboarding/onboarding-items.service';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import * as plans from '../../src/lib/server/plans/plan.service';
import * as reviews from '../../src/lib/server/reviews/review.service';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { outcomeObjective } from '../support/plan-fixtures';
import { QueryCounter } from '../support/query-counter';
import { useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every test makes its own accounts and users: rows are not rolled back between tests. Managers
// hear of every critical flag and P1/P2 breach, so tests read managers made for themselves.
const NOW = new Date('2026-11-18T10:00:00Z');

/** Who was told: [user id, kind] for every notification about `where`. */
async function told(where: { account?: number; task?: number; escalation?: number }) {
	const rows = await t.db
		.selectFrom('notifications')
		.select(['user_id', 'kind', 'actor_id'])
		.$if(where.account !== undefined, (qb) => qb.where('account_id', '=', where.account!))
		.$if(where.task !== undefined, (qb) => qb.where('task_id', '=', where.task!))
		.$if(where.escalation !== undefined, (qb) => qb.where('escalation_id', '=', where.escalation!))
		.orderBy('id')
		.execute();
	return rows.map((r) => [r.user_id, r.kind]);
}

/** An account with a CSM (team role CSM) and a manager to act on it. */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const manager = await makeUser(t.db, 'manager');
	const account = await makeAccount(t.db, { support_package: 'premium', ...values });
	await putOnTeam(t.db, account.id, csm);
	return { csm, manager, account };
}

async function planTask(actor: SessionUser, accountId: number, owner: number | null) {
	const objective = await plans.createObjective(t.db, actor, accountId, outcomeObjective());
	await plans.addTask(t.db, actor, accountId, {
		objective_id: objective,
		title: 'Send the adoption report',
		owner_user_id: owner,
		due_date: '2026-11-30'
	});
	const task = await t.db
		.selectFrom('objective_tasks')
		.select('task_id')
		.where('objective_id', '=', objective)
		.executeTakeFirstOrThrow();
	return task.task_id;
}

function escalationInput(
	overrides: Partial<escalations.EscalationInput> = {}
): escalations.EscalationInput {
	return {
		title: 'Cage 4 lost power',
		description: 'Both feeds down',
		priority: 'P2',
		category: 'outage',
		external_ref: '',
		reported_via: 'phone',
		contact_id: null,
		owner_id: null,
		routed_to: null,
		...overrides
	};
}

async function expectNotFound(run: () => Promise<unknown>) {
	await expect(run()).rejects.toBeInstanceOf(NotFoundError);
}

describe('who is notified', () => {
	it('tells the assignee of a task someone else gave them, never whoever gave it to themselves', async () => {
		const { csm, manager, account } = await setup();
		await putOnTeam(t.db, account.id, manager, 'AM');
		const given = await planTask(manager, account.id, csm.id);
		expect(await told({ task: given })).toEqual([[csm.id, 'task_assigned']]);
		const own = await planTask(csm, account.id, csm.id);
		expect(await told({ task: own })).toEqual([]);
		const nobody = await planTask(manager, account.id, null);
		expect(await told({ task: nobody })).toEqual([]);
		const row = await t.db
			.selectFrom('notifications')
			.select(['actor_id', 'account_id'])
			.where('task_id', '=', given)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ actor_id: manager.id, account_id: account.id });
	});

	it('tells the owners of a started onboarding’s items, and of an item given to someone new', async () => {
		const { csm, manager, account } = await setup();
		const am = await makeUser(t.db, 'sales');
		await putOnTeam(t.db, account.id, am, 'AM');
		const onboardingId = await onboarding.start(t.db, manager, account.id, {
			template_version_id: await makeTemplate(t.db),
			start_date: '2026-11-22',
			target_go_live: '2027-03-01',
			skip_pre_onboarding: false,
			skip_reason: ''
		});
		const tasks = await t.db
			.selectFrom('onboarding_items as i')
			.innerJoin('tasks', 'tasks.id', 'i.task_id')
			.select(['tasks.id', 'tasks.owner_user_id', 'tasks.version'])
			.where('i.onboarding_id', '=', onboardingId)
			.orderBy('tasks.id')
			.execute();
		const heard = await told({ account: account.id });
		// Three CSM items and one AM item; the customer's and the absent partner's tell nobody.
		expect(heard.filter(([id]) => id === csm.id)).toHaveLength(3);
		expect(heard.filter(([id]) => id === am.id)).toHaveLength(1);
		expect(heard).toHaveLength(4);

		const unowned = tasks.find((task) => task.owner_user_id === null)!;
		const edit = (owner: number, version: number) =>
			items.changeItem(t.db, csm, account.id, unowned.id, version, {
				kind: 'edit',
				due_date: '2026-12-10',
				owner_user_id: owner,
				notes: ''
			});
		await edit(am.id, unowned.version);
		// Saving it again with the same owner is no news.
		await edit(am.id, unowned.version + 1);
		expect(await told({ task: unowned.id })).toEqual([[am.id, 'task_assigned']]);
	});

	it('tells the owner of a review follow-up', async () => {
		const { csm, manager, account } = await setup();
		const review = await t.db
			.insertInto('business_reviews')
			.values({
				account_id: account.id,
				kind: 'cbr',
				starts_at: NOW,
				time_zone: 'UTC',
				attendees: '[]',
				created_by: manager.id
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const taskId = await reviews.addAction(t.db, manager, account.id, review.id, {
			title: 'Share the capacity plan',
			owner_id: csm.id,
			due_date: '2026-12-05'
		});
		expect(await told({ task: taskId })).toEqual([[csm.id, 'task_assigned']]);
		const list = await notifications.listNotifications(t.db, csm, 1);
		expect(list.items[0]).toMatchObject({
			kind: 'task_assigned',
			href: `/accounts/${account.id}/reviews/${review.id}`
		});
	});

	it('tells the owner of a post-mortem corrective action', async () => {
		const { csm, manager, account } = await setup();
		const id = await escalations.openEscalation(t.db, csm, account.id, escalationInput(), NOW);
		const taskId = await postmortems.addCorrectiveAction(
			t.db,
			manager,
			id,
			{ title: 'Add a second feed', owner_id: csm.id, due_date: '2026-12-01' },
			NOW
		);
		expect(await told({ task: taskId })).toEqual([[csm.id, 'task_assigned']]);
	});

	it('tells the new owner of an escalation, on opening and on reassigning, not the actor', async () => {
		const { csm, manager, account } = await setup();
		const other = await makeUser(t.db, 'csm');
		await putOnTeam(t.db, account.id, other, 'SE');
		const id = await escalations.openEscalation(
			t.db,
			manager,
			account.id,
			escalationInput({ owner_id: csm.id }),
			NOW
		);
		expect(await told({ escalation: id })).toEqual([[csm.id, 'escalation_assigned']]);
		await escalations.assign(t.db, manager, id, 1, { owner_id: other.id, routed_to: null }, NOW);
		// Taking it back themselves tells nobody.
		await escalations.assign(t.db, csm, id, 2, { owner_id: csm.id, routed_to: null }, NOW);
		// Only routing changes: the owner is not told again.
		await escalations.assign(t.db, manager, id, 3, { owner_id: csm.id, routed_to: 'gem' }, NOW);
		expect(await told({ escalation: id })).toEqual([
			[csm.id, 'escalation_assigned'],
			[other.id, 'escalation_assigned']
		]);
	});

	it('tells the owner and the CSMs of an SLA warning, and managers only of P1/P2 breaches', async () => {
		const { csm, manager, account } = await setup();
		const owner = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		await putOnTeam(t.db, account.id, owner, 'TAM');
		await putOnTeam(t.db, account.id, sales, 'AM');
		const open = (priority: 'P2' | 'P3') =>
			escalations.openEscalation(
				t.db,
				owner,
				account.id,
				escalationInput({ priority, owner_id: owner.id }),
				NOW
			);
		const p2 = await open('P2');
		const p3 = await open('P3');
		const clock = 'response' as const;
		await t.db.transaction().execute(async (trx) => {
			await publish(
				trx,
				[
					{ type: 'escalation.sla_warning', accountId: account.id, escalationId: p2, clock },
					{ type: 'escalation.sla_breach', accountId: account.id, escalationId: p2, clock },
					{ type: 'escalation.sla_breach', accountId: account.id, escalationId: p3, clock }
				],
				NOW
			);
		});
		const p2Told = await told({ escalation: p2 });
		const p3Told = await told({ escalation: p3 });
		const warned = p2Told.filter(([, kind]) => kind === 'sla_warning').map(([id]) => id);
		expect(warned.sort()).toEqual([csm.id, owner.id].sort());
		const p2Breach = p2Told.filter(([, kind]) => kind === 'sla_breach').map(([id]) => id);
		expect(p2Breach).toEqual(expect.arrayContaining([csm.id, owner.id, manager.id]));
		expect(p3Told.map(([id]) => id).sort()).toEqual([csm.id, owner.id].sort());
		// Sales are not on the SLA's list.
		expect([...p2Told, ...p3Told].some(([id]) => id === sales.id)).toBe(false);
	});

	it('tells CSMs, the sales team and every manager of a critical flag; not its raiser, not other sales or partners', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, manager, account } = await setup({ reseller_id: reseller.id });
		const otherCsm = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		const otherSales = await makeUser(t.db, 'sales');
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		await putOnTeam(t.db, account.id, otherCsm);
		await putOnTeam(t.db, account.id, sales, 'AM');
		await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');
		await churn.raiseFlag(t.db, csm, account.id, {
			severity: 'critical',
			reason: 'competitor',
			arr_at_risk: 50_000,
			summary: 'Evaluating a competitor',
			next_step: 'Call the sponsor',
			next_step_owner_id: otherCsm.id,
			next_step_due: '2026-11-25'
		});
		const rows = await told({ account: account.id });
		const critical = rows.filter(([, kind]) => kind === 'churn_critical').map(([id]) => id);
		expect(critical).toEqual(expect.arrayContaining([otherCsm.id, sales.id, manager.id]));
		for (const left of [csm.id, otherSales.id, partner.id]) expect(critical).not.toContain(left);
		expect(rows.filter(([, kind]) => kind === 'next_step_assigned')).toEqual([
			[otherCsm.id, 'next_step_assigned']
		]);
		// A lower flag is nobody's news.
		const before = rows.length;
		await churn.raiseFlag(t.db, csm, account.id, {
			severity: 'high',
			reason: 'budget_cut',
			arr_at_risk: 10_000,
			summary: 'Budget review',
			next_step: '',
			next_step_owner_id: null,
			next_step_due: null
		});
		expect(await told({ account: account.id })).toHaveLength(before);
	});

	it('tells nobody disabled, and no partner of another reseller', async () => {
		const { csm, account } = await setup();
		const disabled = await makeUser(t.db, 'csm');
		await t.db
			.updateTable('users')
			.set({ disabled_at: NOW })
			.where('id', '=', disabled.id)
			.execute();
		const stranger = await makeUser(t.db, 'partner');
		const taskId = await planTask(csm, account.id, null);
		await t.db.transaction().execute(async (trx) => {
			await publish(trx, [
				{
					type: 'task.assigned',
					accountId: account.id,
					taskId,
					assigneeId: disabled.id,
					actorId: csm.id
				},
				{
					type: 'task.assigned',
					accountId: account.id,
					taskId,
					assigneeId: stranger.id,
					actorId: null
				}
			]);
		});
		expect(await told({ task: taskId })).toEqual([]);
	});
});

describe('reading notifications', () => {
	let minutes = 0;
	/** `count` notifications for `user`, each a minute after the last one made, oldest first. */
	async function notify(user: SessionUser, accountId: number, count: number) {
		const ids: number[] = [];
		for (let i = 0; i < count; i++) {
			const row = await t.db
				.insertInto('notifications')
				.values({
					user_id: user.id,
					kind: 'escalation_assigned',
					account_id: accountId,
					escalation_id: null,
					task_id: null,
					churn_flag_id: null,
					clock: null,
					actor_id: null,
					created_at: new Date(NOW.getTime() + ++minutes * 60_000)
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			ids.push(row.id);
		}
		return ids;
	}

	it('lists the user’s own, newest first, 25 a page, each linking to its subject', async () => {
		const { csm, manager, account } = await setup();
		await putOnTeam(t.db, account.id, manager, 'AM');
		const ids = await notify(csm, account.id, 26);
		await notify(manager, account.id, 2);
		const first = await notifications.listNotifications(t.db, csm, 1);
		const second = await notifications.listNotifications(t.db, csm, 2);
		expect(first.items.map((i) => i.id)).toEqual(ids.slice(1).reverse());
		expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
		expect(first).toMatchObject({ pageCount: 2, unread: 26, newest: ids[25] });
		expect(first.items[0]).toMatchObject({ unread: true, account_name: account.name });

		const taskId = await planTask(manager, account.id, csm.id);
		const list = await notifications.listNotifications(t.db, csm, 1);
		expect(list.items[0]).toMatchObject({
			kind: 'task_assigned',
			task_title: 'Send the adoption report',
			actor_name: manager.name,
			href: `/accounts/${account.id}/plan`
		});
		expect(await told({ task: taskId })).toHaveLength(1);
	});

	it('marks one read, idempotently, and refuses another user’s id', async () => {
		const { csm, manager, account } = await setup();
		const [mine] = await notify(csm, account.id, 1);
		const [theirs] = await notify(manager, account.id, 1);
		await notifications.markRead(t.db, csm, mine!, NOW);
		await notifications.markRead(t.db, csm, mine!, new Date(NOW.getTime() + 60_000));
		const row = await t.db
			.selectFrom('notifications')
			.select('read_at')
			.where('id', '=', mine!)
			.executeTakeFirstOrThrow();
		// The second read changed nothing: it still says when it was first read.
		expect(row.read_at).toEqual(NOW);
		await expectNotFound(() => notifications.markRead(t.db, csm, theirs!, NOW));
		await expectNotFound(() => notifications.markRead(t.db, csm, 2_000_000_000, NOW));
		expect(await notifications.unreadCount(t.db, manager)).toBe(1);
	});

	it('marks all read up to what the page showed, so a later one stays new', async () => {
		const { csm, account } = await setup();
		const ids = await notify(csm, account.id, 3);
		const page = await notifications.listNotifications(t.db, csm, 1);
		const later = await notify(csm, account.id, 1);
		expect(await notifications.unreadCount(t.db, csm)).toBe(4);
		expect(await notifications.markAllRead(t.db, csm, page.newest, NOW)).toBe(3);
		expect(await notifications.markAllRead(t.db, csm, page.newest, NOW)).toBe(0);
		expect(await notifications.unreadCount(t.db, csm)).toBe(1);
		const after = await notifications.listNotifications(t.db, csm, 1);
		expect(after.items.filter((i) => i.unread).map((i) => i.id)).toEqual(later);
		expect(after.items.map((i) => i.id)).toEqual([...later, ...ids.reverse()]);
	});

	it('hides what the user may no longer read, in the list and the count', async () => {
		const reseller = await makeReseller(t.db);
		const account = await makeAccount(t.db, { reseller_id: reseller.id });
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		await notify(partner, account.id, 2);
		expect(await notifications.unreadCount(t.db, partner)).toBe(2);
		const moved = await makeReseller(t.db);
		await t.db
			.updateTable('users')
			.set({ reseller_id: moved.id })
			.where('id', '=', partner.id)
			.execute();
		const now = { ...partner, resellerId: moved.id };
		expect(await notifications.unreadCount(t.db, now)).toBe(0);
		expect((await notifications.listNotifications(t.db, now, 1)).items).toEqual([]);
	});

	it('counts unread in one query for every role, whatever there is', async () => {
		const { csm, account } = await setup();
		const reseller = await makeReseller(t.db);
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		await notify(csm, account.id, 5);
		const counter = new QueryCounter();
		const db: Db = t.db.withPlugin(counter);
		for (const user of [csm, partner, await makeUser(t.db, 'admin')]) {
			counter.count = 0;
			await notifications.unreadCount(db, user);
			expect(counter.count, user.role).toBe(1);
		}
		counter.count = 0;
		await notifications.listNotifications(db, csm, 1);
		expect(counter.count).toBe(2);
	});
});

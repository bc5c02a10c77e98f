import { describe, expect, it } from 'vitest';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../src/lib/domain/errors';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as churn from '../../src/lib/server/churn/churn.service';
import { refreshHealth } from '../../src/lib/server/health/health-refresh';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { flagAuditRows, flagEvents } from '../support/churn-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every test makes its own accounts and users: rows are not rolled back between tests.

/** A CSM on a fresh UTC account without a renewal, so no churn rule fires by accident. */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, { time_zone: 'UTC', renewal_date: null, ...values });
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

/** A flag as the raise form sends it; override what the test is about. */
function flagInput(overrides: Partial<churn.FlagInput> = {}): churn.FlagInput {
	return {
		severity: 'high',
		reason: 'competitor',
		arr_at_risk: 50_000,
		summary: 'Evaluating a competitor for the renewal',
		next_step: 'Book an executive call',
		next_step_owner_id: null,
		next_step_due: '2030-07-01',
		...overrides
	};
}

/**
 * Makes an account red and raises its rule flag (health_red): one at-risk objective and nothing
 * else gives progress 40, the only component with data, so the score is 40.
 */
async function ruleFlag(accountId: number, now = new Date()) {
	await t.db
		.insertInto('plan_objectives')
		.values({
			account_id: accountId,
			title: 'Sponsor signs off',
			criterion_kind: 'outcome',
			outcome: 'Signed',
			status: 'at_risk',
			status_reason: 'Sponsor left'
		})
		.execute();
	await refreshHealth(t.db, [accountId], now);
	const flag = await t.db
		.selectFrom('churn_flags')
		.selectAll()
		.where('account_id', '=', accountId)
		.where('rule', '=', 'health_red')
		.executeTakeFirstOrThrow();
	return flag.id;
}

const flagRow = (id: number) =>
	t.db.selectFrom('churn_flags').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const eventsOf = (flagId: number) => flagEvents(t.db, flagId);
const flagAudit = (flagId: number) => flagAuditRows(t.db, flagId);

/** Everything a refused write must leave as it was. */
async function state(flagId: number) {
	const [flag, events, audit] = await Promise.all([
		flagRow(flagId),
		eventsOf(flagId),
		flagAudit(flagId)
	]);
	return { flag, events, audit };
}

/** Asserts `run` is refused with `type`, whether it throws at once or rejects. */
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

/** Every churn write `user` could send for the flag (version as given). */
function everyWrite(user: SessionUser, accountId: number, flagId: number, version = 1) {
	return {
		raiseFlag: () => churn.raiseFlag(t.db, user, accountId, flagInput()),
		editFlag: () =>
			churn.editFlag(t.db, user, accountId, flagId, version, flagInput({ severity: 'low' })),
		setStatus: () =>
			churn.setStatus(t.db, user, accountId, flagId, version, 'mitigating', 'Working on it'),
		mitigation: () => churn.addNote(t.db, user, accountId, flagId, 'mitigation', 'Called them'),
		comment: () => churn.addNote(t.db, user, accountId, flagId, 'comment', 'Heard the same'),
		acknowledge: () => churn.acknowledge(t.db, user, accountId, flagId)
	};
}

describe(`churn flags on ${ENGINE}`, () => {
	describe('getForAccount', () => {
		it('lists active flags first, newest first, each with its own log', async () => {
			const { csm, account } = await setup();
			const manager = await makeUser(t.db, 'manager');
			const closed = await churn.raiseFlag(
				t.db,
				manager,
				account.id,
				flagInput({ summary: 'First' })
			);
			const older = await churn.raiseFlag(
				t.db,
				manager,
				account.id,
				flagInput({ summary: 'Second', next_step_owner_id: csm.id })
			);
			const newer = await churn.raiseFlag(t.db, csm, account.id, flagInput({ summary: 'Third' }));
			await churn.setStatus(t.db, csm, account.id, closed, 1, 'resolved', 'Renewed early');
			await churn.setStatus(t.db, csm, account.id, older, 1, 'mitigating', '');
			const rule = await ruleFlag(account.id);
			await churn.addNote(t.db, csm, account.id, older, 'comment', 'Sponsor is on leave');

			const view = await churn.getForAccount(t.db, csm, account.id);
			expect(view.account.id).toBe(account.id);
			expect(view.flags.map((f) => f.id)).toEqual([rule, newer, older, closed]);
			expect(view.flags.map((f) => f.status)).toEqual(['open', 'open', 'mitigating', 'resolved']);

			const byId = new Map(view.flags.map((f) => [f.id, f]));
			expect(byId.get(closed)!.events.map((e) => e.kind)).toEqual(['raised', 'status']);
			expect(byId.get(closed)!.events[1]).toMatchObject({
				actor_id: csm.id,
				actor_name: csm.name,
				body: 'Renewed early',
				data: { from: 'open', to: 'resolved' }
			});
			expect(byId.get(older)!.events.map((e) => e.kind)).toEqual(['raised', 'status', 'comment']);
			expect(byId.get(older)).toMatchObject({
				owner_name: csm.name,
				raised_by_name: manager.name,
				summary: 'Second'
			});
			expect(byId.get(newer)!.events).toEqual([
				expect.objectContaining({ kind: 'raised', actor_id: csm.id, flag_id: newer })
			]);
			expect(byId.get(rule)!.events).toEqual([
				expect.objectContaining({ kind: 'raised', actor_id: null, data: { score: 40 } })
			]);
			// Only a rule's flag may be dismissed.
			expect(byId.get(rule)!.statuses).toContain('dismissed');
			expect(byId.get(newer)!.statuses).not.toContain('dismissed');
			expect(view.owners).toEqual([{ id: csm.id, name: csm.name }]);
			expect(view.flags.every((f) => !f.acknowledgedByMe)).toBe(true);
		});

		it('says what each role may do', async () => {
			const reseller = await makeReseller(t.db);
			const { csm, account } = await setup({ reseller_id: reseller.id });
			await ruleFlag(account.id);
			const can = async (user: SessionUser) =>
				(await churn.getForAccount(t.db, user, account.id)).can;

			expect(await can(csm)).toEqual({ manage: true, comment: true, acknowledge: false });
			expect(await can(await makeUser(t.db, 'csm'))).toEqual({
				manage: false,
				comment: false,
				acknowledge: false
			});
			expect(await can(await makeUser(t.db, 'manager'))).toEqual({
				manage: true,
				comment: true,
				acknowledge: true
			});
			expect(await can(await makeUser(t.db, 'sales'))).toEqual({
				manage: false,
				comment: true,
				acknowledge: true
			});
			const admin = await makeUser(t.db, 'admin');
			expect(await can(admin)).toEqual({ manage: false, comment: false, acknowledge: false });
			// Reading is every internal role's, the admin's included.
			expect((await churn.getForAccount(t.db, admin, account.id)).flags).toHaveLength(1);

			const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
			await expectRefused(() => churn.getForAccount(t.db, partner, account.id), ForbiddenError);
			const stranger = await makeUser(t.db, 'partner');
			await expectRefused(() => churn.getForAccount(t.db, stranger, account.id), NotFoundError);
		});

		it('marks the flags the reader has acknowledged', async () => {
			const { account } = await setup();
			const flag = await ruleFlag(account.id);
			const sales = await makeUser(t.db, 'sales');
			const other = await makeUser(t.db, 'sales');
			await churn.acknowledge(t.db, sales, account.id, flag);
			expect((await churn.getForAccount(t.db, sales, account.id)).flags[0]).toMatchObject({
				id: flag,
				acknowledgedByMe: true
			});
			expect((await churn.getForAccount(t.db, other, account.id)).flags[0]).toMatchObject({
				id: flag,
				acknowledgedByMe: false
			});
		});

		it('answers 404 for an account that does not exist', async () => {
			const manager = await makeUser(t.db, 'manager');
			await expectRefused(() => churn.getForAccount(t.db, manager, 2_000_000_000), NotFoundError);
		});
	});

	describe('raising and editing', () => {
		it('raises a flag with an event and an audit row', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(
				t.db,
				csm,
				account.id,
				flagInput({ next_step_owner_id: csm.id })
			);
			expect(await flagRow(id)).toMatchObject({
				account_id: account.id,
				rule: null,
				condition_active: false,
				rule_detail: null,
				severity: 'high',
				reason: 'competitor',
				arr_at_risk: 50_000,
				summary: 'Evaluating a competitor for the renewal',
				next_step: 'Book an executive call',
				next_step_owner_id: csm.id,
				next_step_due: '2030-07-01',
				status: 'open',
				status_reason: null,
				raised_by: csm.id,
				closed_at: null,
				version: 1
			});
			expect(await eventsOf(id)).toEqual([
				expect.objectContaining({ kind: 'raised', actor_id: csm.id, body: '', data: null })
			]);
			const audit = await flagAudit(id);
			expect(audit).toEqual([
				expect.objectContaining({
					action: 'create',
					actor_id: csm.id,
					account_id: account.id,
					before: null
				})
			]);
			expect(audit[0]!.after).toMatchObject({
				id,
				name: account.name,
				severity: 'high',
				raised_by: csm.id
			});

			// A manager raises on any account, without being on its team.
			const manager = await makeUser(t.db, 'manager');
			const byManager = await churn.raiseFlag(t.db, manager, account.id, flagInput());
			expect(await flagRow(byManager)).toMatchObject({ raised_by: manager.id, status: 'open' });
		});

		it('refuses a next-step owner who is not on the team, and writes nothing', async () => {
			const { csm, account } = await setup();
			const outsider = await makeUser(t.db, 'csm');
			await expect(
				churn.raiseFlag(t.db, csm, account.id, flagInput({ next_step_owner_id: outsider.id }))
			).rejects.toBeInstanceOf(ConflictError);
			const flags = await t.db
				.selectFrom('churn_flags')
				.select('id')
				.where('account_id', '=', account.id)
				.execute();
			expect(flags).toEqual([]);

			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const before = await state(id);
			await expect(
				churn.editFlag(t.db, csm, account.id, id, 1, flagInput({ next_step_owner_id: outsider.id }))
			).rejects.toBeInstanceOf(ConflictError);
			expect(await state(id)).toEqual(before);
		});

		it('names next_step_owner_id, the field the flag form shows, for an off-team owner', async () => {
			const { csm, account } = await setup();
			const outsider = await makeUser(t.db, 'csm');
			await expectConflict(
				() =>
					churn.raiseFlag(t.db, csm, account.id, flagInput({ next_step_owner_id: outsider.id })),
				'next_step_owner_id'
			);
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			await expectConflict(
				() =>
					churn.editFlag(
						t.db,
						csm,
						account.id,
						id,
						1,
						flagInput({ next_step_owner_id: outsider.id })
					),
				'next_step_owner_id'
			);
		});

		it('edits a flag with its version, logged and audited; a stale version is refused', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			await churn.editFlag(
				t.db,
				csm,
				account.id,
				id,
				1,
				flagInput({
					severity: 'critical',
					reason: 'budget_cut',
					arr_at_risk: 80_000,
					next_step_owner_id: csm.id,
					next_step_due: null
				})
			);
			expect(await flagRow(id)).toMatchObject({
				severity: 'critical',
				reason: 'budget_cut',
				arr_at_risk: 80_000,
				next_step_owner_id: csm.id,
				next_step_due: null,
				version: 2
			});
			expect((await eventsOf(id)).map((e) => [e.kind, e.actor_id])).toEqual([
				['raised', csm.id],
				['edited', csm.id]
			]);
			const audit = await flagAudit(id);
			expect(audit.map((r) => [r.action, r.actor_id])).toEqual([
				['create', csm.id],
				['update', csm.id]
			]);
			expect(audit[1]!.before).toMatchObject({ severity: 'high', version: 1 });
			expect(audit[1]!.after).toMatchObject({ severity: 'critical', version: 2 });

			const before = await state(id);
			await expectRefused(
				() => churn.editFlag(t.db, csm, account.id, id, 1, flagInput({ severity: 'low' })),
				StaleVersionError
			);
			expect(await state(id)).toEqual(before);
		});
	});

	describe('status', () => {
		it('closes and reopens: closed_at is set on closing and cleared on reopening', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());

			await churn.setStatus(t.db, csm, account.id, id, 1, 'mitigating', '');
			expect(await flagRow(id)).toMatchObject({
				status: 'mitigating',
				status_reason: null,
				closed_at: null,
				version: 2
			});

			await churn.setStatus(t.db, csm, account.id, id, 2, 'resolved', '  Renewed for 3 years  ');
			const resolved = await flagRow(id);
			expect(resolved).toMatchObject({
				status: 'resolved',
				status_reason: 'Renewed for 3 years',
				version: 3
			});
			expect(resolved.closed_at).toBeInstanceOf(Date);

			// Moving between closed statuses keeps the day it closed.
			await churn.setStatus(t.db, csm, account.id, id, 3, 'churned', 'Went to a competitor');
			expect(await flagRow(id)).toMatchObject({
				status: 'churned',
				status_reason: 'Went to a competitor',
				closed_at: resolved.closed_at
			});

			await churn.setStatus(t.db, csm, account.id, id, 4, 'open', '');
			expect(await flagRow(id)).toMatchObject({
				status: 'open',
				status_reason: null,
				closed_at: null,
				version: 5
			});

			const events = (await eventsOf(id)).filter((e) => e.kind === 'status');
			expect(events.map((e) => e.data)).toEqual([
				{ from: 'open', to: 'mitigating' },
				{ from: 'mitigating', to: 'resolved' },
				{ from: 'resolved', to: 'churned' },
				{ from: 'churned', to: 'open' }
			]);
			expect(events[1]).toMatchObject({ actor_id: csm.id, body: 'Renewed for 3 years' });
			const audit = await flagAudit(id);
			expect(audit.map((r) => r.action)).toEqual([
				'create',
				'update',
				'update',
				'update',
				'update'
			]);
			expect(audit[2]!.before).toMatchObject({ status: 'mitigating' });
			expect(audit[2]!.after).toMatchObject({ status: 'resolved' });
		});

		it('needs a reason to dismiss or mark churned, and dismisses only rule flags', async () => {
			const { csm, account } = await setup();
			const manual = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const before = await state(manual);
			await expectConflict(
				() => churn.setStatus(t.db, csm, account.id, manual, 1, 'dismissed', 'Not a risk'),
				'status'
			);
			await expectConflict(
				() => churn.setStatus(t.db, csm, account.id, manual, 1, 'churned', '   '),
				'status_reason'
			);
			expect(await state(manual)).toEqual(before);

			const rule = await ruleFlag(account.id);
			const ruleBefore = await state(rule);
			await expectConflict(
				() => churn.setStatus(t.db, csm, account.id, rule, 1, 'dismissed', ''),
				'status_reason'
			);
			expect(await state(rule)).toEqual(ruleBefore);

			await churn.setStatus(t.db, csm, account.id, rule, 1, 'dismissed', 'Sponsor back next week');
			const dismissed = await flagRow(rule);
			expect(dismissed).toMatchObject({
				status: 'dismissed',
				status_reason: 'Sponsor back next week',
				condition_active: true,
				version: 2
			});
			expect(dismissed.closed_at).toBeInstanceOf(Date);
			expect((await eventsOf(rule)).map((e) => e.kind)).toEqual(['raised', 'status']);
			expect((await flagAudit(rule)).at(-1)).toMatchObject({
				action: 'update',
				actor_id: csm.id,
				after: expect.objectContaining({ status: 'dismissed' })
			});

			await churn.setStatus(t.db, csm, account.id, rule, 2, 'mitigating', '');
			expect(await flagRow(rule)).toMatchObject({ status: 'mitigating', closed_at: null });
		});

		it('refuses a stale version', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			await churn.setStatus(t.db, csm, account.id, id, 1, 'mitigating', '');
			const before = await state(id);
			await expectRefused(
				() => churn.setStatus(t.db, csm, account.id, id, 1, 'resolved', ''),
				StaleVersionError
			);
			expect(await state(id)).toEqual(before);
		});
	});

	describe('notes and acknowledgements', () => {
		it('logs mitigation and comments, audited', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const sales = await makeUser(t.db, 'sales');
			await churn.addNote(t.db, csm, account.id, id, 'mitigation', '  Offered a training day  ');
			await churn.addNote(t.db, sales, account.id, id, 'comment', 'Procurement asked for quotes');

			const events = await eventsOf(id);
			expect(events.map((e) => [e.kind, e.actor_id, e.body])).toEqual([
				['raised', csm.id, ''],
				['mitigation', csm.id, 'Offered a training day'],
				['comment', sales.id, 'Procurement asked for quotes']
			]);
			const audit = await flagAudit(id);
			expect(audit.slice(1).map((r) => [r.action, r.actor_id, r.after])).toEqual([
				['update', csm.id, { mitigation: 'Offered a training day' }],
				['update', sales.id, { comment: 'Procurement asked for quotes' }]
			]);
			// A note carries no version and does not change the flag.
			expect(await flagRow(id)).toMatchObject({ version: 1, status: 'open' });
		});

		it('acknowledges once per person: a second acknowledgement writes nothing', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const sales = await makeUser(t.db, 'sales');
			const manager = await makeUser(t.db, 'manager');
			await churn.acknowledge(t.db, sales, account.id, id);
			await churn.acknowledge(t.db, sales, account.id, id);
			await churn.acknowledge(t.db, manager, account.id, id);

			const acks = (await eventsOf(id)).filter((e) => e.kind === 'acknowledged');
			expect(acks.map((e) => e.actor_id)).toEqual([sales.id, manager.id]);
			const audit = (await flagAudit(id)).filter((r) => r.action === 'update');
			expect(audit.map((r) => [r.actor_id, r.after])).toEqual([
				[sales.id, { acknowledged_by: sales.id }],
				[manager.id, { acknowledged_by: manager.id }]
			]);
			expect(await flagRow(id)).toMatchObject({ version: 1 });
		});
	});

	describe('who may not', () => {
		it('sales may comment and acknowledge, and nothing else', async () => {
			const { csm, account } = await setup();
			const sales = await makeUser(t.db, 'sales');
			await putOnTeam(t.db, account.id, sales, 'AM');
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const before = await state(id);
			const writes = everyWrite(sales, account.id, id);
			for (const run of [writes.raiseFlag, writes.editFlag, writes.setStatus, writes.mitigation]) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
			const flags = await t.db
				.selectFrom('churn_flags')
				.select('id')
				.where('account_id', '=', account.id)
				.execute();
			expect(flags).toEqual([{ id }]);

			await writes.comment();
			await writes.acknowledge();
			expect((await eventsOf(id)).map((e) => [e.kind, e.actor_id])).toEqual([
				['raised', csm.id],
				['comment', sales.id],
				['acknowledged', sales.id]
			]);
		});

		it('a CSM not on the team may read, and change nothing', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const stranger = await makeUser(t.db, 'csm');
			const before = await state(id);
			for (const run of Object.values(everyWrite(stranger, account.id, id))) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
			expect((await churn.getForAccount(t.db, stranger, account.id)).flags).toHaveLength(1);
			// Nor may the team's own CSM acknowledge: that is for sales and managers.
			await expectRefused(() => churn.acknowledge(t.db, csm, account.id, id), ForbiddenError);
			expect(await state(id)).toEqual(before);
		});

		it("a partner may neither read nor write their reseller's flags; another's get 404", async () => {
			const reseller = await makeReseller(t.db);
			const { csm, account } = await setup({ reseller_id: reseller.id });
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
			await putOnTeam(t.db, account.id, partner, 'PARTNER_CSM');
			const before = await state(id);

			await expectRefused(() => churn.getForAccount(t.db, partner, account.id), ForbiddenError);
			for (const run of Object.values(everyWrite(partner, account.id, id))) {
				await expectRefused(run, ForbiddenError);
			}
			const stranger = await makeUser(t.db, 'partner');
			await expectRefused(() => churn.getForAccount(t.db, stranger, account.id), NotFoundError);
			for (const run of Object.values(everyWrite(stranger, account.id, id))) {
				await expectRefused(run, NotFoundError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('an admin may do nothing', async () => {
			const { csm, account } = await setup();
			const id = await churn.raiseFlag(t.db, csm, account.id, flagInput());
			const admin = await makeUser(t.db, 'admin');
			const before = await state(id);
			for (const run of Object.values(everyWrite(admin, account.id, id))) {
				await expectRefused(run, ForbiddenError);
			}
			expect(await state(id)).toEqual(before);
		});

		it('answers 404 for a flag of another account, even to those who may manage both', async () => {
			const { csm, account } = await setup();
			const other = await setup();
			const id = await churn.raiseFlag(t.db, other.csm, other.account.id, flagInput());
			const manager = await makeUser(t.db, 'manager');
			await putOnTeam(t.db, other.account.id, csm);
			const before = await state(id);
			for (const user of [csm, manager]) {
				const writes = everyWrite(user, account.id, id);
				for (const run of [writes.editFlag, writes.setStatus, writes.mitigation, writes.comment]) {
					await expectRefused(run, NotFoundError);
				}
			}
			await expectRefused(() => churn.acknowledge(t.db, manager, account.id, id), NotFoundError);
			expect(await state(id)).toEqual(before);
		});
	});
});

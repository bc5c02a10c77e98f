import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ChurnRule } from '../../src/lib/domain/churn';
import { addDays, todayIn } from '../../src/lib/domain/dates';
import { INPUTS_VERSION, STORED_INPUTS } from '../../src/lib/domain/health-inputs';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import * as accounts from '../../src/lib/server/accounts/account.service';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { runDailyHealth } from '../../src/lib/server/jobs/daily-health';
import {
	gatherHealthInputs,
	storeHealthInputs
} from '../../src/lib/server/health/health-inputs.repository';
import { refreshAllHealth, refreshHealth } from '../../src/lib/server/health/health-refresh';
import * as health from '../../src/lib/server/health/health.service';
import * as plans from '../../src/lib/server/plans/plan.service';
import {
	accountInput,
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { auditRows, outcomeObjective, reading } from '../support/plan-fixtures';
import { QueryCounter } from '../support/query-counter';
import { flagAuditRows, flagEvents } from '../support/churn-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Tests that pass `now` use fixed moments in 2030 and later; services that take no `now` (the
// plan's) refresh at the real time, whose snapshots fall outside those days' 30-day windows.
// Every test makes its own accounts: rows are not rolled back between tests.
const NOW = new Date('2030-06-15T12:00:00Z');
const TODAY = '2030-06-15';

/** A CSM on a fresh UTC account without a renewal, so no rule fires by accident. */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, { time_zone: 'UTC', renewal_date: null, ...values });
	await putOnTeam(t.db, account.id, csm);
	return { csm, account };
}

/** Today in UTC at the real time: what the plan service's refresh counts days from. */
const realToday = () => todayIn('UTC', new Date());

/**
 * Makes accounts red without refreshing them: one at-risk objective and nothing else gives
 * progress 100 − 60 = 40, the only component with data, so the score is 40.
 */
async function makeRed(accountIds: number[]) {
	await t.db
		.insertInto('plan_objectives')
		.values(
			accountIds.map((id) => ({
				account_id: id,
				title: 'Sponsor signs off',
				criterion_kind: 'outcome' as const,
				outcome: 'Signed',
				status: 'at_risk' as const,
				status_reason: 'Sponsor left'
			}))
		)
		.execute();
}

const healthRow = (accountId: number) =>
	t.db
		.selectFrom('account_health')
		.selectAll()
		.where('account_id', '=', accountId)
		.executeTakeFirst();

/**
 * After writing snapshots behind the app's back, as these tests do: the 30-day high kept on
 * account_health must be read again from the snapshots (the app only ever writes them itself).
 */
const forgetHighs = (accountId: number) =>
	t.db
		.updateTable('account_health')
		.set({ recent_high: null, recent_high_on: null })
		.where('account_id', '=', accountId)
		.execute();

const snapshots = (accountId: number) =>
	t.db
		.selectFrom('health_snapshots')
		.selectAll()
		.where('account_id', '=', accountId)
		.orderBy('day')
		.execute();

const flagsOf = (accountId: number, rule: ChurnRule) =>
	t.db
		.selectFrom('churn_flags')
		.selectAll()
		.where('account_id', '=', accountId)
		.where('rule', '=', rule)
		.orderBy('id')
		.execute();

const eventsOf = (flagId: number) => flagEvents(t.db, flagId);
const flagAudit = (flagId: number) => flagAuditRows(t.db, flagId);

async function objectiveVersion(id: number) {
	const row = await t.db
		.selectFrom('plan_objectives')
		.select('version')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return row.version;
}

let triggers = 0;
/**
 * Makes the database refuse every account_health write for one account until the returned
 * function is called: a service whose health refresh fails must leave nothing behind.
 */
async function refuseHealthWrites(accountId: number) {
	if (!Number.isSafeInteger(accountId)) throw new RangeError(`not an id: ${accountId}`);
	const name = `test_refuse_health_${accountId}_${triggers++}`;
	await sql
		.raw(
			`create function ${name}() returns trigger language plpgsql as $$ begin ` +
				`if new.account_id = ${accountId} then raise exception 'refused by test'; end if; ` +
				`return new; end $$`
		)
		.execute(t.db);
	await sql
		.raw(
			`create trigger ${name} before insert or update on account_health ` +
				`for each row execute function ${name}()`
		)
		.execute(t.db);
	return async () => {
		await sql.raw(`drop trigger ${name} on account_health`).execute(t.db);
		await sql.raw(`drop function ${name}()`).execute(t.db);
	};
}

describe(`health recompute on ${ENGINE}`, () => {
	describe('input changes → score fresh on the next load', () => {
		it('rescores the account in the transaction that changes an objective', async () => {
			const { csm, account } = await setup();
			const overdue = await plans.createObjective(
				t.db,
				csm,
				account.id,
				outcomeObjective({ title: 'Go live', due_date: '2020-01-01', status: 'on_track' })
			);
			await plans.createObjective(
				t.db,
				csm,
				account.id,
				outcomeObjective({ title: 'Expand', status: 'on_track' })
			);
			// One of two open objectives overdue: 100 − 60·½; progress is the only data.
			expect(await healthRow(account.id)).toMatchObject({
				score: 70,
				band: 'yellow',
				progress: 70,
				adoption: null,
				engagement: null,
				biggest_drag: 'progress'
			});

			await plans.setStatus(t.db, csm, account.id, overdue, 1, 'achieved', '');
			expect(await healthRow(account.id)).toMatchObject({
				score: 100,
				band: 'green',
				progress: 100,
				biggest_drag: null
			});
			// The stored score is the one the health page computes on read.
			const view = await health.getForAccount(t.db, csm, account.id);
			expect(view.health.score).toBe(100);
			const [snapshot] = await snapshots(account.id);
			expect(snapshot).toMatchObject({ day: realToday(), score: 100, progress: 100 });
		});

		it('writes health in the same transaction: a refused health write undoes the change', async () => {
			const { csm, account } = await setup();
			const id = await plans.createObjective(
				t.db,
				csm,
				account.id,
				outcomeObjective({ status: 'on_track' })
			);
			const allow = await refuseHealthWrites(account.id);
			try {
				await expect(
					plans.setStatus(t.db, csm, account.id, id, 1, 'at_risk', 'Sponsor left')
				).rejects.toThrow();
			} finally {
				await allow();
			}
			const objective = await t.db
				.selectFrom('plan_objectives')
				.select(['status', 'version'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			expect(objective).toEqual({ status: 'on_track', version: 1 });
			expect(await healthRow(account.id)).toMatchObject({ score: 100, progress: 100 });
		});

		it('updates the adoption component when usage is recorded', async () => {
			const { csm, account } = await setup();
			await adoption.recordUsage(
				t.db,
				csm,
				account.id,
				reading('fabric_ports', '2030-05-01', 3, 10),
				NOW
			);
			const row = await healthRow(account.id);
			expect(row).toMatchObject({ score: 30, band: 'red', adoption: 30, progress: null });
			expect(row?.coverage).toBeCloseTo(0.3);
			expect(row?.changed_at).toEqual(NOW);
			expect(await snapshots(account.id)).toEqual([
				expect.objectContaining({ day: TODAY, score: 30, adoption: 30 })
			]);

			await adoption.recordUsage(
				t.db,
				csm,
				account.id,
				{ ...reading('fabric_ports', '2030-05-01', 8, 10), version: 1 },
				NOW
			);
			expect(await healthRow(account.id)).toMatchObject({ score: 80, band: 'green', adoption: 80 });
			// Still one snapshot for the day, now holding the day's latest score.
			expect(await snapshots(account.id)).toEqual([
				expect.objectContaining({ day: TODAY, score: 80, adoption: 80 })
			]);
		});

		it('scores a new account as it is created, and an edited one as it is saved', async () => {
			const manager = await makeUser(t.db, 'manager');
			const template = await makeAccount(t.db, { time_zone: 'UTC' });
			const id = await accounts.create(t.db, manager, {
				...accountInput(template),
				name: `${template.name} (new)`,
				renewal_date: null
			});
			expect(await healthRow(id)).toMatchObject({ score: null, band: null, coverage: 0 });

			await makeRed([id]);
			const created = await t.db
				.selectFrom('accounts')
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
			// Moving the renewal 30 days out on a red account raises renewal_red as it saves.
			await accounts.update(t.db, manager, id, created.version, {
				...accountInput(created),
				renewal_date: addDays(realToday(), 30)
			});
			expect(await healthRow(id)).toMatchObject({ score: 40, band: 'red' });
			expect(await flagsOf(id, 'renewal_red')).toEqual([
				expect.objectContaining({ severity: 'critical', condition_active: true })
			]);
		});
	});

	describe('churn rules', () => {
		it('raises one flag per episode: no duplicates, dismissals stick, a new episode raises anew', async () => {
			const { csm, account } = await setup();
			// Turning red through the plan raises health_red in the same transaction.
			const objective = await plans.createObjective(
				t.db,
				csm,
				account.id,
				outcomeObjective({ status: 'at_risk', status_reason: 'Sponsor left' })
			);
			const [raised, ...more] = await flagsOf(account.id, 'health_red');
			expect(more).toEqual([]);
			expect(raised).toMatchObject({
				condition_active: true,
				status: 'open',
				severity: 'high',
				reason: 'declining_health',
				rule_detail: { score: 40 },
				arr_at_risk: account.arr,
				raised_by: null
			});
			const flag = raised!.id;
			expect(await eventsOf(flag)).toEqual([
				expect.objectContaining({ kind: 'raised', actor_id: null, data: { score: 40 } })
			]);
			expect(await flagAudit(flag)).toEqual([
				expect.objectContaining({ action: 'create', actor_id: null, account_id: account.id })
			]);

			// Refreshing while it holds changes nothing.
			await refreshHealth(t.db, [account.id]);
			await refreshHealth(t.db, [account.id]);
			expect((await flagsOf(account.id, 'health_red')).map((f) => f.id)).toEqual([flag]);
			expect(await eventsOf(flag)).toHaveLength(1);
			expect(await flagAudit(flag)).toHaveLength(1);

			// A CSM dismisses it; the account is still red, and the flag is not raised again.
			await t.db
				.updateTable('churn_flags')
				.set({ status: 'dismissed', status_reason: 'Sponsor is back next week' })
				.where('id', '=', flag)
				.execute();
			await refreshHealth(t.db, [account.id]);
			expect(await flagsOf(account.id, 'health_red')).toEqual([
				expect.objectContaining({ id: flag, status: 'dismissed', condition_active: true })
			]);
			expect(await eventsOf(flag)).toHaveLength(1);

			// Green again: the episode ends; the flag keeps its status and logs the clearing.
			await plans.setStatus(
				t.db,
				csm,
				account.id,
				objective,
				await objectiveVersion(objective),
				'on_track',
				''
			);
			expect(await healthRow(account.id)).toMatchObject({ score: 100, band: 'green' });
			expect(await flagsOf(account.id, 'health_red')).toEqual([
				expect.objectContaining({ id: flag, status: 'dismissed', condition_active: false })
			]);
			expect((await eventsOf(flag)).map((e) => e.kind)).toEqual(['raised', 'condition_cleared']);
			expect((await flagAudit(flag)).at(-1)).toMatchObject({
				action: 'update',
				actor_id: null,
				before: { condition_active: true },
				after: { condition_active: false }
			});

			// Red again: a new episode, so a new open flag beside the old one.
			await plans.setStatus(
				t.db,
				csm,
				account.id,
				objective,
				await objectiveVersion(objective),
				'at_risk',
				'Sponsor left again'
			);
			const after = await flagsOf(account.id, 'health_red');
			expect(after).toEqual([
				expect.objectContaining({ id: flag, status: 'dismissed', condition_active: false }),
				expect.objectContaining({ status: 'open', condition_active: true })
			]);
			expect((await eventsOf(after[1]!.id)).map((e) => e.kind)).toEqual(['raised']);
			await refreshHealth(t.db, [account.id]);
			expect(await flagsOf(account.id, 'health_red')).toHaveLength(2);
		});

		it('does not raise a resolved flag again while its condition holds', async () => {
			const { account } = await setup();
			await makeRed([account.id]);
			await refreshHealth(t.db, [account.id], NOW);
			const [flag] = await flagsOf(account.id, 'health_red');
			await t.db
				.updateTable('churn_flags')
				.set({ status: 'resolved', closed_at: NOW })
				.where('id', '=', flag!.id)
				.execute();
			await refreshHealth(t.db, [account.id], NOW);
			expect(await flagsOf(account.id, 'health_red')).toEqual([
				expect.objectContaining({ id: flag!.id, status: 'resolved', condition_active: true })
			]);
		});

		it('updates a flag whose rule hits harder instead of raising another', async () => {
			const { account } = await setup();
			await makeRed([account.id]);
			// A score of 60 three days ago, 40 now: a 20-point drop.
			await t.db
				.insertInto('health_snapshots')
				.values({
					account_id: account.id,
					day: addDays(TODAY, -3),
					score: 60,
					band: 'yellow',
					coverage: 0.2,
					progress: 60
				})
				.execute();
			await forgetHighs(account.id);
			await refreshHealth(t.db, [account.id], NOW);
			const [drop, ...more] = await flagsOf(account.id, 'health_drop');
			expect(more).toEqual([]);
			expect(drop).toMatchObject({
				severity: 'medium',
				condition_active: true,
				version: 1,
				rule_detail: { from: 60, to: 40, drop: 20, days: 30 }
			});

			// A higher score earlier in the window makes it a 35-point drop: high.
			await t.db
				.insertInto('health_snapshots')
				.values({
					account_id: account.id,
					day: addDays(TODAY, -10),
					score: 75,
					band: 'yellow',
					coverage: 0.2,
					progress: 75
				})
				.execute();
			await forgetHighs(account.id);
			await refreshHealth(t.db, [account.id], NOW);
			expect(await flagsOf(account.id, 'health_drop')).toEqual([
				expect.objectContaining({
					id: drop!.id,
					severity: 'high',
					version: 2,
					condition_active: true,
					rule_detail: { from: 75, to: 40, drop: 35, days: 30 }
				})
			]);
			const events = await eventsOf(drop!.id);
			expect(events.map((e) => e.kind)).toEqual(['raised', 'rule_update']);
			expect(events[1]!.data).toMatchObject({ severity: 'high', to: 40, drop: 35 });
			expect(await flagAudit(drop!.id)).toEqual([
				expect.objectContaining({ action: 'create', actor_id: null }),
				expect.objectContaining({
					action: 'update',
					actor_id: null,
					before: { severity: 'medium' },
					after: expect.objectContaining({ severity: 'high' })
				})
			]);

			// A milder hit afterwards leaves the severity where it is.
			await t.db
				.deleteFrom('health_snapshots')
				.where('account_id', '=', account.id)
				.where('day', '=', addDays(TODAY, -10))
				.execute();
			await forgetHighs(account.id);
			await refreshHealth(t.db, [account.id], NOW);
			expect(await flagsOf(account.id, 'health_drop')).toEqual([
				expect.objectContaining({ id: drop!.id, severity: 'high', version: 2 })
			]);
			expect(await eventsOf(drop!.id)).toHaveLength(2);
		});

		it('keeps the score a drop fell from in its rule_update event', async () => {
			const { account } = await setup();
			await makeRed([account.id]);
			await t.db
				.insertInto('health_snapshots')
				.values([
					{ account_id: account.id, day: addDays(TODAY, -3), score: 60, coverage: 0.2 },
					{ account_id: account.id, day: addDays(TODAY, -2), score: 40, coverage: 0.2 }
				])
				.execute();
			await forgetHighs(account.id);
			await refreshHealth(t.db, [account.id], NOW);
			await t.db
				.updateTable('health_snapshots')
				.set({ score: 90 })
				.where('account_id', '=', account.id)
				.where('day', '=', addDays(TODAY, -2))
				.execute();
			await forgetHighs(account.id);
			await refreshHealth(t.db, [account.id], NOW);
			const [drop] = await flagsOf(account.id, 'health_drop');
			const update = (await eventsOf(drop!.id)).find((e) => e.kind === 'rule_update');
			// The previous severity is recorded somewhere in the event…
			expect(Object.values(update!.data ?? {})).toContain('medium');
			// …without overwriting the detail's own `from` score.
			expect(update!.data).toMatchObject({ from: 90, to: 40, drop: 50 });
		});

		// The drop rule's high leaves today out: today's snapshot follows every change, so it
		// would otherwise raise a drop with one refresh and clear it with the next.
		it('leaves the drop flags as they were when a refresh finds nothing changed', async () => {
			const { csm, account } = await setup();
			const objective = await plans.createObjective(
				t.db,
				csm,
				account.id,
				outcomeObjective({ status: 'on_track' })
			);
			expect(await healthRow(account.id)).toMatchObject({ score: 100 });
			await plans.setStatus(t.db, csm, account.id, objective, 1, 'at_risk', 'Sponsor left');
			const state = async () =>
				(await flagsOf(account.id, 'health_drop')).map((f) => ({
					id: f.id,
					active: f.condition_active
				}));
			const afterChange = await state();
			// Nothing about the account changes; the next page action or the daily pass refreshes it.
			await refreshHealth(t.db, [account.id]);
			expect(await state()).toEqual(afterChange);
		});

		it('carries the 30-day high from day to day, and lets it go after 30 days', async () => {
			const { account } = await setup();
			const objective = await t.db
				.insertInto('plan_objectives')
				.values({
					account_id: account.id,
					title: 'Sponsor signs off',
					criterion_kind: 'outcome',
					outcome: 'Signed',
					status: 'on_track'
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const setObjective = (status: 'on_track' | 'at_risk') =>
				t.db
					.updateTable('plan_objectives')
					.set({ status, status_reason: status === 'at_risk' ? 'Sponsor left' : null })
					.where('id', '=', objective.id)
					.execute();
			const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

			// Day 0 scores 100; day 1 it falls to 40 (no snapshots written by hand).
			await refreshHealth(t.db, [account.id], day(0));
			await setObjective('at_risk');
			await refreshHealth(t.db, [account.id], day(1));
			expect(await healthRow(account.id)).toMatchObject({
				score: 40,
				recent_high: 100,
				recent_high_on: TODAY
			});
			const [drop] = await flagsOf(account.id, 'health_drop');
			expect(drop).toMatchObject({ condition_active: true, rule_detail: { from: 100, to: 40 } });

			// Still inside the window 30 days on (the high of day 0 is 30 days before day 30)…
			await refreshHealth(t.db, [account.id], day(30));
			expect(await healthRow(account.id)).toMatchObject({ recent_high: 100 });
			// …and gone the day after: the stored high has left the window, so the snapshots
			// are read again, and the drop no longer holds.
			await refreshHealth(t.db, [account.id], day(31));
			expect(await healthRow(account.id)).toMatchObject({ recent_high: 40 });
			expect(await flagsOf(account.id, 'health_drop')).toEqual([
				expect.objectContaining({ id: drop!.id, condition_active: false })
			]);
		});

		it('raises renewal_red for a red account renewing within 90 days, not 200', async () => {
			const soon = await setup({ renewal_date: addDays(TODAY, 30) });
			const later = await setup({ renewal_date: addDays(TODAY, 200) });
			const green = await setup({ renewal_date: addDays(TODAY, 30) });
			await makeRed([soon.account.id, later.account.id]);
			await refreshHealth(t.db, [soon.account.id, later.account.id, green.account.id], NOW);

			expect(await flagsOf(soon.account.id, 'renewal_red')).toEqual([
				expect.objectContaining({
					severity: 'critical',
					reason: 'declining_health',
					condition_active: true,
					rule_detail: { score: 40, days: 30 },
					arr_at_risk: soon.account.arr
				})
			]);
			expect(await flagsOf(later.account.id, 'renewal_red')).toEqual([]);
			expect(await flagsOf(later.account.id, 'health_red')).toHaveLength(1);
			expect(await flagsOf(green.account.id, 'renewal_red')).toEqual([]);
		});

		it("counts days to renewal from the account's own today", async () => {
			// 12:30 UTC on 15 June is already 16 June, 00:30, in Auckland (UTC+12).
			const now = new Date('2030-06-15T12:30:00Z');
			const auckland = await setup({
				time_zone: 'Pacific/Auckland',
				renewal_date: addDays(TODAY, 91)
			});
			const utc = await setup({ renewal_date: addDays(TODAY, 91) });
			await makeRed([auckland.account.id, utc.account.id]);
			await refreshHealth(t.db, [auckland.account.id, utc.account.id], now);
			expect(await flagsOf(auckland.account.id, 'renewal_red')).toEqual([
				expect.objectContaining({ rule_detail: { score: 40, days: 90 } })
			]);
			expect(await flagsOf(utc.account.id, 'renewal_red')).toEqual([]);
		});
	});

	describe('health override', () => {
		const input = (overrides: Partial<health.OverrideInput> = {}): health.OverrideInput => ({
			band: 'green',
			reason: 'Renewal verbally agreed with the sponsor',
			expires_on: '2030-07-15',
			version: null,
			...overrides
		});
		const overrideRow = (accountId: number) =>
			t.db
				.selectFrom('health_overrides')
				.selectAll()
				.where('account_id', '=', accountId)
				.executeTakeFirst();
		const overrideAudit = async (accountId: number) =>
			(await auditRows(t.db, accountId)).filter((r) => r.entity === 'health_override');

		it('is set, replaced with its version, and refused with a stale one', async () => {
			const { csm, account } = await setup();
			await health.setOverride(t.db, csm, account.id, input(), NOW);
			expect(await overrideRow(account.id)).toMatchObject({
				band: 'green',
				reason: 'Renewal verbally agreed with the sponsor',
				expires_on: '2030-07-15',
				set_by: csm.id,
				version: 1
			});
			const view = await health.getForAccount(t.db, csm, account.id, NOW);
			expect(view.override).toMatchObject({ band: 'green', version: 1, set_by_name: csm.name });
			expect(view.canJudge).toBe(true);

			await health.setOverride(
				t.db,
				csm,
				account.id,
				input({ band: 'yellow', reason: '  Sponsor wavering  ', version: 1 }),
				NOW
			);
			expect(await overrideRow(account.id)).toMatchObject({
				band: 'yellow',
				reason: 'Sponsor wavering',
				version: 2
			});

			await expect(
				health.setOverride(t.db, csm, account.id, input({ band: 'red', version: 1 }), NOW)
			).rejects.toBeInstanceOf(StaleVersionError);
			// A form that showed no assessment cannot overwrite one set meanwhile.
			await expectConflict(
				() => health.setOverride(t.db, csm, account.id, input({ band: 'red' }), NOW),
				'band'
			);
			expect(await overrideRow(account.id)).toMatchObject({ band: 'yellow', version: 2 });

			const audit = await overrideAudit(account.id);
			expect(audit.map((r) => [r.action, r.actor_id, r.entity_id])).toEqual([
				['create', csm.id, account.id],
				['update', csm.id, account.id]
			]);
			expect(audit[1]!.before).toMatchObject({ band: 'green', version: 1 });
			expect(audit[1]!.after).toMatchObject({ band: 'yellow', version: 2, name: account.name });
		});

		it('refuses an expiry in the past, and a version for an assessment that does not exist', async () => {
			const { csm, account } = await setup();
			await expectConflict(
				() => health.setOverride(t.db, csm, account.id, input({ expires_on: '2030-06-14' }), NOW),
				'expires_on'
			);
			await expect(
				health.setOverride(t.db, csm, account.id, input({ version: 3 }), NOW)
			).rejects.toBeInstanceOf(NotFoundError);
			// Expiring today is allowed: expires_on is inclusive.
			await health.setOverride(t.db, csm, account.id, input({ expires_on: TODAY }), NOW);
			expect((await health.getForAccount(t.db, csm, account.id, NOW)).override?.expires_on).toBe(
				TODAY
			);
		});

		it('replaces an expired assessment without asking for its version', async () => {
			const { csm, account } = await setup();
			await health.setOverride(t.db, csm, account.id, input({ expires_on: '2030-06-20' }), NOW);
			const later = new Date('2030-07-01T09:00:00Z');
			expect((await health.getForAccount(t.db, csm, account.id, later)).override).toBeUndefined();

			await health.setOverride(
				t.db,
				csm,
				account.id,
				input({ band: 'red', expires_on: '2030-08-01', version: null }),
				later
			);
			expect(await overrideRow(account.id)).toMatchObject({
				band: 'red',
				expires_on: '2030-08-01',
				version: 2
			});
			expect((await overrideAudit(account.id)).map((r) => r.action)).toEqual(['create', 'update']);
		});

		it('is for CSMs on the team and managers only', async () => {
			const { csm, account } = await setup();
			const attempt = (actor: SessionUser) =>
				health.setOverride(t.db, actor, account.id, input(), NOW);
			await expect(attempt(await makeUser(t.db, 'sales'))).rejects.toBeInstanceOf(ForbiddenError);
			await expect(attempt(await makeUser(t.db, 'admin'))).rejects.toBeInstanceOf(ForbiddenError);
			const stranger = await makeUser(t.db, 'csm');
			await expect(attempt(stranger)).rejects.toBeInstanceOf(ForbiddenError);
			expect((await health.getForAccount(t.db, stranger, account.id, NOW)).canJudge).toBe(false);
			const partner = await makeUser(t.db, 'partner', {
				resellerId: (await makeReseller(t.db)).id
			});
			await expect(attempt(partner)).rejects.toBeInstanceOf(NotFoundError);
			expect(await overrideRow(account.id)).toBeUndefined();
			expect(await overrideAudit(account.id)).toEqual([]);

			const manager = await makeUser(t.db, 'manager');
			await attempt(manager);
			expect(await overrideRow(account.id)).toMatchObject({ set_by: manager.id });
			await health.setOverride(t.db, csm, account.id, input({ band: 'yellow', version: 1 }), NOW);
			expect(await overrideRow(account.id)).toMatchObject({ set_by: csm.id, version: 2 });
		});

		it('is withdrawn with its version, audited', async () => {
			const { csm, account } = await setup();
			await health.setOverride(t.db, csm, account.id, input(), NOW);
			await expect(health.clearOverride(t.db, csm, account.id, 2)).rejects.toBeInstanceOf(
				StaleVersionError
			);
			const sales = await makeUser(t.db, 'sales');
			await expect(health.clearOverride(t.db, sales, account.id, 1)).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await health.clearOverride(t.db, csm, account.id, 1);
			expect(await overrideRow(account.id)).toBeUndefined();
			expect((await overrideAudit(account.id)).map((r) => [r.action, r.actor_id])).toEqual([
				['create', csm.id],
				['delete', csm.id]
			]);
			await expect(health.clearOverride(t.db, csm, account.id, 1)).rejects.toBeInstanceOf(
				NotFoundError
			);
		});
	});

	describe('set-based passes', () => {
		it('gathers inputs in the same number of queries for 1 account as for 50', async () => {
			const made = await Promise.all(Array.from({ length: 50 }, () => makeAccount(t.db)));
			const ids = made.map((a) => a.id);
			await makeRed(ids);
			const counter = new QueryCounter();
			const db = t.db.withPlugin(counter);

			// As a page reads them, from the sections…
			const one = await gatherHealthInputs(db, ids.slice(0, 1), NOW, 'sections');
			const forOne = counter.count;
			counter.count = 0;
			const fifty = await gatherHealthInputs(db, ids, NOW, 'sections');
			expect(one).toHaveLength(1);
			expect(fifty).toHaveLength(50);
			expect(counter.count).toBe(forOne);
			expect(forOne).toBe(1);

			// …and as a pass reads them once stored: the same facts.
			await storeHealthInputs(t.db, ids, NOW);
			counter.count = 0;
			const stored = await gatherHealthInputs(db, ids, NOW);
			expect(counter.count).toBe(1);
			const byAccount = (rows: typeof fifty) => [...rows].sort((a, b) => a.accountId - b.accountId);
			expect(byAccount(stored)).toEqual(byAccount(fifty));
		});

		it('scores the stored inputs in a bulk pass, and reads them again when told to', async () => {
			const { account } = await setup();
			await refreshHealth(t.db, [account.id], NOW);
			const before = await healthRow(account.id);
			// An objective falls at risk behind the app's back (no healthInputsChanged).
			await t.db
				.insertInto('plan_objectives')
				.values({
					account_id: account.id,
					title: 'Loaded by a script',
					criterion_kind: 'outcome',
					outcome: 'Signed',
					status: 'at_risk',
					status_reason: 'Sponsor left'
				})
				.execute();
			const scope = { fromId: account.id, toId: account.id };
			await t.db.transaction().execute((trx) => refreshHealth(trx, scope, NOW));
			expect((await healthRow(account.id))?.progress).toBe(before?.progress);
			await t.db.transaction().execute((trx) => refreshHealth(trx, scope, NOW, { reread: true }));
			expect((await healthRow(account.id))?.progress).not.toBe(before?.progress);
		});

		it('reads the inputs of an account that has none stored in a bulk pass', async () => {
			const { account } = await setup();
			await t.db.deleteFrom('health_inputs').where('account_id', '=', account.id).execute();
			const scope = { fromId: account.id, toId: account.id };
			const result = await t.db.transaction().execute((trx) => refreshHealth(trx, scope, NOW));
			expect(result.accounts).toBe(1);
			expect(
				await t.db
					.selectFrom('health_inputs')
					.select('account_id')
					.where('account_id', '=', account.id)
					.execute()
			).toHaveLength(1);
		});

		it('reads again, in a bulk pass, inputs stored in an older shape', async () => {
			const { account } = await setup();
			const scope = { fromId: account.id, toId: account.id };
			const older = [
				// What releases before the compact array stored: an object of date strings.
				sql`${JSON.stringify({ v: 3, lastTaskDay: '2026-11-01', npsScores: [] })}::jsonb`,
				// An array of an earlier version than this release's.
				sql`jsonb_set(inputs, '{0}', to_jsonb(${INPUTS_VERSION - 1}::int))`
			];
			for (const inputs of older) {
				await sql`update health_inputs set inputs = ${inputs}
					where account_id = ${account.id}`.execute(t.db);
				const result = await t.db.transaction().execute((trx) => refreshHealth(trx, scope, NOW));
				expect(result.accounts).toBe(1);
				const stored = await t.db
					.selectFrom('health_inputs')
					.select(sql<number>`(inputs->>0)::int`.as('v'))
					.select(
						sql<number>`case when jsonb_typeof(inputs) = 'array' then jsonb_array_length(inputs) end`.as(
							'places'
						)
					)
					.where('account_id', '=', account.id)
					.executeTakeFirstOrThrow();
				expect(stored).toEqual({ v: INPUTS_VERSION, places: STORED_INPUTS.length });
			}
		});

		it('refreshes and raises flags in the same number of queries for 1 account as for 50', async () => {
			const made = await Promise.all(
				Array.from({ length: 51 }, () => makeAccount(t.db, { renewal_date: null }))
			);
			const ids = made.map((a) => a.id);
			await makeRed(ids);
			const counter = new QueryCounter();
			const db = t.db.withPlugin(counter);

			await refreshHealth(db, ids.slice(0, 1), NOW);
			const forOne = counter.count;
			counter.count = 0;
			await refreshHealth(db, ids.slice(1), NOW);
			expect(counter.count).toBe(forOne);
			const raised = await t.db
				.selectFrom('churn_flags')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('account_id', 'in', ids)
				.where('rule', '=', 'health_red')
				.executeTakeFirstOrThrow();
			expect(Number(raised.n)).toBe(51);
		});

		// These passes cover every account in the file's database, so they come last and use
		// days after every other test's.
		it("writes every account's health and one snapshot for its own today", async () => {
			// 12:30 UTC on 10 January is already 11 January, 01:30, in Auckland (UTC+13).
			const now = new Date('2031-01-10T12:30:00Z');
			const auckland = await setup({ time_zone: 'Pacific/Auckland' });
			const utc = await setup();
			await makeRed([auckland.account.id]);

			const result = await refreshHealth(t.db, 'all', now);
			await refreshHealth(t.db, 'all', now);

			const total = await t.db
				.selectFrom('accounts')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(result.accounts).toBe(Number(total.n));
			const current = await t.db.selectFrom('account_health').select('account_id').execute();
			expect(current).toHaveLength(result.accounts);

			const snapshotsToday = await t.db
				.selectFrom('health_snapshots as h')
				.innerJoin('accounts as a', 'a.id', 'h.account_id')
				.select(['h.account_id', 'h.day', 'a.time_zone'])
				.where('h.day', 'in', ['2031-01-10', '2031-01-11'])
				.execute();
			expect(snapshotsToday).toHaveLength(result.accounts);
			for (const s of snapshotsToday) expect(s.day).toBe(todayIn(s.time_zone, now));

			expect(await snapshots(auckland.account.id)).toEqual([
				expect.objectContaining({ day: '2031-01-11', score: 40, band: 'red' })
			]);
			expect(await snapshots(utc.account.id)).toEqual([
				expect.objectContaining({ day: '2031-01-10', score: null, coverage: 0 })
			]);
			expect(await healthRow(auckland.account.id)).toMatchObject({ score: 40, band: 'red' });
			expect(await flagsOf(auckland.account.id, 'health_red')).toHaveLength(1);
		});

		it('scores every account once across more ranges than run at once', async () => {
			const made = [await setup(), await setup(), await setup()];
			const day = new Date('2031-03-01T12:00:00Z');
			const total = await t.db
				.selectFrom('accounts')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			const run = await refreshAllHealth(t.db, day, { partitions: 5, concurrency: 2 });
			// As many ranges as asked for, or one per account when there are fewer.
			expect(run).toEqual({ accounts: Number(total.n), partitions: Math.min(5, Number(total.n)) });
			for (const { account } of made) {
				expect(await snapshots(account.id)).toEqual([
					expect.objectContaining({ day: '2031-03-01' })
				]);
			}
		});

		it('runs the daily pass once per UTC day', async () => {
			const { account } = await setup();
			expect(await runDailyHealth(t.db, new Date('2031-02-01T00:10:00Z'))).toBe('ran');
			expect(await snapshots(account.id)).toEqual([expect.objectContaining({ day: '2031-02-01' })]);

			const newcomer = await setup();
			expect(await runDailyHealth(t.db, new Date('2031-02-01T23:50:00Z'))).toBe('already-ran');
			expect(await healthRow(newcomer.account.id)).toBeUndefined();
			// A clock that steps back a day does not run it again either.
			expect(await runDailyHealth(t.db, new Date('2031-01-31T12:00:00Z'))).toBe('already-ran');

			expect(await runDailyHealth(t.db, new Date('2031-02-02T00:05:00Z'))).toBe('ran');
			expect(await healthRow(newcomer.account.id)).toBeDefined();
			expect((await snapshots(account.id)).map((s) => s.day)).toEqual(['2031-02-01', '2031-02-02']);
			const run = await t.db
				.selectFrom('scheduled_runs')
				.selectAll()
				.where('name', '=', 'daily_health')
				.executeTakeFirstOrThrow();
			expect(run.last_day).toBe('2031-02-02');
			expect(run.finished_at).not.toBeNull();
		});
	});
});

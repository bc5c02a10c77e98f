import {
	canAcknowledgeChurn,
	canCommentChurn,
	canManageChurn,
	canReadChurn,
	type Actor
} from '../../domain/access';
import {
	allowedStatuses,
	isActiveChurnStatus,
	statusNeedsReason,
	type ChurnReason,
	type ChurnSeverity,
	type ChurnStatus
} from '../../domain/churn';
import { todayIn } from '../../domain/dates';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import { assertOwnerOnTeam, findReadableAccount, lockAccountFor } from '../accounts/account-guard';
import { isOnTeam, listTeam } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { publish } from '../events/events';
import { nextStepAssigned } from '../notifications/assignment-events';
import { notifyUsers } from '../notifications/notification-writer';
import { addEvent, listAccountFlags, listFlagEvents, lockFlag } from './churn.repository';

export interface FlagInput {
	severity: ChurnSeverity;
	reason: ChurnReason;
	arr_at_risk: number;
	summary: string;
	next_step: string;
	next_step_owner_id: number | null;
	next_step_due: string | null;
}

/** Who may read an account's churn flags: an account they cannot see is 404, a partner 403. */
async function readableAccount(db: Executor, actor: Actor, accountId: number) {
	const account = await findReadableAccount(db, actor, accountId);
	if (!canReadChurn(actor)) throw new ForbiddenError();
	return account;
}

/** The account's flags, open ones first, each with its log; and what the reader may do. */
export async function getForAccount(db: Db, actor: Actor, accountId: number, now = new Date()) {
	const account = await readableAccount(db, actor, accountId);
	const [flags, events, team, actorOnTeam] = await Promise.all([
		listAccountFlags(db, accountId),
		listFlagEvents(db, accountId),
		listTeam(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	return {
		account,
		today: todayIn(account.time_zone, now),
		flags: flags.map((flag) => {
			const log = events.filter((e) => e.flag_id === flag.id);
			return {
				...flag,
				events: log,
				acknowledgedByMe: log.some((e) => e.kind === 'acknowledged' && e.actor_id === actor.id),
				statuses: allowedStatuses(flag.rule ? 'rule' : 'manual')
			};
		}),
		owners: team.filter((m) => !m.disabled_at).map((m) => ({ id: m.user_id, name: m.name })),
		can: {
			manage: canManageChurn(actor, facts),
			comment: canCommentChurn(actor, facts),
			acknowledge: canAcknowledgeChurn(actor)
		}
	};
}

/** A flag a person raises: its reason, severity, ARR at risk and the next step. */
export async function raiseFlag(db: Db, actor: Actor, accountId: number, input: FlagInput) {
	return db.transaction().execute(async (trx) => {
		const { account } = await lockManageable(trx, actor, accountId);
		await assertOwnerOnTeam(trx, accountId, input.next_step_owner_id, 'next_step_owner_id');
		const flag = await trx
			.insertInto('churn_flags')
			.values({ account_id: accountId, ...input, raised_by: actor.id, rule_detail: null })
			.returningAll()
			.executeTakeFirstOrThrow();
		await addEvent(trx, { flagId: flag.id, kind: 'raised', actorId: actor.id });
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'churn_flag',
			entityId: flag.id,
			action: 'create',
			after: { ...flag, name: account.name }
		});
		const nextStep = nextStepAssigned(accountId, flag.id, flag.next_step_owner_id, actor.id);
		await notifyUsers(trx, nextStep, new Date());
		if (flag.severity === 'critical') {
			await publish(trx, [{ type: 'churn_flag.critical_raised', accountId, flagId: flag.id }]);
		}
		return flag.id;
	});
}

/** Changes what a flag says (reason, severity, ARR at risk, next step), version-guarded. */
export async function editFlag(
	db: Db,
	actor: Actor,
	accountId: number,
	flagId: number,
	version: number,
	input: FlagInput
) {
	await db.transaction().execute(async (trx) => {
		await lockManageable(trx, actor, accountId);
		const before = assertVersion(await lockOwnFlag(trx, accountId, flagId), version, 'flag');
		await assertOwnerOnTeam(trx, accountId, input.next_step_owner_id, 'next_step_owner_id');
		const after = await trx
			.updateTable('churn_flags')
			.set({ ...input, ...bumpVersion() })
			.where('id', '=', flagId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await addEvent(trx, { flagId, kind: 'edited', actorId: actor.id });
		await audit(trx, actor, accountId, before, after);
		const [owner, previous] = [after.next_step_owner_id, before.next_step_owner_id];
		const nextStep = nextStepAssigned(accountId, flagId, owner, actor.id, previous);
		await notifyUsers(trx, nextStep, new Date());
		// Raised to critical by hand: news, as a flag raised critical is (not every later edit).
		const raised = before.severity !== 'critical' && after.severity === 'critical';
		if (raised && isActiveChurnStatus(after.status)) {
			await publish(trx, [{ type: 'churn_flag.critical_raised', accountId, flagId }]);
		}
	});
}

/**
 * Moves a flag through its workflow. Dismissing (rule flags only) and churned need a reason;
 * a closed flag records when it closed, and reopening clears that.
 */
export async function setStatus(
	db: Db,
	actor: Actor,
	accountId: number,
	flagId: number,
	version: number,
	status: ChurnStatus,
	reason: string
) {
	await db.transaction().execute(async (trx) => {
		await lockManageable(trx, actor, accountId);
		const before = assertVersion(await lockOwnFlag(trx, accountId, flagId), version, 'flag');
		if (!allowedStatuses(before.rule ? 'rule' : 'manual').includes(status)) {
			throw new ConflictError('status', 'error.dismissRuleOnly');
		}
		if (statusNeedsReason(status) && !reason.trim()) {
			throw new ConflictError('status_reason', 'error.statusReasonRequired');
		}
		const closed = !isActiveChurnStatus(status);
		const after = await trx
			.updateTable('churn_flags')
			.set({
				status,
				status_reason: reason.trim() || null,
				closed_at: closed ? (before.closed_at ?? new Date()) : null,
				...bumpVersion()
			})
			.where('id', '=', flagId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await addEvent(trx, {
			flagId,
			kind: 'status',
			actorId: actor.id,
			body: reason.trim(),
			data: { from: before.status, to: status }
		});
		await audit(trx, actor, accountId, before, after);
	});
}

/**
 * A line in the flag's log: 'mitigation' (what was done, by whoever manages the flag) or
 * 'comment' (also sales). Appending never conflicts, so it carries no version.
 */
export async function addNote(
	db: Db,
	actor: Actor,
	accountId: number,
	flagId: number,
	kind: 'mitigation' | 'comment',
	body: string
) {
	await db.transaction().execute(async (trx) => {
		const { facts } = await lockAccountFor(trx, actor, accountId, 'read');
		const allowed =
			kind === 'mitigation' ? canManageChurn(actor, facts) : canCommentChurn(actor, facts);
		if (!allowed) throw new ForbiddenError();
		await lockOwnFlag(trx, accountId, flagId);
		await addEvent(trx, { flagId, kind, actorId: actor.id, body: body.trim() });
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'churn_flag',
			entityId: flagId,
			action: 'update',
			after: { [kind]: body.trim() }
		});
	});
}

/** Sales (and managers) acknowledge they have seen a flag; once each, so repeats change nothing. */
export async function acknowledge(db: Db, actor: Actor, accountId: number, flagId: number) {
	await db.transaction().execute(async (trx) => {
		await lockAccountFor(trx, actor, accountId, 'read');
		if (!canAcknowledgeChurn(actor)) throw new ForbiddenError();
		await lockOwnFlag(trx, accountId, flagId);
		const eventId = await addEvent(trx, { flagId, kind: 'acknowledged', actorId: actor.id });
		if (eventId === null) return; // acknowledged before
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'churn_flag',
			entityId: flagId,
			action: 'update',
			after: { acknowledged_by: actor.id }
		});
	});
}

async function lockManageable(trx: Executor, actor: Actor, accountId: number) {
	const locked = await lockAccountFor(trx, actor, accountId, 'read');
	if (!canManageChurn(actor, locked.facts)) throw new ForbiddenError();
	return locked;
}

async function lockOwnFlag(trx: Executor, accountId: number, flagId: number) {
	const flag = await lockFlag(trx, flagId);
	if (!flag || flag.account_id !== accountId) throw new NotFoundError('flag');
	return flag;
}

function audit(
	trx: Executor,
	actor: Actor,
	accountId: number,
	before: object,
	after: { id: number }
) {
	return writeAudit(trx, {
		actorId: actor.id,
		accountId,
		entity: 'churn_flag',
		entityId: after.id,
		action: 'update',
		before,
		after
	});
}

import { canManageEscalation, canRaiseEscalation, type Actor } from '../../domain/access';
import {
	allowedTransitions,
	dueAfter,
	isOpen,
	isReopen,
	needsPostmortem,
	type EscalationCategory,
	type EscalationRoute,
	type EscalationStatus,
	type Priority,
	type ReportChannel
} from '../../domain/escalation';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { Pause } from '../../domain/sla';
import { assertOwnerOnTeam, findReadableAccount, lockAccountFor } from '../accounts/account-guard';
import { isOnTeam, listContacts, listTeam } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { publish } from '../events/events';
import { escalationAssigned } from '../notifications/assignment-events';
import { healthInputsChanged } from '../health/health-refresh';
import { findPolicy } from '../support/support.repository';
import { calendarFor, listed, storedCalendar, withClocks } from './escalation-clock';
import {
	addEvent,
	findEscalation,
	listAccountEscalations,
	findPostmortem,
	listActions,
	listEvents,
	listPauses,
	lockEscalation
} from './escalation.repository';
import type { Escalation } from './escalation.table';

export interface EscalationInput {
	title: string;
	description: string;
	priority: Priority;
	category: EscalationCategory;
	external_ref: string;
	reported_via: ReportChannel;
	contact_id: number | null;
	owner_id: number | null;
	routed_to: EscalationRoute | null;
}

/** The account's escalations with their clocks, and what the reader may do there. */
export async function getForAccount(db: Db, actor: Actor, accountId: number, now = new Date()) {
	const account = await findReadableAccount(db, actor, accountId);
	const [rows, team, contacts, actorOnTeam] = await Promise.all([
		listAccountEscalations(db, accountId),
		listTeam(db, accountId),
		listContacts(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	return {
		account,
		escalations: (await withClocks(db, rows, now)).map(listed),
		owners: team.filter((m) => !m.disabled_at).map((m) => ({ id: m.user_id, name: m.name })),
		contacts: contacts.map((c) => ({ id: c.id, name: c.name })),
		can: { raise: canRaiseEscalation(actor, facts), manage: canManageEscalation(actor, facts) }
	};
}

/** One escalation with its clocks, timeline and pauses; 404 when its account is out of reach. */
export async function getEscalation(db: Db, actor: Actor, escalationId: number, now = new Date()) {
	const row = await findEscalation(db, escalationId);
	if (!row) throw new NotFoundError('escalation');
	const account = await findReadableAccount(db, actor, row.account_id);
	const [[escalation], events, pauses, team, actorOnTeam, postmortem, actions] = await Promise.all([
		withClocks(db, [row], now),
		listEvents(db, escalationId),
		listPauses(db, [escalationId]),
		listTeam(db, row.account_id),
		isOnTeam(db, row.account_id, actor.id),
		findPostmortem(db, escalationId),
		listActions(db, escalationId)
	]);
	const facts = { resellerId: account.reseller_id, actorOnTeam };
	return {
		account,
		escalation: escalation!,
		events,
		pauses,
		postmortem: postmortem ?? null,
		actions,
		postmortemRequired: needsPostmortem(row.priority),
		transitions: allowedTransitions(row.status),
		owners: team.filter((m) => !m.disabled_at).map((m) => ({ id: m.user_id, name: m.name })),
		can: { comment: canRaiseEscalation(actor, facts), manage: canManageEscalation(actor, facts) }
	};
}

/** The policy's targets and calendar for a priority on this account, with both due times. */
async function clocksFor(
	trx: Executor,
	account: { id: number; support_package: Escalation['support_package'] },
	priority: Priority,
	openedAt: Date,
	pauses: Pause[]
) {
	const policy = await findPolicy(trx, account.support_package, priority);
	if (!policy) throw new ConflictError('priority', 'error.noPolicy');
	const counted = await calendarFor(trx, account.id, policy.clock);
	if (!counted) throw new ConflictError('priority', 'error.noCalendar');
	const { calendar } = counted;
	return {
		support_package: account.support_package,
		response_minutes: policy.response_minutes,
		resolution_minutes: policy.resolution_minutes,
		clock: policy.clock,
		calendar_id: counted.id,
		response_due_at: dueAfter(openedAt, policy.response_minutes, calendar, pauses),
		resolution_due_at:
			policy.resolution_minutes === null
				? null
				: dueAfter(openedAt, policy.resolution_minutes, calendar, pauses)
	};
}

/**
 * Opens an escalation on an account: its clocks start now, on the SLA policy of the account's
 * support package for the priority (P1 around the clock), on the account's support calendar.
 */
export async function openEscalation(
	db: Db,
	actor: Actor,
	accountId: number,
	input: EscalationInput,
	now = new Date()
) {
	return db.transaction().execute(async (trx) => {
		const { account } = await lockAccountFor(trx, actor, accountId, 'work');
		await assertOwnerOnTeam(trx, accountId, input.owner_id, 'owner_id');
		await assertContactOf(trx, accountId, input.contact_id);
		const clocks = await clocksFor(trx, account, input.priority, now, []);
		const escalation = await trx
			.insertInto('escalations')
			.values({
				account_id: accountId,
				...input,
				...clocks,
				opened_at: now,
				opened_by: actor.id,
				warn_at: now
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await addEvent(trx, {
			escalationId: escalation.id,
			kind: 'opened',
			actorId: actor.id,
			data: { priority: input.priority },
			at: now
		});
		await audit(trx, actor, null, escalation, 'create');
		const owner = escalation.owner_id;
		await publish(trx, escalationAssigned(accountId, escalation.id, owner, actor.id), now);
		await healthInputsChanged(trx, accountId, now);
		if (escalation.priority === 'P1') {
			await publish(
				trx,
				[{ type: 'escalation.p1_opened', accountId, escalationId: escalation.id }],
				now
			);
		}
		return escalation.id;
	});
}

async function assertContactOf(trx: Executor, accountId: number, contactId: number | null) {
	if (contactId === null) return;
	const contact = await trx
		.selectFrom('contacts')
		.select('id')
		.where('id', '=', contactId)
		.where('account_id', '=', accountId)
		.executeTakeFirst();
	if (!contact) throw new ConflictError('contact_id', 'error.contactNotOnAccount');
}

function audit(
	trx: Executor,
	actor: Actor,
	before: Escalation | null,
	after: Escalation,
	action: 'create' | 'update' = 'update'
) {
	return writeAudit(trx, {
		actorId: actor.id,
		accountId: after.account_id,
		entity: 'escalation',
		entityId: after.id,
		action,
		before,
		after
	});
}

/** The escalation, locked and at the version the form showed, on an account the actor may run. */
async function lockManaged(
	trx: Executor,
	actor: Actor,
	escalationId: number,
	version: number,
	need: 'edit' | 'work' = 'edit'
) {
	const row = await lockEscalation(trx, escalationId);
	if (!row) throw new NotFoundError('escalation');
	const { account } = await lockAccountFor(trx, actor, row.account_id, need);
	return { account, before: assertVersion(row, version, 'escalation') };
}

/**
 * The breach and warning marks once the due times moved (a new priority, a recompute): a first
 * response already given is judged against the new due time; clocks still running start over,
 * and the sweep marks them again if they are still late.
 */
function marksFor(
	before: Escalation,
	due: { response_due_at: Date; resolution_due_at: Date | null },
	now: Date
) {
	const ack = before.acknowledged_at;
	return {
		response_breached_at: ack && ack > due.response_due_at ? due.response_due_at : null,
		resolution_breached_at: null,
		warned_at: null,
		warn_at: now
	};
}

const finishedPauses = (rows: { from_at: Date; to_at: Date | null }[]): Pause[] =>
	rows.filter((p) => p.to_at).map((p) => ({ from: p.from_at, to: p.to_at! }));

/**
 * Moves an escalation through its workflow. Leaving 'new' is the first response. Waiting on the
 * customer stops the clocks until the next move; the resolution's due time then moves out by
 * the open time the pause took. Reopening counts the time it sat resolved as a pause. P1 and P2
 * close only with a post-mortem.
 */
export async function changeStatus(
	db: Db,
	actor: Actor,
	escalationId: number,
	version: number,
	to: EscalationStatus,
	note: string,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { before } = await lockManaged(trx, actor, escalationId, version);
		if (!allowedTransitions(before.status).includes(to)) {
			throw new ConflictError('status', 'error.transition');
		}
		if (to === 'closed' && needsPostmortem(before.priority)) {
			const postmortem = await trx
				.selectFrom('postmortems')
				.select('escalation_id')
				.where('escalation_id', '=', escalationId)
				.executeTakeFirst();
			if (!postmortem) throw new ConflictError('status', 'error.postmortemRequired');
		}
		// Pauses: close the one in progress; a reopen pauses from the resolution until now.
		await trx
			.updateTable('escalation_pauses')
			.set({ to_at: now })
			.where('escalation_id', '=', escalationId)
			.where('to_at', 'is', null)
			.execute();
		if (to === 'waiting_on_customer') {
			await trx
				.insertInto('escalation_pauses')
				.values({ escalation_id: escalationId, from_at: now })
				.execute();
		}
		if (isReopen(before.status, to) && before.resolved_at) {
			await trx
				.insertInto('escalation_pauses')
				.values({ escalation_id: escalationId, from_at: before.resolved_at, to_at: now })
				.execute();
		}
		// The resolution's due time moves out by a pause that just ended, on the calendar the
		// escalation was given (a calendar edited since does not move it).
		const pauseEnded = before.status === 'waiting_on_customer' || isReopen(before.status, to);
		const resolutionDue =
			pauseEnded && before.resolution_minutes !== null
				? dueAfter(
						before.opened_at,
						before.resolution_minutes,
						await storedCalendar(trx, before),
						finishedPauses(await listPauses(trx, [escalationId]))
					)
				: before.resolution_due_at;
		const acknowledged = before.acknowledged_at ?? (to !== 'new' ? now : null);
		const resolved = to === 'resolved' || to === 'closed' ? (before.resolved_at ?? now) : null;
		// A reopened escalation's clock runs again: it may warn again.
		const warned = isReopen(before.status, to) ? null : before.warned_at;
		// A clock stopped after its due time is breached as of that due time, whoever notices
		// first: this move, or the sweep (which watches the clocks still running).
		const breaches = {
			response:
				!before.response_breached_at && acknowledged && acknowledged > before.response_due_at
					? before.response_due_at
					: null,
			resolution:
				!before.resolution_breached_at && resolutionDue && resolved && resolved > resolutionDue
					? resolutionDue
					: null
		};
		const after = await trx
			.updateTable('escalations')
			.set({
				status: to,
				acknowledged_at: acknowledged,
				resolved_at: resolved,
				closed_at: to === 'closed' ? now : null,
				response_breached_at: before.response_breached_at ?? breaches.response,
				resolution_breached_at: before.resolution_breached_at ?? breaches.resolution,
				resolution_due_at: resolutionDue,
				warned_at: warned,
				// The clocks moved (answered, paused, resumed): the sweep measures them from now on.
				warn_at: resolved || warned ? null : now,
				...bumpVersion()
			})
			.where('id', '=', escalationId)
			.returningAll()
			.executeTakeFirstOrThrow();
		for (const clock of ['response', 'resolution'] as const) {
			if (breaches[clock]) {
				await addEvent(trx, {
					escalationId,
					kind: 'breach',
					actorId: null,
					data: { clock },
					at: now
				});
				// Noticed here rather than by the sweep: announced once all the same.
				const breach = { accountId: before.account_id, escalationId, clock };
				await publish(trx, [{ type: 'escalation.sla_breach', ...breach }], now);
			}
		}
		await addEvent(trx, {
			escalationId,
			kind: 'status',
			actorId: actor.id,
			body: note,
			data: { from: before.status, to },
			at: now
		});
		await audit(trx, actor, before, after);
		// Open escalations and breaches are the account's support health.
		await healthInputsChanged(trx, before.account_id, now);
	});
}

/**
 * A new priority recomputes both due times from the original start, on the policy and calendar
 * of the new priority (a P1 downgraded leaves the around-the-clock calendar).
 */
export async function changePriority(
	db: Db,
	actor: Actor,
	escalationId: number,
	version: number,
	priority: Priority,
	reason: string,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { account, before } = await lockManaged(trx, actor, escalationId, version);
		if (before.priority === priority) return;
		if (!isOpen(before.status)) throw new ConflictError('priority', 'error.escalationClosed');
		const pauses = finishedPauses(await listPauses(trx, [escalationId]));
		const clocks = await clocksFor(trx, account, priority, before.opened_at, pauses);
		const after = await trx
			.updateTable('escalations')
			.set({ priority, ...clocks, ...marksFor(before, clocks, now), ...bumpVersion() })
			.where('id', '=', escalationId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await addEvent(trx, {
			escalationId,
			kind: 'priority',
			actorId: actor.id,
			body: reason,
			data: { from: before.priority, to: priority },
			at: now
		});
		await audit(trx, actor, before, after);
		await healthInputsChanged(trx, before.account_id, now);
		if (priority === 'P1') {
			const p1 = { accountId: before.account_id, escalationId };
			await publish(trx, [{ type: 'escalation.p1_opened', ...p1 }], now);
		}
	});
}

/**
 * Applies the current SLA policy and calendar to an open escalation, from its original start:
 * how an admin's later policy change reaches one that is already open, on purpose and audited.
 */
export async function recomputeDueTimes(
	db: Db,
	actor: Actor,
	escalationId: number,
	version: number,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { account, before } = await lockManaged(trx, actor, escalationId, version);
		if (!isOpen(before.status)) throw new ConflictError('status', 'error.escalationClosed');
		const pauses = finishedPauses(await listPauses(trx, [escalationId]));
		const clocks = await clocksFor(trx, account, before.priority, before.opened_at, pauses);
		const after = await trx
			.updateTable('escalations')
			.set({ ...clocks, ...marksFor(before, clocks, now), ...bumpVersion() })
			.where('id', '=', escalationId)
			.returningAll()
			.executeTakeFirstOrThrow();
		await addEvent(trx, {
			escalationId,
			kind: 'recomputed',
			actorId: actor.id,
			data: {
				response_due_at: after.response_due_at.toISOString(),
				resolution_due_at: after.resolution_due_at?.toISOString() ?? null
			},
			at: now
		});
		await audit(trx, actor, before, after);
	});
}

/** Who owns it and which team it is routed to (GEM or a functional team), each change logged. */
export async function assign(
	db: Db,
	actor: Actor,
	escalationId: number,
	version: number,
	input: { owner_id: number | null; routed_to: EscalationRoute | null },
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { before } = await lockManaged(trx, actor, escalationId, version);
		await assertOwnerOnTeam(trx, before.account_id, input.owner_id, 'owner_id');
		if (before.owner_id === input.owner_id && before.routed_to === input.routed_to) return;
		const after = await trx
			.updateTable('escalations')
			.set({ ...input, ...bumpVersion() })
			.where('id', '=', escalationId)
			.returningAll()
			.executeTakeFirstOrThrow();
		if (before.owner_id !== input.owner_id) {
			await addEvent(trx, {
				escalationId,
				kind: 'owner',
				actorId: actor.id,
				data: { from: before.owner_id, to: input.owner_id },
				at: now
			});
			const assigned = escalationAssigned(after.account_id, escalationId, after.owner_id, actor.id);
			await publish(trx, assigned, now);
		}
		if (before.routed_to !== input.routed_to) {
			await addEvent(trx, {
				escalationId,
				kind: 'routed',
				actorId: actor.id,
				data: { from: before.routed_to, to: input.routed_to },
				at: now
			});
		}
		await audit(trx, actor, before, after);
	});
}

/** A comment on the timeline: from anyone who may raise escalations on the account. */
export async function comment(
	db: Db,
	actor: Actor,
	escalationId: number,
	body: string,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const row = await lockEscalation(trx, escalationId);
		if (!row) throw new NotFoundError('escalation');
		await lockAccountFor(trx, actor, row.account_id, 'work');
		await addEvent(trx, { escalationId, kind: 'comment', actorId: actor.id, body, at: now });
	});
}

/**
 * Writes the planned demo escalations in bulk, inside the seeding transaction and before the
 * health pass (open escalations and breaches are the support component, a breached open P1 the
 * churn rule's). The SLA policies and calendars are read once, as the app reads them when one
 * is opened; the rows take the shapes `escalation.service` and `postmortem.service` write: the
 * escalation, its pauses and timeline, the post-mortem, and each corrective action as a task
 * (source 'postmortem') plus its escalation_actions row.
 */
import { sql, type Transaction } from 'kysely';
import type { Region } from '../../domain/vocabulary';
import type { Database } from '../db/database';
import { calendarsByIds, listPolicies, listRegionCalendars } from '../support/support.repository';
import {
	p1BreachOnsets,
	planEscalations,
	type DemoCalendar,
	type EscalationPlanOptions,
	type EscalationRules,
	type PlannedEscalation
} from './demo-escalations-plan';
import type { DemoIds } from './demo-onboarding-write';
import type { DemoPlan } from './demo-plan';

/** Escalations per INSERT: about 30 bind parameters a row. */
const ESCALATION_ROWS = 1000;
/** Events, pauses or post-mortems per statement, sent as one JSON parameter. */
const JSON_ROWS = 5000;

export interface WrittenEscalations {
	escalations: number;
	escalationEvents: number;
	postmortems: number;
	/** Corrective actions: tasks with source 'postmortem'. */
	correctiveActions: number;
	/** Per account index, when its earliest open P1 breached its first response (ISO). */
	p1Breaches: Map<number, string>;
}

export async function writeEscalations(
	trx: Transaction<Database>,
	plan: DemoPlan,
	ids: DemoIds,
	options: EscalationPlanOptions
): Promise<WrittenEscalations> {
	const planned = planEscalations(plan, await loadRules(trx), options);
	const user = (index: number | null) => (index === null ? null : ids.user(index));
	const pauses: { escalation_id: number; from_at: string; to_at: string | null }[] = [];
	const events: ReturnType<typeof eventRow>[] = [];
	const eventRow = (
		escalationId: number,
		e: PlannedEscalation['events'][number],
		data = e.data
	) => ({
		escalation_id: escalationId,
		kind: e.kind,
		actor_id: user(e.actorUserIndex),
		body: e.body,
		data,
		at: e.at
	});
	const postmortems: {
		escalation_id: number;
		root_cause: string;
		summary: string;
		written_by: number;
		at: string;
	}[] = [];
	const actions: {
		escalationId: number;
		accountId: number;
		action: PlannedEscalation['actions'][number];
	}[] = [];
	/** Per escalation, the events naming a corrective action: their task ids come later. */
	const actionEvents: { escalationId: number; events: PlannedEscalation['events'] }[] = [];

	for (let i = 0; i < planned.length; i += ESCALATION_ROWS) {
		const batch = planned.slice(i, i + ESCALATION_ROWS);
		const rows = await trx
			.insertInto('escalations')
			.values(
				batch.map((e) => {
					const accountId = ids.account(e.accountIndex);
					return {
						account_id: accountId,
						title: e.title,
						description: e.description,
						priority: e.priority,
						category: e.category,
						external_ref: e.externalRef,
						reported_via: e.reportedVia,
						contact_id: e.primaryContact
							? sql<number>`(select c.id from contacts c
								where c.account_id = ${accountId} and c.is_primary limit 1)`
							: null,
						status: e.status,
						owner_id: ids.user(e.ownerUserIndex),
						routed_to: e.routedTo,
						opened_at: new Date(e.openedAt),
						opened_by: ids.user(e.openedByUserIndex),
						support_package: e.supportPackage,
						response_minutes: e.responseMinutes,
						resolution_minutes: e.resolutionMinutes,
						clock: e.clock,
						calendar_id: e.calendarId,
						response_due_at: new Date(e.responseDueAt),
						resolution_due_at: date(e.resolutionDueAt),
						acknowledged_at: date(e.acknowledgedAt),
						resolved_at: date(e.resolvedAt),
						closed_at: date(e.closedAt),
						warned_at: date(e.warnedAt),
						warn_at: date(e.warnAt),
						response_breached_at: date(e.responseBreachedAt),
						resolution_breached_at: date(e.resolutionBreachedAt),
						created_at: e.openedAt,
						updated_at: e.updatedAt
					};
				})
			)
			.returning(['id', 'account_id', 'external_ref'])
			.execute();
		// PostgreSQL returns a multi-row INSERT's rows in VALUES order; checked, not assumed.
		if (rows.length !== batch.length) throw new Error('demo escalations were not all written');
		batch.forEach((e, k) => {
			const row = rows[k]!;
			if (row.account_id !== ids.account(e.accountIndex) || row.external_ref !== e.externalRef) {
				throw new Error('demo escalations came back out of order');
			}
			const escalationId = row.id;
			for (const p of e.pauses)
				pauses.push({ escalation_id: escalationId, from_at: p.from, to_at: p.to });
			for (const ev of e.events)
				if (ev.actionIndex === null) events.push(eventRow(escalationId, ev));
			const later = e.events.filter((ev) => ev.actionIndex !== null);
			if (later.length > 0) actionEvents.push({ escalationId, events: later });
			if (e.postmortem) {
				postmortems.push({
					escalation_id: escalationId,
					root_cause: e.postmortem.rootCause,
					summary: e.postmortem.summary,
					written_by: ids.user(e.postmortem.writtenByUserIndex),
					at: e.postmortem.writtenAt
				});
			}
			for (const action of e.actions) {
				actions.push({ escalationId, accountId: row.account_id, action });
			}
		});
	}

	for (const part of chunks(pauses, JSON_ROWS)) {
		await sql`
			insert into escalation_pauses (escalation_id, from_at, to_at)
			select escalation_id, from_at, to_at
			from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as r(
				escalation_id int, from_at timestamptz, to_at timestamptz
			)`.execute(trx);
	}
	for (const part of chunks(postmortems, JSON_ROWS)) {
		await sql`
			insert into postmortems (escalation_id, root_cause, summary, written_by, created_at,
				updated_at)
			select escalation_id, root_cause, summary, written_by, at, at
			from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as r(
				escalation_id int, root_cause text, summary text, written_by int, at timestamptz
			)`.execute(trx);
	}

	// Corrective actions are tasks of the account, owned by its CSM, so they are in My work.
	const taskIds = new Map<number, number[]>();
	for (const part of chunks(actions, ESCALATION_ROWS)) {
		const rows = await trx
			.insertInto('tasks')
			.values(
				part.map(({ accountId, action }) => ({
					account_id: accountId,
					title: action.title,
					owner_user_id: ids.user(action.ownerUserIndex),
					due_date: action.dueDate,
					status: action.status,
					source: 'postmortem',
					completed_at: date(action.completedAt),
					completed_by: action.completedAt === null ? null : ids.user(action.ownerUserIndex),
					created_at: action.createdAt,
					updated_at: action.completedAt ?? action.createdAt
				}))
			)
			.returning(['id', 'title'])
			.execute();
		if (rows.length !== part.length)
			throw new Error('demo corrective actions were not all written');
		part.forEach(({ escalationId, action }, k) => {
			if (rows[k]!.title !== action.title) {
				throw new Error('demo corrective actions came back out of order');
			}
			const list = taskIds.get(escalationId) ?? [];
			list.push(rows[k]!.id);
			taskIds.set(escalationId, list);
		});
		await trx
			.insertInto('escalation_actions')
			.values(
				part.map(({ escalationId }, k) => ({ task_id: rows[k]!.id, escalation_id: escalationId }))
			)
			.execute();
	}
	// The timeline is read by time: these go in last without disturbing it.
	for (const { escalationId, events: later } of actionEvents) {
		for (const ev of later) {
			const taskId = taskIds.get(escalationId)![ev.actionIndex!]!;
			events.push(eventRow(escalationId, ev, { ...ev.data, task_id: taskId }));
		}
	}
	for (const part of chunks(events, JSON_ROWS)) {
		await sql`
			insert into escalation_events (escalation_id, kind, actor_id, body, data, at)
			select escalation_id, kind, actor_id, body, data, at
			from jsonb_to_recordset(${JSON.stringify(part)}::jsonb) as r(
				escalation_id int, kind text, actor_id int, body text, data jsonb, at timestamptz
			)`.execute(trx);
	}
	return {
		escalations: planned.length,
		escalationEvents: events.length,
		postmortems: postmortems.length,
		correctiveActions: actions.length,
		p1Breaches: p1BreachOnsets(planned)
	};
}

/** The SLA policies and each region's default calendar with its holidays: three reads. */
async function loadRules(trx: Transaction<Database>): Promise<EscalationRules> {
	const [policies, regions] = await Promise.all([listPolicies(trx), listRegionCalendars(trx)]);
	const calendars = await calendarsByIds(
		trx,
		regions.map((r) => r.calendar_id)
	);
	const regionCalendars: Partial<Record<Region, DemoCalendar>> = {};
	for (const r of regions) {
		const calendar = calendars.get(r.calendar_id);
		if (calendar) regionCalendars[r.region] = { id: r.calendar_id, calendar };
	}
	return {
		policies: policies.map((p) => ({
			supportPackage: p.support_package,
			priority: p.priority,
			responseMinutes: p.response_minutes,
			resolutionMinutes: p.resolution_minutes,
			clock: p.clock
		})),
		regionCalendars
	};
}

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

function* chunks<T>(rows: readonly T[], size: number): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

import { sql } from 'kysely';
import { STOPPED_STATUSES, escalationClocks, nextWarningAt } from '../../domain/escalation';
import type { Db } from '../db/database';
import { publish } from '../events/events';
import { clockContext } from '../escalations/escalation-clock';
import { healthInputsChanged } from '../health/health-refresh';

const notPaused = sql<boolean>`not exists (
	select from escalation_pauses p where p.escalation_id = escalations.id and p.to_at is null
)`;

/**
 * Records what the passage of time did to open escalations: clocks past 75 % warn once, clocks
 * past due are breached once, each with an event on the timeline. Every update is conditional
 * on the mark not being set yet, so several instances sweeping at once record each event once.
 * A breach changes the account's health (support) and may raise the P1 churn flag, in the same
 * transaction. Returns what it marked.
 */
export async function runSlaSweep(db: Db, now = new Date()) {
	return db.transaction().execute(async (trx) => {
		const responseBreached = await trx
			.updateTable('escalations')
			.set({ response_breached_at: sql<Date>`response_due_at` })
			.where('status', 'not in', STOPPED_STATUSES)
			.where('acknowledged_at', 'is', null)
			.where('response_breached_at', 'is', null)
			.where('response_due_at', '<=', now)
			.returning(['id', 'account_id', 'priority'])
			.execute();
		const resolutionBreached = await trx
			.updateTable('escalations')
			.set({ resolution_breached_at: sql<Date>`resolution_due_at` })
			.where('status', 'not in', STOPPED_STATUSES)
			.where('resolution_breached_at', 'is', null)
			.where('resolution_due_at', '<=', now)
			.where(notPaused)
			.returning(['id', 'account_id', 'priority'])
			.execute();
		const breaches = [
			...responseBreached.map((e) => ({ ...e, clock: 'response' })),
			...resolutionBreached.map((e) => ({ ...e, clock: 'resolution' }))
		];
		if (breaches.length > 0) {
			await trx
				.insertInto('escalation_events')
				.values(
					breaches.map((e) => ({
						escalation_id: e.id,
						kind: 'breach' as const,
						actor_id: null,
						data: JSON.stringify({ clock: e.clock }),
						at: now
					}))
				)
				.execute();
		}

		// Warnings need the calendar: measured only once an escalation's warning moment has come.
		const candidates = await trx
			.selectFrom('escalations')
			.select([
				'id',
				'clock',
				'calendar_id',
				'opened_at',
				'response_due_at',
				'resolution_due_at',
				'acknowledged_at',
				'resolved_at',
				'warn_at'
			])
			.where('warned_at', 'is', null)
			.where('warn_at', '<=', now)
			.where('status', 'not in', STOPPED_STATUSES)
			.execute();
		const contextOf = await clockContext(trx, candidates);
		const measured = candidates.map((e) => {
			const { calendar, pauses } = contextOf(e);
			const { response, resolution } = escalationClocks(e, calendar, pauses, now);
			const due = [response, resolution].some(
				(c) => c?.state === 'warning' || c?.state === 'breached'
			);
			// The clock the warning is about: the first response while it runs, else the resolution.
			const clock: 'response' | 'resolution' =
				response?.state === 'warning' || response?.state === 'breached' ? 'response' : 'resolution';
			return { e, due, clock, next: due ? null : nextWarningAt(e, calendar, pauses) };
		});
		const warn = measured.filter((m) => m.due).map((m) => m.e.id);
		// The rest are measured again at their exact moment, unless a change came in meanwhile.
		const later = measured.filter((m) => !m.due);
		if (later.length > 0) {
			const moments = later.map((m) => ({ id: m.e.id, seen: m.e.warn_at, next: m.next }));
			await sql`update escalations e set warn_at = m.next
				from jsonb_to_recordset(${JSON.stringify(moments)}::jsonb)
					as m(id integer, seen timestamptz, next timestamptz)
				where e.id = m.id and e.warn_at = m.seen and e.warned_at is null`.execute(trx);
		}
		const warned =
			warn.length === 0
				? []
				: await trx
						.updateTable('escalations')
						.set({ warned_at: now, warn_at: null })
						.where('id', 'in', warn)
						.where('warned_at', 'is', null)
						.returning(['id', 'account_id'])
						.execute();
		if (warned.length > 0) {
			await trx
				.insertInto('escalation_events')
				.values(
					warned.map((e) => ({
						escalation_id: e.id,
						kind: 'warning' as const,
						actor_id: null,
						at: now
					}))
				)
				.execute();
		}
		for (const accountId of new Set(breaches.map((e) => e.account_id))) {
			await healthInputsChanged(trx, accountId, now);
		}
		const clockOf = new Map(measured.map((m) => [m.e.id, m.clock] as const));
		await publish(
			trx,
			[
				...warned.map((e) => ({
					type: 'escalation.sla_warning' as const,
					accountId: e.account_id,
					escalationId: e.id,
					clock: clockOf.get(e.id)!
				})),
				...breaches.map((e) => ({
					type: 'escalation.sla_breach' as const,
					accountId: e.account_id,
					escalationId: e.id,
					clock: e.clock as 'response' | 'resolution'
				}))
			],
			now
		);
		return { breaches: breaches.length, warnings: warned.length };
	});
}

/** How often an instance sweeps; the conditional updates, not the timer, keep it exactly-once. */
const SWEEP_MS = 60 * 1000;

export function scheduleSlaSweep(getDb: () => Promise<Db>) {
	const tick = async () => {
		try {
			await runSlaSweep(await getDb());
		} catch (cause) {
			console.error('[keel] SLA sweep failed; it will be retried', cause);
		}
	};
	const timer = setInterval(tick, SWEEP_MS);
	timer.unref();
	return () => clearInterval(timer);
}

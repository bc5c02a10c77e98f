import { sql } from 'kysely';
import {
	CHURN_SEVERITIES,
	isActiveChurnStatus,
	type ChurnSeverity,
	type RuleHit
} from '../../domain/churn';
import { writeAuditMany, type AuditInput } from '../audit/audit.repository';
import type { Executor } from '../db/database';
import { publish, type KeelEvent } from '../events/events';
import { inScope, type HealthScope } from '../health/health-scope';

export interface AccountRuleHits {
	accountId: number;
	arr: number;
	hits: RuleHit[];
}

/** Rows per insert, well under PostgreSQL's 65,535 parameters per statement. */
const BATCH = 5000;

/** The vocabulary lists severities mildest first. */
const rank = (severity: ChurnSeverity) => CHURN_SEVERITIES.indexOf(severity);

/**
 * Brings rule-raised flags in line with what the rules see now, set-based. A rule whose
 * condition holds keeps one flag per episode: the first hit raises it, later hits update its
 * severity when that worsens (never a duplicate), and a flag a CSM dismissed stays dismissed
 * until the condition clears. When it clears, the flag is marked so and left for a person to
 * resolve; the next time the condition holds it raises a new flag.
 */
export async function applyRuleHits(
	db: Executor,
	scope: HealthScope,
	accounts: readonly AccountRuleHits[],
	now: Date
) {
	if (accounts.length === 0) return;
	const episodes = await db
		.selectFrom('churn_flags')
		.select(['id', 'account_id', 'rule', 'severity', 'status'])
		.where('condition_active', '=', true)
		.where(inScope('account_id', scope))
		.execute();
	const episodeOf = new Map(episodes.map((e) => [`${e.account_id}:${e.rule}`, e]));

	const raise: { accountId: number; arr: number; hit: RuleHit }[] = [];
	const worsen: { id: number; accountId: number; from: ChurnSeverity; hit: RuleHit }[] = [];
	const held = new Set<number>();
	for (const account of accounts) {
		for (const hit of account.hits) {
			const episode = episodeOf.get(`${account.accountId}:${hit.rule}`);
			if (!episode) {
				raise.push({ accountId: account.accountId, arr: account.arr, hit });
				continue;
			}
			held.add(episode.id);
			if (isActiveChurnStatus(episode.status) && rank(hit.severity) > rank(episode.severity)) {
				worsen.push({ id: episode.id, accountId: account.accountId, from: episode.severity, hit });
			}
		}
	}
	const cleared = episodes.filter((e) => !held.has(e.id));

	const audit: AuditInput[] = [];
	// Reaching critical is news for webhooks and people: when raised so, or when worsened to it.
	const critical: KeelEvent[] = [];
	const becameCritical = (accountId: number, flagId: number) =>
		critical.push({ type: 'churn_flag.critical_raised', accountId, flagId });
	for (let i = 0; i < raise.length; i += BATCH) {
		const batch = raise.slice(i, i + BATCH);
		const created = await db
			.insertInto('churn_flags')
			.values(
				batch.map(({ accountId, arr, hit }) => ({
					account_id: accountId,
					rule: hit.rule,
					condition_active: true,
					rule_detail: JSON.stringify(hit.detail),
					severity: hit.severity,
					reason: hit.reason,
					arr_at_risk: arr,
					created_at: now,
					updated_at: now
				}))
			)
			// Another transaction (a live change beside the daily pass) may have raised the same
			// episode since the episodes were read: theirs stands, this one is not raised twice.
			.onConflict((oc) =>
				oc.columns(['account_id', 'rule']).where('condition_active', '=', true).doNothing()
			)
			.returning(['id', 'account_id', 'rule', 'severity', 'reason', 'arr_at_risk', 'rule_detail'])
			.execute();
		await logEvents(
			db,
			created.map((f) => ({ flagId: f.id, kind: 'raised', data: f.rule_detail })),
			now
		);
		for (const f of created) {
			if (f.severity === 'critical') becameCritical(f.account_id, f.id);
			audit.push({
				actorId: null,
				accountId: f.account_id,
				entity: 'churn_flag',
				entityId: f.id,
				action: 'create',
				after: f
			});
		}
	}
	if (worsen.length > 0) {
		await sql`
			update churn_flags f set severity = w.severity, rule_detail = w.detail, version = version + 1,
				updated_at = ${now}::timestamptz
			from jsonb_to_recordset(${JSON.stringify(
				worsen.map((w) => ({ id: w.id, severity: w.hit.severity, detail: w.hit.detail }))
			)}::jsonb) as w(id int, severity text, detail jsonb)
			where f.id = w.id
		`.execute(db);
		await logEvents(
			db,
			worsen.map((w) => ({
				flagId: w.id,
				kind: 'rule_update',
				data: { ...w.hit.detail, severity: w.hit.severity, previous_severity: w.from }
			})),
			now
		);
		for (const w of worsen) {
			if (w.hit.severity === 'critical') becameCritical(w.accountId, w.id);
			audit.push({
				actorId: null,
				accountId: w.accountId,
				entity: 'churn_flag',
				entityId: w.id,
				action: 'update',
				before: { severity: w.from },
				after: { severity: w.hit.severity, rule_detail: w.hit.detail }
			});
		}
	}
	if (cleared.length > 0) {
		await db
			.updateTable('churn_flags')
			.set({ condition_active: false, updated_at: now, version: sql<number>`version + 1` })
			.where(
				'id',
				'in',
				cleared.map((e) => e.id)
			)
			.execute();
		await logEvents(
			db,
			cleared.map((e) => ({ flagId: e.id, kind: 'condition_cleared', data: null })),
			now
		);
		for (const e of cleared) {
			audit.push({
				actorId: null,
				accountId: e.account_id,
				entity: 'churn_flag',
				entityId: e.id,
				action: 'update',
				before: { condition_active: true },
				after: { condition_active: false }
			});
		}
	}
	await writeAuditMany(db, audit);
	await publish(db, critical, now);
}

async function logEvents(
	db: Executor,
	events: {
		flagId: number;
		kind: 'raised' | 'rule_update' | 'condition_cleared';
		data: object | null;
	}[],
	at: Date
) {
	for (let i = 0; i < events.length; i += BATCH) {
		await db
			.insertInto('churn_flag_events')
			.values(
				events.slice(i, i + BATCH).map((e) => ({
					flag_id: e.flagId,
					kind: e.kind,
					data: e.data && JSON.stringify(e.data),
					at
				}))
			)
			.execute();
	}
}

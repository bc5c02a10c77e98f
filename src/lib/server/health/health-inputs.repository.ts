import { sql, type RawBuilder } from 'kysely';
import { DROP_WINDOW_DAYS, withScore, type RecentHigh } from '../../domain/churn';
import { SENTIMENT_WINDOW_DAYS, type HealthFacts } from '../../domain/health';
import { PRIORITIES } from '../../domain/escalation';
import {
	INPUTS_VERSION,
	STORED_INPUTS,
	SUPPORT_HISTORY_DAYS,
	TREND_MONTHS,
	decodeHealthInputs,
	healthFactsOn,
	type HealthInputs,
	type StoredHealthInputs,
	type StoredInput
} from '../../domain/health-inputs';
import { addDays } from '../../domain/dates';
import type { Region, Segment } from '../../domain/vocabulary';
import type { Executor } from '../db/database';
import { inScope, isEmpty, type HealthScope } from './health-scope';

/**
 * The health inputs of every account in scope as its sections hold them now, in one set-based
 * query: each input is one grouped aggregate joined by account. Days are worked out in each
 * account's zone, and stored as day numbers. Rows of (account_id, inputs) in the stored form
 * (`StoredHealthInputs`).
 */
function inputsFromSections(scope: HealthScope, now: Date) {
	// The scope on every aggregate keeps a live change to index lookups.
	const within = (column: string) => inScope(column, scope);
	// Days as day numbers: a date column's, and an instant's in the account's zone.
	const dayOf = (column: string) => sql`${sql.ref(column)} - date '1970-01-01'`;
	const localDay = (at: string) =>
		sql`((${sql.ref(at)} at time zone s.time_zone)::date - date '1970-01-01')`;
	// Each place of the stored array by name; the select below lays them out in their order.
	const stored: Record<StoredInput, RawBuilder<unknown>> = {
		version: sql`${INPUTS_VERSION}::int`,
		lastTaskDay: localDay('td.at'),
		lastMeetingDay: localDay('m.last_at'),
		lastReviewDay: localDay('rh.at'),
		// Epoch milliseconds, cut as a JavaScript Date would cut the microseconds.
		nextMeetingAt: sql`floor(extract(epoch from m.next_at) * 1000)::bigint`,
		nextMeetingDay: localDay('m.next_at'),
		onboardingActive: sql`ob.account_id is not null`,
		openObjectives: sql`coalesce(obj.open, 0)`,
		atRiskObjectives: sql`coalesce(obj.at_risk, 0)`,
		openP1: sql`coalesce(es.open_p1, 0)`,
		openP2: sql`coalesce(es.open_p2, 0)`,
		openP3: sql`coalesce(es.open_p3, 0)`,
		openP4: sql`coalesce(es.open_p4, 0)`,
		breachedOpenP1: sql`coalesce(es.breached_p1, 0)`,
		lastEscalationDay: sql`es.last_day`,
		openItemDue: sql`coalesce(oi.due, '[]')`,
		openObjectiveDue: sql`coalesce(obj.due, '[]')`,
		adoptionMonths: sql`coalesce(ad.months, '[]')`,
		adoption: sql`coalesce(ad.adoption, '[]')`,
		breachDays: sql`coalesce(es.breach_days, '[]')`,
		npsDays: sql`coalesce(fs.nps_days, '[]')`,
		npsScores: sql`coalesce(fs.nps, '[]')`,
		csatDays: sql`coalesce(fs.csat_days, '[]')`,
		csatScores: sql`coalesce(fs.csat, '[]')`
	};
	return sql`
		with scope as (select id, time_zone from accounts where ${within('id')}),
		meetings as (
			select account_id,
				max(starts_at) filter (where starts_at <= ${now}) as last_at,
				min(starts_at) filter (where starts_at > ${now}) as next_at
			from kickoff_meetings where ${within('account_id')} group by account_id
		),
		-- Business reviews held: a touch like a meeting.
		reviews_held as (
			select account_id, max(starts_at) as at from business_reviews
			where status = 'held' and starts_at <= ${now} and ${within('account_id')}
			group by account_id
		),
		-- Scores given in the sentiment window, with a day to spare for any zone's today: days and
		-- scores as parallel lists, each in the same order.
		feedback_scores as (
			select account_id,
				jsonb_agg(${dayOf('received_on')} order by received_on, score)
					filter (where kind = 'nps') as nps_days,
				jsonb_agg(score order by received_on, score) filter (where kind = 'nps') as nps,
				jsonb_agg(${dayOf('received_on')} order by received_on, score)
					filter (where kind = 'csat') as csat_days,
				jsonb_agg(score order by received_on, score) filter (where kind = 'csat') as csat
			from feedback
			where kind in ('nps', 'csat') and ${within('account_id')}
				and received_on >= (${now}::timestamptz at time zone 'UTC')::date - ${SENTIMENT_WINDOW_DAYS + 1}::int
			group by account_id
		),
		tasks_done as (
			select account_id, max(completed_at) as at from tasks
			where status = 'done' and ${within('account_id')} group by account_id
		),
		onboarding as (
			select id, account_id from onboardings
			where status = 'active' and ${within('account_id')}
		),
		open_items as (
			select ob.account_id, jsonb_agg(${dayOf('t.due_date')} order by t.due_date) as due
			from onboarding ob
			join onboarding_items i on i.onboarding_id = ob.id
			join tasks t on t.id = i.task_id
			where t.status = 'open' and t.due_date is not null
			group by ob.account_id
		),
		objectives as (
			select account_id,
				count(*) filter (where status not in ('achieved', 'dropped'))::int as open,
				count(*) filter (where status = 'at_risk')::int as at_risk,
				jsonb_agg(${dayOf('due_date')} order by due_date) filter (
					where status not in ('achieved', 'dropped', 'at_risk') and due_date is not null
				) as due
			from plan_objectives where ${within('account_id')} group by account_id
		),
		-- The months the trend can still need: one more than it reads, for a partial month.
		adoption as (
			select account_id, jsonb_agg(${dayOf('month')} order by month) as months,
				jsonb_agg(adoption order by month) as adoption
			from account_adoption
			where month >= (date_trunc('month', ${now}::timestamptz) - ${`${TREND_MONTHS} months`}::interval)::date
				and ${within('account_id')}
			group by account_id
		),
		-- Escalations still open, and those of the last year (breaches, support history).
		escalations as (
			select account_id,
				${sql.join(
					PRIORITIES.map(
						(p) =>
							sql`count(*) filter (where status not in ('resolved', 'closed') and priority = ${p})::int
								as ${sql.id(`open_${p.toLowerCase()}`)}`
					)
				)},
				count(*) filter (
					where status not in ('resolved', 'closed') and priority = 'P1'
						and response_breached_at is not null
				)::int as breached_p1,
				coalesce(jsonb_agg(${localDay('response_breached_at')}) filter (
					where response_breached_at is not null
				), '[]') || coalesce(jsonb_agg(${localDay('resolution_breached_at')}) filter (
					where resolution_breached_at is not null
				), '[]') as breach_days,
				max(${localDay('opened_at')}) as last_day
			from escalations e join scope s on s.id = e.account_id
			where ${within('e.account_id')}
				and (status not in ('resolved', 'closed')
					or opened_at >= ${now}::timestamptz - ${`${SUPPORT_HISTORY_DAYS} days`}::interval)
			group by account_id
		)
		select s.id as account_id,
			jsonb_build_array(${sql.join(STORED_INPUTS.map((input) => stored[input]))}) as inputs
		from scope s
		left join meetings m on m.account_id = s.id
		left join tasks_done td on td.account_id = s.id
		left join onboarding ob on ob.account_id = s.id
		left join open_items oi on oi.account_id = s.id
		left join objectives obj on obj.account_id = s.id
		left join adoption ad on ad.account_id = s.id
		left join escalations es on es.account_id = s.id
		left join reviews_held rh on rh.account_id = s.id
		left join feedback_scores fs on fs.account_id = s.id`;
}

/** Re-reads the health inputs of every account in scope from its sections, and stores them. */
export async function storeHealthInputs(db: Executor, scope: HealthScope, now: Date) {
	if (isEmpty(scope)) return;
	await sql`
		insert into health_inputs (account_id, inputs, read_at)
		select account_id, inputs, ${now} from (${inputsFromSections(scope, now)}) read
		on conflict (account_id) do update set inputs = excluded.inputs, read_at = excluded.read_at
	`.execute(db);
}

/**
 * Every day of the drop rule's window before today in any zone: today is at most a day either
 * side of UTC's.
 */
function windowDays(now: Date) {
	const utcToday = now.toISOString().slice(0, 10);
	return Array.from({ length: DROP_WINDOW_DAYS + 2 }, (_, i) => addDays(utcToday, -i));
}

export interface AccountHealthInputs {
	accountId: number;
	segment: Segment;
	region: Region;
	/** Today in the account's time zone. */
	today: string;
	arr: number;
	daysToRenewal: number | null;
	/** The highest score seen in the drop rule's window before this pass, and its day. */
	recentHigh: RecentHigh | null;
	/** Open P1 escalations past their first-response target: the churn rule's input. */
	breachedP1: number;
	facts: HealthFacts;
}

/**
 * Every account in scope with its inputs as facts of its today, and the drop rule's high. From
 * the stored inputs (one narrow row per account, whatever the size of its history), or, for a
 * page showing what the data says this moment, read from the sections themselves.
 */
export async function gatherHealthInputs(
	db: Executor,
	scope: HealthScope,
	now: Date,
	from: 'stored' | 'sections' = 'stored'
): Promise<AccountHealthInputs[]> {
	return (await readHealthInputs(db, scope, now, from)).ready;
}

/**
 * As `gatherHealthInputs`, and the accounts in scope whose stored inputs are missing (created
 * before the store existed, say) or in an older shape: found by the same scan, rather than by a
 * query of its own that reads every account's inputs again.
 */
export async function readHealthInputs(
	db: Executor,
	scope: HealthScope,
	now: Date,
	from: 'stored' | 'sections' = 'stored'
): Promise<{ ready: AccountHealthInputs[]; unread: number[] }> {
	if (isEmpty(scope)) return { ready: [], unread: [] };
	const window = sql`${DROP_WINDOW_DAYS}::int`;
	const result = await sql<InputsRow & { inputs: StoredHealthInputs | null }>`
		-- Today per zone, worked out once per zone rather than once per account.
		with zones as (
			select time_zone, (${now}::timestamptz at time zone time_zone)::date as today
			from (select distinct time_zone from accounts where ${inScope('id', scope)}) z
		),
		scope as (
			select a.id, a.segment, a.region, a.arr, a.renewal_date, z.today
			from accounts a join zones z on z.time_zone = a.time_zone
			where ${inScope('a.id', scope)}
		)
		-- The drop rule's high: kept on account_health while it stays in the window; only one
		-- that has left it, or none known, is read again from the daily snapshots (by day and
		-- account: their key).
		select s.id as account_id, s.segment, s.region, s.today::text as today, s.arr,
			(s.renewal_date - s.today) as days_to_renewal, i.inputs, h.score as current,
			case when h.recent_high_on >= s.today - ${window} then h.recent_high else w.score end
				as kept_high,
			case when h.recent_high_on >= s.today - ${window} then h.recent_high_on else w.day end::text
				as kept_high_on
		from scope s
		${
			from === 'stored'
				? // The scope again on the inputs: a range's pass reads only its own rows of them.
					sql`left join health_inputs i on i.account_id = s.id and ${inScope('i.account_id', scope)}
						and (i.inputs->>0)::int = ${INPUTS_VERSION}`
				: sql`join (${inputsFromSections(scope, now)}) i on i.account_id = s.id`
		}
		left join account_health h on h.account_id = s.id
		left join lateral (
			select x.score, x.day from health_snapshots x
			where (h.recent_high_on is null or h.recent_high_on < s.today - ${window})
				and x.day = any(${windowDays(now)}::date[]) and x.account_id = s.id
				and x.day >= s.today - ${window} and x.day < s.today and x.score is not null
			order by x.score desc, x.day desc
			limit 1
		) w on true
	`.execute(db);

	const ready: AccountHealthInputs[] = [];
	const unread: number[] = [];
	for (const r of result.rows) {
		if (r.inputs === null) unread.push(r.account_id);
		else ready.push(facts(r, decodeHealthInputs(r.inputs), now));
	}
	return { ready, unread };
}

/** An account's row of the query above, but for its stored inputs. */
interface InputsRow {
	account_id: number;
	segment: Segment;
	region: Region;
	today: string;
	arr: number;
	days_to_renewal: number | null;
	kept_high: number | null;
	kept_high_on: string | null;
	current: number | null;
}

function facts(r: InputsRow, inputs: HealthInputs, now: Date): AccountHealthInputs {
	return {
		accountId: r.account_id,
		segment: r.segment,
		region: r.region,
		today: r.today,
		arr: r.arr,
		daysToRenewal: r.days_to_renewal,
		// The score that held until now was seen today, whatever the snapshots say.
		recentHigh: withScore(
			r.kept_high === null ? null : { high: r.kept_high, on: r.kept_high_on! },
			r.current,
			r.today
		),
		breachedP1: inputs.breachedOpenP1,
		facts: healthFactsOn(inputs, r.today, now)
	};
}

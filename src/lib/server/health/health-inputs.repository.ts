import { sql } from 'kysely';
import type { HealthFacts } from '../../domain/health';
import { DROP_WINDOW_DAYS } from '../../domain/churn';
import { daysBetween } from '../../domain/dates';
import type { Segment } from '../../domain/vocabulary';
import type { Executor } from '../db/database';
import { inScope, isEmpty, type HealthScope } from './health-scope';

/** Months of adoption the trend compares: the last three against the three before. */
const TREND_MONTHS = 6;

export interface AccountHealthInputs {
	accountId: number;
	segment: Segment;
	/** Today in the account's time zone. */
	today: string;
	arr: number;
	daysToRenewal: number | null;
	/** The highest daily score in the drop rule's window before today, and its day. */
	recentHigh: number | null;
	recentHighOn: string | null;
	facts: HealthFacts;
}

/**
 * Every fact the health model and the churn rules read, for every account in scope, in one
 * set-based query: each input is one grouped aggregate joined by account, so 100,000 accounts
 * cost a handful of scans rather than a query each. Days are counted in each account's zone.
 */
export async function gatherHealthInputs(
	db: Executor,
	scope: HealthScope,
	now: Date
): Promise<AccountHealthInputs[]> {
	if (isEmpty(scope)) return [];
	// The scope on every aggregate keeps a live pass to index lookups.
	const within = (column: string) => inScope(column, scope);

	const result = await sql<{
		account_id: number;
		segment: Segment;
		today: string;
		arr: number;
		days_to_renewal: number | null;
		adoption_history: (number | null)[] | null;
		adoption_month: string | null;
		last_meeting_day: string | null;
		last_task_day: string | null;
		overdue_items: number | null;
		onboarding_active: boolean | null;
		open_objectives: number | null;
		at_risk_objectives: number | null;
		overdue_objectives: number | null;
		recent_high: number | null;
		recent_high_on: string | null;
	}>`
		with scope as (
			select id, segment, arr, time_zone, renewal_date,
				(${now}::timestamptz at time zone time_zone)::date as today
			from accounts where ${within('id')}
		),
		meetings as (
			select account_id, max(starts_at) as at from kickoff_meetings
			where starts_at <= ${now} and ${within('account_id')} group by account_id
		),
		tasks_done as (
			select account_id, max(completed_at) as at from tasks
			where status = 'done' and ${within('account_id')} group by account_id
		),
		-- Active onboardings, and their open items past due counted from the few open overdue
		-- tasks rather than by walking every item of every checklist.
		onboarding as (
			select o.id, o.account_id, s.today
			from onboardings o join scope s on s.id = o.account_id
			where o.status = 'active'
		),
		overdue_items as (
			select ob.account_id, count(*)::int as n
			from tasks t
			join onboarding_items i on i.task_id = t.id
			join onboarding ob on ob.id = i.onboarding_id
			where t.source = 'onboarding' and t.status = 'open' and t.due_date < ob.today
			group by ob.account_id
		),
		objectives as (
			select p.account_id,
				count(*) filter (where p.status not in ('achieved', 'dropped'))::int as open,
				count(*) filter (where p.status = 'at_risk')::int as at_risk,
				count(*) filter (
					where p.status not in ('achieved', 'dropped', 'at_risk') and p.due_date < s.today
				)::int as overdue
			from plan_objectives p join scope s on s.id = p.account_id
			group by p.account_id
		),
		-- The last months of adoption (one more than the trend reads, for a partial current
		-- month): one pass over the recent rows of the index, not a probe per account.
		adoption as (
			select account_id, array_agg(adoption order by month) as history,
				max(month) as latest_month
			from account_adoption
			where month >= (date_trunc('month', ${now}::timestamptz) - ${`${TREND_MONTHS} months`}::interval)::date
				and ${within('account_id')}
			group by account_id
		),
		-- The drop rule's high: the highest daily score in the window before today. Kept on
		-- account_health as days go by: today's is reused, yesterday's slides (the stored high
		-- while it stays in the window, against the score that held until today), and only a
		-- high that has left the window, or none known, is read again from the snapshots.
		highs as (
			select s.id as account_id,
				case when h.high_as_of = s.today then h.recent_high
					when h.high_as_of < s.today then greatest(w.high, h.score)
					else w.high end as high,
				case when h.high_as_of = s.today then h.recent_high_on
					when h.high_as_of < s.today and h.score >= coalesce(w.high, -1) then s.today - 1
					else w.high_on end as high_on
			from scope s
			left join account_health h on h.account_id = s.id
			left join lateral (
				select h.recent_high as high, h.recent_high_on as high_on
				where h.high_as_of is not null
					and h.recent_high_on >= s.today - ${DROP_WINDOW_DAYS}::int
				union all
				(
					select x.score, x.day from health_snapshots x
					where h.high_as_of is distinct from s.today
						and (h.high_as_of is null or h.recent_high_on is null
							or h.recent_high_on < s.today - ${DROP_WINDOW_DAYS}::int)
						and x.account_id = s.id and x.score is not null
						and x.day >= s.today - ${DROP_WINDOW_DAYS}::int and x.day < s.today
					order by x.score desc, x.day desc
					limit 1
				)
			) w on true
		)
		select s.id as account_id, s.segment, s.today::text as today, s.arr,
			(s.renewal_date - s.today) as days_to_renewal,
			ad.history as adoption_history, ad.latest_month::text as adoption_month,
			(m.at at time zone s.time_zone)::date::text as last_meeting_day,
			(td.at at time zone s.time_zone)::date::text as last_task_day,
			ov.n as overdue_items, ob.account_id is not null as onboarding_active,
			obj.open as open_objectives, obj.at_risk as at_risk_objectives,
			obj.overdue as overdue_objectives,
			hi.high as recent_high, hi.high_on::text as recent_high_on
		from scope s
		left join adoption ad on ad.account_id = s.id
		left join meetings m on m.account_id = s.id
		left join tasks_done td on td.account_id = s.id
		left join onboarding ob on ob.account_id = s.id
		left join overdue_items ov on ov.account_id = s.id
		left join objectives obj on obj.account_id = s.id
		left join highs hi on hi.account_id = s.id
	`.execute(db);

	return result.rows.map((r) => {
		const history = (r.adoption_history ?? []).slice(-TREND_MONTHS);
		const touch = lastTouch(r.last_meeting_day, r.last_task_day, r.today);
		const progress = {
			overdueItems: r.overdue_items ?? 0,
			openObjectives: r.open_objectives ?? 0,
			atRiskObjectives: r.at_risk_objectives ?? 0,
			overdueObjectives: r.overdue_objectives ?? 0,
			onboardingActive: r.onboarding_active ?? false,
			hasWork: (r.onboarding_active ?? false) || (r.open_objectives ?? 0) > 0
		};
		return {
			accountId: r.account_id,
			segment: r.segment,
			today: r.today,
			arr: r.arr,
			daysToRenewal: r.days_to_renewal,
			recentHigh: r.recent_high,
			recentHighOn: r.recent_high_on,
			facts: {
				adoption: history.at(-1) ?? null,
				adoptionMonth: r.adoption_month,
				adoptionHistory: history,
				touch,
				progress
			}
		};
	});
}

/** The later of the last meeting and the last completed task, in days before today. */
function lastTouch(meetingDay: string | null, taskDay: string | null, today: string) {
	const candidates = [
		meetingDay && { kind: 'meeting' as const, day: meetingDay },
		taskDay && { kind: 'task' as const, day: taskDay }
	].filter((t) => !!t);
	const latest = candidates.sort((a, b) => b.day.localeCompare(a.day))[0];
	if (!latest) return null;
	return { ...latest, days: Math.max(0, daysBetween(latest.day, today)) };
}

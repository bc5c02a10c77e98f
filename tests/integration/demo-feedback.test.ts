import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween } from '../../src/lib/domain/dates';
import {
	FEEDBACK_STATUSES,
	csatAverage,
	isLibraryTheme,
	needsFollowUp,
	netPromoterScore,
	type FeedbackKind
} from '../../src/lib/domain/feedback';
import { REVIEW_KINDS, REVIEW_STATUSES } from '../../src/lib/domain/review';
import type { Locale } from '../../src/lib/domain/vocabulary';
import { instantToZoned } from '../../src/lib/domain/zoned-time';
import { loadCatalogue } from '../../src/lib/i18n/catalogue';
import { format } from '../../src/lib/i18n/format';
import type { Db } from '../../src/lib/server/db/database';
import { seedDemo, type SeedDemoResult } from '../../src/lib/server/demo/demo-data';
import { FEEDBACK_TEXT } from '../../src/lib/server/demo/demo-feedback-text';
import { REVIEW_TEXT } from '../../src/lib/server/demo/demo-reviews-text';
import { MARKETS } from '../../src/lib/server/demo/demo-vocabulary';
import { rebuildRollup } from '../../src/lib/server/feedback/feedback-rollup.repository';
import { flags } from '../../src/lib/server/reviews/cadence.service';
import { ENGINE, useTestDatabase } from '../support/test-database';

const TODAY = '2026-11-22';
const NOW = new Date(`${TODAY}T12:00:00Z`);
const ACCOUNTS = 200;

/** The language of an account's market, by its time zone (each market has its own). */
const LOCALE_OF = new Map(MARKETS.map((m) => [m.timeZone, m.locale]));
const localeOf = (timeZone: string): Locale => LOCALE_OF.get(timeZone)!;

/** Reviews, their actions, feedback and its follow-ups as text, keyed by CRM id and email. */
async function demoHash(db: Db) {
	const { rows } = await sql<{ reviews: string; actions: string; feedback: string }>`
		select
			(select md5(string_agg(x, ';' order by x)) from (
				select concat_ws('|', a.external_id, r.kind, r.title, r.status, r.starts_at,
					r.duration_minutes, r.time_zone, r.location, r.agenda, r.notes, r.decisions,
					r.cancel_reason, u.email, r.created_at, r.updated_at,
					(select string_agg(coalesce(c.email, m.email), ',' order by e.ord)
						from jsonb_array_elements(r.attendees) with ordinality e(v, ord)
						left join contacts c on e.v->>'kind' = 'contact' and c.id = (e.v->>'id')::int
						left join users m on e.v->>'kind' = 'user' and m.id = (e.v->>'id')::int)) as x
				from business_reviews r join accounts a on a.id = r.account_id
				left join users u on u.id = r.created_by) s) as reviews,
			(select md5(string_agg(x, ';' order by x)) from (
				select concat_ws('|', a.external_id, r.title, t.title, o.email, t.due_date, t.status,
					t.completed_at, t.created_at) as x
				from review_actions ra join business_reviews r on r.id = ra.review_id
				join tasks t on t.id = ra.task_id join accounts a on a.id = t.account_id
				left join users o on o.id = t.owner_user_id) s) as actions,
			(select md5(string_agg(x, ';' order by x)) from (
				select concat_ws('|', a.external_id, f.kind, f.score, f.comment, f.source, c.email,
					r.title, f.received_on, f.themes::text, f.routed_team, f.status, f.segment, f.region,
					f.sales_channel, m.email, b.email, f.created_at, f.updated_at, t.title, t.description,
					t.due_date, t.status, t.completed_at) as x
				from feedback f join accounts a on a.id = f.account_id
				left join contacts c on c.id = f.contact_id
				left join business_reviews r on r.id = f.review_id
				left join users m on m.id = f.csm_id left join users b on b.id = f.created_by
				left join tasks t on t.id = f.follow_up_task_id) s) as feedback`.execute(db);
	return rows[0]!;
}

let firstHash: Awaited<ReturnType<typeof demoHash>> | undefined;

describe(`demo reviews and feedback on ${ENGINE}`, () => {
	const t = useTestDatabase();
	let result: SeedDemoResult;

	it('writes the counts it reports', async () => {
		result = await seedDemo(t.db, { accounts: ACCOUNTS, today: TODAY });
		const { rows } = await sql<Record<string, number>>`
			select
				(select count(*) from business_reviews)::int as reviews,
				(select count(*) from review_actions)::int as review_actions,
				(select count(*) from tasks where source = 'review')::int as review_tasks,
				(select count(*) from feedback)::int as feedback,
				(select count(*) from feedback where follow_up_task_id is not null)::int as linked,
				(select count(*) from tasks where source = 'feedback')::int as follow_ups`.execute(t.db);
		const n = rows[0]!;
		expect(result.reviews).toBe(n.reviews);
		expect(result.reviewActions).toBe(n.review_actions);
		expect(n.review_tasks).toBe(n.review_actions);
		expect(result.feedback).toBe(n.feedback);
		expect(result.feedbackFollowUps).toBe(n.follow_ups);
		expect(n.linked).toBe(n.follow_ups);
		// About 8–40 responses per account over the two years.
		expect(result.feedback).toBeGreaterThan(ACCOUNTS * 8);
		expect(result.feedback).toBeLessThan(ACCOUNTS * 30);
	});

	it('puts the feedback’s foreign keys back as the migration made them', async () => {
		const { rows } = await sql<{ definition: string }>`
			select pg_get_constraintdef(oid) as definition from pg_constraint
			where conrelid = 'feedback'::regclass and contype = 'f' order by 1`.execute(t.db);
		expect(rows.map((r) => r.definition)).toEqual([
			'FOREIGN KEY (account_id) REFERENCES accounts(id) ON DELETE CASCADE',
			'FOREIGN KEY (contact_id) REFERENCES contacts(id) ON DELETE SET NULL',
			'FOREIGN KEY (created_by) REFERENCES users(id)',
			'FOREIGN KEY (csm_id) REFERENCES users(id)',
			'FOREIGN KEY (follow_up_task_id) REFERENCES tasks(id) ON DELETE SET NULL',
			'FOREIGN KEY (review_id) REFERENCES business_reviews(id) ON DELETE SET NULL'
		]);
	});

	it('covers two years of feedback, none after today, each account in its own language', async () => {
		const rows = await t.db
			.selectFrom('feedback as f')
			.innerJoin('accounts as a', 'a.id', 'f.account_id')
			.select(['f.received_on', 'f.comment', 'a.time_zone'])
			.execute();
		const days = rows.map((r) => r.received_on).sort();
		expect(days[0]! > addMonths(TODAY, -24)).toBe(true);
		expect(days[0]! < addMonths(TODAY, -23)).toBe(true);
		expect(days.at(-1)! <= TODAY).toBe(true);
		expect(new Set(days.map((d) => d.slice(0, 7))).size).toBe(25);

		const texts = (locale: Locale) => new Set(FEEDBACK_TEXT.map((s) => s.text[locale]));
		const seen = new Map<Locale, number>();
		for (const r of rows.filter((r) => r.comment !== '')) {
			const locale = localeOf(r.time_zone);
			expect(texts(locale).has(r.comment), `${r.comment} (${locale})`).toBe(true);
			seen.set(locale, (seen.get(locale) ?? 0) + 1);
		}
		for (const locale of ['en', 'pt-BR', 'es'] as const) {
			expect(seen.get(locale), locale).toBeGreaterThan(50);
		}
	});

	it('shows survey waves and seasons: NPS in March and September, dipping in December–January, CSAT best mid-year', async () => {
		const { rows } = await sql<{ month: number; kind: FeedbackKind; n: number; mean: number }>`
			select extract(month from received_on)::int as month, kind, count(*)::int as n,
				avg(score)::float8 as mean
			from feedback where kind in ('nps', 'csat') group by 1, 2`.execute(t.db);
		const pick = (kind: FeedbackKind, months: number[]) => {
			const own = rows.filter((r) => r.kind === kind && months.includes(r.month));
			const n = own.reduce((s, r) => s + r.n, 0);
			return { n, mean: own.reduce((s, r) => s + r.mean * r.n, 0) / n };
		};
		const rest = (months: number[]) =>
			Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => !months.includes(m));
		// Waves: most NPS answers come in the two survey months.
		const waves = pick('nps', [3, 9]);
		expect(waves.n).toBeGreaterThan(pick('nps', rest([3, 9])).n);
		// Holiday support load and price renewals.
		const winter = [12, 1];
		expect(pick('nps', winter).mean).toBeLessThan(pick('nps', rest(winter)).mean - 0.4);
		expect(pick('csat', [6, 7, 8]).mean).toBeGreaterThan(pick('csat', winter).mean + 0.2);
	});

	it('differs by segment, channel and region as a trends chart shows it (the monthly totals)', async () => {
		const totals = async (group: 'segment' | 'region' | 'sales_channel') => {
			const { rows } = await sql<{
				group: string;
				responses: number;
				promoters: number;
				passives: number;
				detractors: number;
				csat_count: number;
				csat_sum: number;
			}>`
				select ${sql.ref(group)} as group, sum(responses)::int as responses,
					sum(promoters)::int as promoters, sum(passives)::int as passives,
					sum(detractors)::int as detractors, sum(csat_count)::int as csat_count,
					sum(csat_sum)::int as csat_sum
				from feedback_monthly group by 1`.execute(t.db);
			return new Map(
				rows.map((r) => [
					r.group,
					{ nps: netPromoterScore(r)!, csat: csatAverage(r.csat_count, r.csat_sum)! }
				])
			);
		};
		const segment = await totals('segment');
		expect(segment.get('enterprise')!.nps).toBeGreaterThan(segment.get('mid_market')!.nps);
		expect(segment.get('mid_market')!.nps).toBeGreaterThan(segment.get('smb')!.nps);
		expect(segment.get('enterprise')!.nps - segment.get('smb')!.nps).toBeGreaterThan(20);
		const channel = await totals('sales_channel');
		expect(channel.get('reseller')!.nps).toBeLessThan(channel.get('direct')!.nps);
		const region = await totals('region');
		for (const other of ['emea', 'north_america', 'apac']) {
			expect(region.get('latam')!.csat, other).toBeGreaterThan(region.get(other)!.csat);
		}

		// APAC customers answer less often.
		const { rows } = await sql<{ apac: boolean; per_account: number }>`
			select a.region = 'apac' as apac, count(f.id)::float8 / count(distinct a.id) as per_account
			from accounts a left join feedback f on f.account_id = a.id
			where a.lifecycle_stage <> 'onboarding' group by 1`.execute(t.db);
		const per = new Map(rows.map((r) => [r.apac, r.per_account]));
		expect(per.get(true)!).toBeLessThan(per.get(false)! * 0.85);
	});

	it('gives each response its account’s group and CSM, a contact and review of its own, and a routing fitting its status', async () => {
		const rows = await t.db
			.selectFrom('feedback as f')
			.innerJoin('accounts as a', 'a.id', 'f.account_id')
			.leftJoin('contacts as c', 'c.id', 'f.contact_id')
			.leftJoin('business_reviews as r', 'r.id', 'f.review_id')
			.select([
				'f.id',
				'f.account_id',
				'f.kind',
				'f.source',
				'f.received_on',
				'f.themes',
				'f.status',
				'f.routed_team',
				'f.segment',
				'f.region',
				'f.sales_channel',
				'f.csm_id',
				'f.created_by',
				'f.created_at',
				'f.updated_at',
				'a.segment as account_segment',
				'a.region as account_region',
				'a.sales_channel as account_channel',
				'c.account_id as contact_account',
				'r.account_id as review_account',
				'r.status as review_status',
				'r.kind as review_kind',
				'r.starts_at as review_starts_at',
				'r.time_zone as review_time_zone'
			])
			.select((eb) =>
				eb
					.selectFrom('account_team_members as m')
					.select('m.user_id')
					.whereRef('m.account_id', '=', 'a.id')
					.where('m.team_role', '=', 'CSM')
					.orderBy('m.id')
					.limit(1)
					.as('csm')
			)
			.execute();
		let linked = 0;
		const tags = new Set<string>();
		for (const f of rows) {
			const name = `feedback #${f.id}`;
			expect([f.segment, f.region, f.sales_channel], name).toEqual([
				f.account_segment,
				f.account_region,
				f.account_channel
			]);
			expect(f.csm_id, name).toBe(f.csm);
			expect(f.created_by, name).toBe(f.csm);
			expect(f.updated_at >= f.created_at, name).toBe(true);
			expect(f.created_at <= NOW, name).toBe(true);
			if (f.contact_account !== null) expect(f.contact_account, name).toBe(f.account_id);
			if (f.review_account !== null) {
				linked++;
				expect(f.review_account, name).toBe(f.account_id);
				// As the app allows it: given in a CBR, at a review of the account held that day, or
				// an operational survey answered in the weeks before the review that went through it.
				expect(f.review_status, name).toBe('held');
				const heldOn = instantToZoned(f.review_starts_at!, f.review_time_zone!).date;
				if (f.source === 'cbr') expect(f.received_on, name).toBe(heldOn);
				else {
					expect([f.source, f.review_kind], name).toEqual(['operational_survey', 'survey_review']);
					expect(daysBetween(f.received_on, heldOn), name).toBeGreaterThanOrEqual(7);
				}
			}
			const library = f.themes.filter(isLibraryTheme);
			expect(library.length, name).toBeLessThanOrEqual(2);
			for (const tag of f.themes.filter((x) => !isLibraryTheme(x))) tags.add(tag);
			expect(f.routed_team === null, name).toBe(
				f.status === 'new' || (f.status === 'closed_loop' && f.routed_team === null)
			);
			if (f.status === 'routed' || f.status === 'acknowledged') {
				expect(f.routed_team, name).not.toBeNull();
			}
		}
		expect(linked).toBeGreaterThan(20);
		expect(rows.some((f) => f.source === 'operational_survey')).toBe(true);
		for (const tag of ['portal-login', 'cross-connect-lead-time', 'nota-fiscal']) {
			expect(tags, tag).toContain(tag);
		}
		expect(new Set(rows.map((f) => f.status))).toEqual(new Set(FEEDBACK_STATUSES));
		// Recent responses are still being worked; old ones have had the loop closed.
		const recent = rows.filter((f) => f.received_on >= addDays(TODAY, -30));
		const old = rows.filter((f) => f.received_on < addDays(TODAY, -90));
		const share = (list: typeof rows, statuses: string[]) =>
			list.filter((f) => statuses.includes(f.status)).length / list.length;
		expect(share(recent, ['new', 'routed'])).toBeGreaterThan(0.6);
		expect(share(old, ['closed_loop', 'acknowledged'])).toBe(1);
		expect(share(old, ['closed_loop'])).toBeGreaterThan(0.6);
	});

	it('raises the CSM’s follow-up for every detractor and low CSAT: open for the last 30 days, done before', async () => {
		const rows = await t.db
			.selectFrom('feedback as f')
			.leftJoin('tasks as t', 't.id', 'f.follow_up_task_id')
			.leftJoin('contacts as c', 'c.id', 'f.contact_id')
			.leftJoin('users as u', 'u.id', 'f.csm_id')
			.select([
				'f.id',
				'f.kind',
				'f.score',
				'f.comment',
				'f.account_id',
				'f.received_on',
				'f.csm_id',
				'c.name as contact',
				'u.locale',
				't.id as task_id',
				't.account_id as task_account',
				't.title',
				't.description',
				't.source',
				't.owner_user_id',
				't.due_date',
				't.status as task_status',
				't.completed_at',
				't.completed_by'
			])
			.execute();
		const catalogues = {
			en: await loadCatalogue('en'),
			'pt-BR': await loadCatalogue('pt-BR'),
			es: await loadCatalogue('es')
		};
		let open = 0;
		for (const f of rows) {
			const name = `feedback #${f.id} ${f.kind} ${f.score}`;
			expect(f.task_id !== null, name).toBe(needsFollowUp(f.kind, f.score));
			if (f.task_id === null) continue;
			const messages = catalogues[f.locale!];
			const score = `${messages[`feedbackKind.${f.kind}`]} ${f.score}`;
			expect(f.title, name).toBe(
				f.contact
					? format(messages['feedback.followUpTitleFrom'], { score, contact: f.contact })
					: format(messages['feedback.followUpTitle'], { score })
			);
			expect([f.source, f.task_account, f.owner_user_id, f.description], name).toEqual([
				'feedback',
				f.account_id,
				f.csm_id,
				f.comment
			]);
			expect(f.due_date, name).toBe(addDays(f.received_on, 2));
			const recent = f.received_on >= addDays(TODAY, -30);
			expect(f.task_status, name).toBe(recent ? 'open' : 'done');
			expect(f.completed_at !== null, name).toBe(!recent);
			if (f.completed_at) {
				expect(f.completed_by, name).toBe(f.csm_id);
				expect(f.completed_at <= NOW, name).toBe(true);
			}
			if (recent) open++;
		}
		expect(open).toBeGreaterThan(0);
	});

	it('keeps monthly totals that a rebuild from the responses leaves as they are', async () => {
		const snapshot = async () => {
			const { rows } = await sql<{ monthly: string; themes: string; csm: string }>`
				select
					(select string_agg(concat_ws('|', month, segment, region, sales_channel, csm_id,
						responses, promoters, passives, detractors, csat_count, csat_sum), ';'
						order by month, segment, region, sales_channel, csm_id) from feedback_monthly) as monthly,
					(select string_agg(concat_ws('|', month, theme, segment, region, sales_channel,
						mentions), ';' order by month, theme, segment, region, sales_channel)
						from feedback_theme_monthly) as themes,
					(select string_agg(concat_ws('|', csm_id, month, theme, segment, region,
						sales_channel, mentions), ';'
						order by csm_id, month, theme, segment, region, sales_channel)
						from feedback_theme_csm_monthly) as csm`.execute(t.db);
			return rows[0]!;
		};
		const before = await snapshot();
		expect(before.monthly).toBeTruthy();
		expect(before.themes).toBeTruthy();
		await t.db.transaction().execute((trx) => rebuildRollup(trx));
		expect(await snapshot()).toEqual(before);
		const { rows } = await sql<{ rolled: number; counted: number }>`
			select (select sum(responses) from feedback_monthly)::int as rolled,
				(select count(*) from feedback)::int as counted`.execute(t.db);
		expect(rows[0]!.rolled).toBe(rows[0]!.counted);
	});

	it('scores the sentiment of nearly every account with NPS or CSAT in the last 180 days', async () => {
		const { rows } = await sql<{ recent: number; scored: number; accounts: number }>`
			select count(*)::int as recent, count(h.sentiment)::int as scored,
				(select count(*) from accounts)::int as accounts
			from account_health h
			where exists (select 1 from feedback f where f.account_id = h.account_id
				and f.kind in ('nps', 'csat') and f.received_on >= ${addDays(TODAY, -179)})`.execute(t.db);
		const r = rows[0]!;
		expect(r.recent).toBeGreaterThan(r.accounts * 0.9);
		expect(r.scored).toBe(r.recent);
	});

	it('has reviews of every kind in every status, at local office hours, titled in the account’s language', async () => {
		const rows = await t.db
			.selectFrom('business_reviews as r')
			.innerJoin('accounts as a', 'a.id', 'r.account_id')
			.selectAll('r')
			.select(['a.name as account', 'a.time_zone as account_zone'])
			.execute();
		expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REVIEW_STATUSES));
		expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(REVIEW_KINDS));
		for (const r of rows) {
			const name = `${r.title} ${r.status}`;
			const locale = localeOf(r.account_zone);
			expect(r.time_zone, name).toBe(r.account_zone);
			expect(r.title, name).toContain(r.account);
			expect(r.agenda, name).toBe(REVIEW_TEXT[locale].agenda[r.kind]);
			expect([60, 90], name).toContain(r.duration_minutes);
			const local = instantToZoned(r.starts_at, r.time_zone);
			expect(local.time >= '09:00' && local.time <= '16:00', name).toBe(true);
			expect(r.starts_at >= new Date(`${addMonths(TODAY, -25)}T00:00:00Z`), name).toBe(true);
			expect(r.created_at <= NOW && r.updated_at <= NOW, name).toBe(true);
			expect(r.updated_at >= r.created_at, name).toBe(true);
			if (r.status === 'held') {
				expect(r.starts_at < NOW, name).toBe(true);
				expect(r.notes && r.decisions, name).toBeTruthy();
			} else expect([r.notes, r.decisions], name).toEqual(['', '']);
			expect(r.cancel_reason !== '', name).toBe(r.status === 'cancelled');
			if (r.status === 'planned' && r.starts_at > NOW) {
				expect(r.starts_at < new Date(`${addDays(TODAY, 62)}T00:00:00Z`), name).toBe(true);
			}
		}
		// Attendees are the account's contacts and team, as the app checks them.
		const { rows: strangers } = await sql<{ id: number }>`
			select r.id from business_reviews r, jsonb_array_elements(r.attendees) e(v)
			where not exists (select 1 from contacts c where e.v->>'kind' = 'contact'
					and c.id = (e.v->>'id')::int and c.account_id = r.account_id)
				and not exists (select 1 from account_team_members m where e.v->>'kind' = 'user'
					and m.user_id = (e.v->>'id')::int and m.account_id = r.account_id)`.execute(t.db);
		expect(strangers).toEqual([]);
		const held = rows.filter((r) => r.status === 'held');
		for (const r of held) {
			expect(
				r.attendees.some((a) => a.kind === 'contact'),
				r.title
			).toBe(true);
			expect(
				r.attendees.some((a) => a.kind === 'user'),
				r.title
			).toBe(true);
		}
	});

	it('plans the next review for most accounts, leaves a few unrecorded and some with nothing planned, as the cadence flags show', async () => {
		const { rows } = await sql<{ ahead: number; unrecorded: number; nothing: number }>`
			select
				count(*) filter (where exists (select 1 from business_reviews r where r.account_id = a.id
					and r.status = 'planned' and r.starts_at > ${NOW}
					and r.starts_at <= ${NOW}::timestamptz + interval '60 days'))::int as ahead,
				count(*) filter (where exists (select 1 from business_reviews r where r.account_id = a.id
					and r.status = 'planned' and r.starts_at < ${NOW}))::int as unrecorded,
				count(*) filter (where not exists (select 1 from business_reviews r
					where r.account_id = a.id and r.status = 'planned'))::int as nothing
			from accounts a`.execute(t.db);
		const r = rows[0]!;
		expect(r.ahead).toBeGreaterThan(ACCOUNTS * 0.7);
		expect(r.unrecorded).toBeGreaterThanOrEqual(2);
		expect(r.unrecorded).toBeLessThan(ACCOUNTS * 0.07);
		expect(r.nothing).toBeGreaterThan(ACCOUNTS * 0.08);
		expect(r.nothing).toBeLessThan(ACCOUNTS * 0.25);
		const flagged = await flags(
			t.db,
			{ kind: null, csmId: null, segment: null, region: null, resellerId: null },
			NOW,
			10,
			0
		);
		expect(flagged.counts.overdue).toBeGreaterThan(0);
		expect(flagged.counts.unscheduled).toBeGreaterThan(0);
	});

	it('turns what a held review agreed into one to three tasks for the team, old ones done, a few overdue', async () => {
		const { rows } = await sql<{
			review_id: number;
			status: string;
			starts_at: Date;
			time_zone: string;
			actions: {
				account_id: number;
				review_account: number;
				source: string;
				on_team: boolean;
				due_date: string;
				status: string;
				completed_at: string | null;
				created_at: string;
			}[];
		}>`
			select r.id as review_id, r.status, r.starts_at, r.time_zone,
				coalesce(jsonb_agg(jsonb_build_object('account_id', t.account_id,
					'review_account', r.account_id, 'source', t.source,
					'on_team', exists (select 1 from account_team_members m
						where m.account_id = r.account_id and m.user_id = t.owner_user_id),
					'due_date', t.due_date, 'status', t.status, 'completed_at', t.completed_at,
					'created_at', t.created_at)) filter (where t.id is not null), '[]') as actions
			from business_reviews r
			left join review_actions x on x.review_id = r.id
			left join tasks t on t.id = x.task_id
			group by r.id`.execute(t.db);
		const all = rows.flatMap((r) => r.actions);
		for (const r of rows) {
			const n = r.actions.length;
			if (r.status === 'held') {
				expect(n, `review #${r.review_id}`).toBeGreaterThanOrEqual(1);
				expect(n, `review #${r.review_id}`).toBeLessThanOrEqual(3);
			} else expect(n, `review #${r.review_id}`).toBe(0);
			const day = instantToZoned(r.starts_at, r.time_zone).date;
			for (const a of r.actions) {
				expect([a.source, a.account_id, a.on_team]).toEqual(['review', a.review_account, true]);
				expect(a.due_date > day).toBe(true);
				expect(a.completed_at !== null).toBe(a.status === 'done');
				if (a.completed_at) expect(new Date(a.completed_at) <= NOW).toBe(true);
				expect(new Date(a.created_at) >= r.starts_at).toBe(true);
			}
		}
		const old = all.filter((a) => a.due_date < addDays(TODAY, -60));
		expect(old.filter((a) => a.status === 'done').length / old.length).toBeGreaterThan(0.95);
		const overdue = all.filter((a) => a.status === 'open' && a.due_date < TODAY);
		expect(overdue.length).toBeGreaterThan(0);
		expect(overdue.length).toBeLessThan(all.length * 0.05);
		expect(all.some((a) => a.status === 'open' && a.due_date >= TODAY)).toBe(true);
		firstHash = await demoHash(t.db);
	});
});

describe(`demo reviews and feedback seeded again on ${ENGINE}`, () => {
	const t = useTestDatabase();

	it('writes the same reviews, actions, responses and follow-ups for the same seed and day', async () => {
		await seedDemo(t.db, { accounts: ACCOUNTS, today: TODAY });
		expect(firstHash).toBeDefined();
		expect(await demoHash(t.db)).toEqual(firstHash);
	});
});

/**
 * Deterministic demo data: named users to sign in as, resellers, a portfolio of accounts with
 * their account teams and contacts, onboardings, product usage, success plans, escalations,
 * health histories and churn flags. The same (accounts, seed, today) always writes the same
 * rows; only dates move with `today`.
 */
import type { Kysely } from 'kysely';
import type { Locale, UserRole } from '../../domain/vocabulary';
import { hashPassword } from '../auth/password';
import type { Database } from '../db/database';
import { ensureShippedTemplates } from '../onboarding/template.service';
import { planOnboardings } from './demo-onboarding-plan';
import { loadDemoTemplates, writeOnboardings } from './demo-onboarding-write';
import { planDemo } from './demo-plan';
import { planSuccessPlans } from './demo-success-plan';
import { writeUsageAndPlans } from './demo-success-plan-write';
import { planUsage } from './demo-usage-plan';
import { refreshHealth } from '../health/health-refresh';
import { writeChurnFlags, writeHealthHistory } from './demo-health-write';
import { writeEscalations } from './demo-escalations-write';
import { writeReviews } from './demo-reviews-write';
import { writeFeedback } from './demo-feedback-write';
import { writeDemoNotifications } from './demo-notifications';

/** Every demo user signs in with this password. */
export const DEMO_PASSWORD = 'keel-demo-2026';

export const DEFAULT_DEMO_SEED = 42;

export interface DemoUser {
	email: string;
	name: string;
	role: UserRole;
	locale: Locale;
	timeZone: string;
	/** Partner users only: which generated reseller they work for (0 = the first). */
	resellerIndex?: number;
	/** What this user is for in the demo. */
	purpose: string;
}

/** The fixed users to sign in as. Generated colleagues (csm4@, am2@, se1@, tam1@…) come on top. */
export const DEMO_USERS: readonly DemoUser[] = [
	{
		email: 'admin@keel.demo',
		name: 'Ingrid Vermeulen',
		role: 'admin',
		locale: 'en',
		timeZone: 'Europe/Amsterdam',
		purpose: 'configuration: users, templates, SLA policies, health weights'
	},
	{
		email: 'manager@keel.demo',
		name: 'Hannah Whitfield',
		role: 'manager',
		locale: 'en',
		timeZone: 'Europe/London',
		purpose: 'portfolio health, churn risk by ARR, team workload'
	},
	{
		email: 'csm1@keel.demo',
		name: 'Sanne de Vries',
		role: 'csm',
		locale: 'en',
		timeZone: 'Europe/Amsterdam',
		purpose:
			'CSM for English-speaking markets: Amsterdam (AM11), London, Frankfurt, Dallas, New York, Singapore'
	},
	{
		email: 'csm2@keel.demo',
		name: 'Mariana Costa',
		role: 'csm',
		locale: 'pt-BR',
		timeZone: 'America/Sao_Paulo',
		purpose: 'CSM for Brazil, Portuguese interface'
	},
	{
		email: 'csm3@keel.demo',
		name: 'Diego Hernández',
		role: 'csm',
		locale: 'es',
		timeZone: 'America/Mexico_City',
		purpose: 'CSM for Mexico and Colombia, Spanish interface'
	},
	{
		email: 'sales@keel.demo',
		name: 'Oliver Grant',
		role: 'sales',
		locale: 'en',
		timeZone: 'Europe/London',
		purpose: 'account manager (AM) for Europe and North America: churn flags and renewals'
	},
	{
		email: 'partner@keel.demo',
		name: 'Joris van Leeuwen',
		role: 'partner',
		locale: 'en',
		timeZone: 'Europe/Amsterdam',
		resellerIndex: 0,
		purpose: 'partner CSM at the first reseller: sees only its end customers'
	},
	{
		email: 'partner2@keel.demo',
		name: 'Renata Oliveira',
		role: 'partner',
		locale: 'pt-BR',
		timeZone: 'America/Sao_Paulo',
		resellerIndex: 1,
		purpose: 'partner CSM at the second reseller, to check one reseller cannot see another'
	}
];

export interface SeedDemoOptions {
	accounts: number;
	/** Default 42. */
	seed?: number;
	/** Renewal and onboarding dates are relative to this day; default: today (UTC). */
	today?: Date | string;
	/** About how many escalations in all, mostly closed (the bench's volume); default: a demo's few. */
	escalations?: number;
	/** About how many feedback responses in all (the bench's volume); default: 8–40 per account. */
	feedback?: number;
}

export interface SeedDemoResult {
	users: number;
	resellers: number;
	accounts: number;
	teamMembers: number;
	contacts: number;
	/** Active and completed onboardings. */
	onboardings: number;
	/** Onboarding items, each a task. */
	tasks: number;
	/** Monthly readings, one per account, metric and month. */
	usageRecords: number;
	/** Success plan objectives. */
	objectives: number;
	/** Tasks under those objectives (source 'plan'), on top of `tasks`. */
	planTasks: number;
	/** Escalations, their timeline events, post-mortems and corrective actions (tasks). */
	escalations: number;
	escalationEvents: number;
	postmortems: number;
	correctiveActions: number;
	/** Business reviews in every state, and their follow-up actions (tasks). */
	reviews: number;
	reviewActions: number;
	/** NPS, CSAT and comments, and the follow-up tasks raised for detractors and low CSAT. */
	feedback: number;
	feedbackFollowUps: number;
	/** Daily health snapshots: 90 days of history and today's, per account. */
	healthSnapshots: number;
	/** Churn flags the rules raised and people raised by hand. */
	churnFlags: number;
	churnFlagEvents: number;
}

export class DemoDataError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'DemoDataError';
	}
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const BATCH = 1000;

/**
 * Writes the demo data into an empty schema, in one transaction. The shipped onboarding
 * templates are installed first (if missing); the onboardings are started from them.
 */
export async function seedDemo(
	db: Kysely<Database>,
	options: SeedDemoOptions
): Promise<SeedDemoResult> {
	if (!Number.isSafeInteger(options.accounts) || options.accounts < 0) {
		throw new DemoDataError(`accounts must be a whole number >= 0, got ${options.accounts}`);
	}
	const seed = options.seed ?? DEFAULT_DEMO_SEED;
	if (!Number.isSafeInteger(seed)) throw new DemoDataError(`seed must be an integer, got ${seed}`);
	const { feedback: volume } = options;
	if (volume !== undefined && !(Number.isSafeInteger(volume) && volume >= 0)) {
		throw new DemoDataError(`feedback must be a whole number >= 0, got ${volume}`);
	}
	const today = isoDay(options.today ?? new Date());
	const plan = planDemo(DEMO_USERS, { accounts: options.accounts, seed, today });
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	await ensureShippedTemplates(db);
	const now = options.today ? new Date(`${today}T12:00:00Z`) : new Date();

	return db.transaction().execute(async (trx) => {
		for (const table of ['users', 'resellers', 'accounts'] as const) {
			const row = await trx.selectFrom(table).select('id').limit(1).executeTakeFirst();
			if (row) {
				throw new DemoDataError(
					`The database is not empty (table ${table} has rows); demo data goes into an empty schema only.`
				);
			}
		}

		const resellerRows = await trx
			.insertInto('resellers')
			.values(plan.resellers.map((name) => ({ name })))
			.returning(['id', 'name'])
			.execute();
		const resellerIds = plan.resellers.map((name) => idOf(resellerRows, (r) => r.name === name));

		const userIds = new Map<string, number>();
		for (const batch of chunks(plan.users)) {
			const rows = await trx
				.insertInto('users')
				.values(
					batch.map((u) => ({
						email: u.email,
						name: u.name,
						role: u.role,
						reseller_id: u.resellerIndex === null ? null : (resellerIds[u.resellerIndex] ?? null),
						password_hash: passwordHash,
						locale: u.locale,
						time_zone: u.timeZone,
						disabled_at: null
					}))
				)
				.returning(['id', 'email'])
				.execute();
			for (const row of rows) userIds.set(row.email, row.id);
		}
		const userId = (index: number) => {
			const id = userIds.get(plan.users[index]?.email ?? '');
			if (id === undefined) throw new Error(`demo user #${index} was not written`);
			return id;
		};

		const accountIds = new Map<string, number>();
		const accountId = (externalId: string) => {
			const id = accountIds.get(externalId);
			if (id === undefined) throw new Error(`demo account ${externalId} was not written`);
			return id;
		};
		let teamMembers = 0;
		let contacts = 0;
		for (const batch of chunks(plan.accounts)) {
			const rows = await trx
				.insertInto('accounts')
				.values(
					batch.map((a) => ({
						external_id: a.externalId,
						name: a.name,
						segment: a.segment,
						region: a.region,
						time_zone: a.timeZone,
						sales_channel: a.resellerIndex === null ? ('direct' as const) : ('reseller' as const),
						reseller_id: a.resellerIndex === null ? null : (resellerIds[a.resellerIndex] ?? null),
						support_package: a.supportPackage,
						arr: a.arr,
						currency: 'USD',
						renewal_date: a.renewalDate,
						lifecycle_stage: a.lifecycleStage,
						notes: a.notes
					}))
				)
				.returning(['id', 'external_id'])
				.execute();
			for (const row of rows) if (row.external_id) accountIds.set(row.external_id, row.id);

			const team = batch.flatMap((a) =>
				a.team.map((m) => ({
					account_id: accountId(a.externalId),
					user_id: userId(m.userIndex),
					team_role: m.teamRole
				}))
			);
			for (const part of chunks(team)) {
				await trx.insertInto('account_team_members').values(part).execute();
				teamMembers += part.length;
			}

			const people = batch.flatMap((a) =>
				a.contacts.map((c) => ({
					account_id: accountId(a.externalId),
					name: c.name,
					title: c.title,
					email: c.email,
					phone: c.phone,
					is_primary: c.isPrimary,
					onboarded_on: c.onboardedOn
				}))
			);
			for (const part of chunks(people)) {
				await trx.insertInto('contacts').values(part).execute();
				contacts += part.length;
			}
		}

		const templates = await loadDemoTemplates(trx);
		const onboardings = planOnboardings(plan, templates, { seed, today });
		const ids = {
			account: (index: number) => accountId(plan.accounts[index]?.externalId ?? ''),
			user: userId
		};
		const written = await writeOnboardings(trx, onboardings, ids, BATCH);

		const usage = planUsage(plan, onboardings, { seed, today });
		const objectives = planSuccessPlans(plan, usage, { seed, today });
		const plans = await writeUsageAndPlans(trx, usage, objectives, ids, BATCH);
		// Before the health pass: open escalations and breaches are its support component, and an
		// open P1 past its first response raises the P1 churn flag.
		const { p1Breaches, ...escalations } = await writeEscalations(trx, plan, ids, {
			seed,
			now,
			today,
			volume: options.escalations
		});
		// Also before it: a review held is an engagement touch, NPS and CSAT are the sentiment.
		// Feedback after the reviews, as some of it was given in them.
		const { planned, reviewIds, ...reviews } = await writeReviews(trx, plan, ids, { seed, now });
		const feedback = await writeFeedback(
			trx,
			plan,
			ids,
			{ planned, reviewIds },
			{ seed, today, now, volume: options.feedback }
		);
		// Histories end on the first pass's scores; a second pass over the accounts whose history
		// drops lets the drop rule see them. Flags are worked once every rule has raised its own.
		await refreshHealth(trx, 'all', now);
		const history = await writeHealthHistory(trx, plan, ids, { seed });
		await refreshHealth(trx, history.dropped, now);
		const flags = await writeChurnFlags(trx, plan, ids, history.histories, {
			seed,
			now,
			p1Breaches
		});
		await writeDemoNotifications(trx, now);

		return {
			users: plan.users.length,
			resellers: plan.resellers.length,
			accounts: plan.accounts.length,
			teamMembers,
			contacts,
			...written,
			...plans,
			...escalations,
			...reviews,
			...feedback,
			healthSnapshots: history.healthSnapshots,
			...flags
		};
	});
}

function isoDay(day: Date | string): string {
	if (typeof day === 'string') {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
			throw new DemoDataError(`today must be a date like 2026-11-22, got "${day}"`);
		}
		return day;
	}
	if (Number.isNaN(day.getTime())) throw new DemoDataError('today is an invalid Date');
	return day.toISOString().slice(0, 10);
}

function* chunks<T>(rows: readonly T[], size = BATCH): Generator<T[]> {
	for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

function idOf<R extends { id: number }>(rows: readonly R[], match: (row: R) => boolean): number {
	const row = rows.find(match);
	if (!row) throw new Error('a demo row was not written');
	return row.id;
}

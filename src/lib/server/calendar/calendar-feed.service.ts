import { sql } from 'kysely';
import { readableReseller, type Actor } from '../../domain/access';
import { addDays, todayIn } from '../../domain/dates';
import { NotFoundError } from '../../domain/errors';
import { buildCalendar, type FeedEvent } from '../../domain/ics';
import { format } from '../../i18n/format';
import { loadCatalogue } from '../../i18n/catalogue';
import { randomToken, tokenHash } from '../auth/secret-token';
import type { Db, Executor } from '../db/database';

/** How far the feed reaches: the last month (what just happened) and the next half year. */
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 180;
const DAY_MS = 86_400_000;

/** 160 random bits, as session tokens have: the URL is the only key to the feed. */
const generateFeedToken = () => randomToken(20);

/** Only this is stored: whoever reads the database cannot rebuild a working feed URL. */
export const feedTokenHash = tokenHash;

/** Whether the user has a feed, and since when (the URL itself is never shown again). */
export async function feedStatus(db: Db, actor: Actor) {
	const row = await db
		.selectFrom('calendar_feeds')
		.select('created_at')
		.where('user_id', '=', actor.id)
		.executeTakeFirst();
	return { active: row !== undefined, createdAt: row?.created_at ?? null };
}

/**
 * Makes the user's feed token, or a new one in place of the old, whose URL stops working at
 * once. Returns the token: the caller shows its URL this once.
 */
export async function createFeed(db: Db, actor: Actor, now = new Date()) {
	const token = generateFeedToken();
	await db
		.insertInto('calendar_feeds')
		.values({ user_id: actor.id, token_hash: feedTokenHash(token), created_at: now })
		.onConflict((oc) =>
			oc.column('user_id').doUpdateSet({ token_hash: feedTokenHash(token), created_at: now })
		)
		.execute();
	return token;
}

/** Turns the feed off: its URL answers 404 from now on. */
export async function removeFeed(db: Db, actor: Actor) {
	await db.deleteFrom('calendar_feeds').where('user_id', '=', actor.id).execute();
}

/** The feed's owner, if the token is a live feed's and they are still an active user. */
function feedOwner(db: Executor, token: string) {
	return db
		.selectFrom('calendar_feeds as f')
		.innerJoin('users as u', 'u.id', 'f.user_id')
		.select([
			'u.id',
			'u.role',
			'u.reseller_id as resellerId',
			'u.name',
			'u.locale',
			'u.time_zone as timeZone'
		])
		.where('f.token_hash', '=', feedTokenHash(token))
		.where('u.disabled_at', 'is', null)
		.executeTakeFirst();
}

/** An attendee list (jsonb) that names the user. */
const attends = (column: string, userId: number) =>
	sql<boolean>`${sql.ref(column)} @> ${JSON.stringify([{ kind: 'user', id: userId }])}::jsonb`;

/**
 * The reviews, kick-offs and due tasks of the feed's owner, from FEED_PAST_DAYS ago to
 * FEED_FUTURE_DAYS ahead, on accounts they may read today: business reviews they scheduled or
 * attend, kick-off meetings they attend or whose onboarding they started, open tasks assigned to
 * them (all-day, on the due date). Four queries, whatever the data. A token that is unknown,
 * replaced, turned off or a disabled user's is not found.
 */
export async function calendarFeed(db: Db, token: string, now = new Date()) {
	const owner = await feedOwner(db, token);
	if (!owner) throw new NotFoundError('calendar feed');
	const actor: Actor = { id: owner.id, role: owner.role, resellerId: owner.resellerId };
	const reseller = readableReseller(actor);
	const from = new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS);
	const until = new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS);
	// Due dates are days: the window's edges are the user's own today.
	const today = todayIn(owner.timeZone, now);

	const [reviews, kickoffs, tasks, messages] = await Promise.all([
		db
			.selectFrom('business_reviews as r')
			.innerJoin('accounts as a', 'a.id', 'r.account_id')
			.select([
				'r.id',
				'r.kind',
				'r.title',
				'r.status',
				'r.starts_at',
				'r.duration_minutes',
				'r.location',
				'r.agenda',
				'r.version',
				'r.updated_at',
				'a.name as account_name'
			])
			.where('r.starts_at', '>=', from)
			.where('r.starts_at', '<', until)
			.where((eb) => eb.or([eb('r.created_by', '=', owner.id), attends('r.attendees', owner.id)]))
			.$if(reseller !== null, (qb) => qb.where('a.reseller_id', '=', reseller))
			.orderBy('r.starts_at')
			.orderBy('r.id')
			.execute(),
		db
			.selectFrom('kickoff_meetings as k')
			.innerJoin('onboardings as o', 'o.id', 'k.onboarding_id')
			.innerJoin('accounts as a', 'a.id', 'k.account_id')
			.select([
				'k.id',
				'k.starts_at',
				'k.duration_minutes',
				'k.location',
				'k.agenda',
				'k.version',
				'k.updated_at',
				'o.status',
				'a.name as account_name'
			])
			.where('k.starts_at', '>=', from)
			.where('k.starts_at', '<', until)
			.where((eb) => eb.or([eb('o.started_by', '=', owner.id), attends('k.attendees', owner.id)]))
			.$if(reseller !== null, (qb) => qb.where('a.reseller_id', '=', reseller))
			.orderBy('k.starts_at')
			.orderBy('k.id')
			.execute(),
		db
			.selectFrom('tasks as t')
			.innerJoin('accounts as a', 'a.id', 't.account_id')
			.select([
				't.id',
				't.title',
				't.description',
				't.due_date',
				't.version',
				't.updated_at',
				'a.name as account_name'
			])
			.where('t.owner_user_id', '=', owner.id)
			.where('t.status', '=', 'open')
			.where('t.due_date', '>=', addDays(today, -FEED_PAST_DAYS))
			.where('t.due_date', '<', addDays(today, FEED_FUTURE_DAYS))
			.$if(reseller !== null, (qb) => qb.where('a.reseller_id', '=', reseller))
			.orderBy('t.due_date')
			.orderBy('t.id')
			.execute(),
		loadCatalogue(owner.locale)
	]);

	const events: FeedEvent[] = [
		...reviews.map((r) => {
			const kind = messages[`reviews.kindShort.${r.kind}`];
			return {
				uid: `review-${r.id}@keel`,
				start: r.starts_at,
				durationMinutes: r.duration_minutes,
				summary: r.title ? `${kind}: ${r.account_name} — ${r.title}` : `${kind}: ${r.account_name}`,
				description: r.agenda,
				location: r.location,
				stamp: r.updated_at,
				attendees: [],
				sequence: r.version,
				cancelled: r.status === 'cancelled'
			};
		}),
		...kickoffs.map((k) => ({
			uid: `kickoff-${k.id}@keel`,
			start: k.starts_at,
			durationMinutes: k.duration_minutes,
			summary: format(messages['calendar.kickoff'], { account: k.account_name }),
			description: k.agenda,
			location: k.location,
			stamp: k.updated_at,
			attendees: [],
			sequence: k.version,
			cancelled: k.status === 'cancelled'
		})),
		...tasks.map((task) => ({
			uid: `task-${task.id}@keel`,
			date: task.due_date!,
			summary: format(messages['calendar.taskDue'], {
				title: task.title,
				account: task.account_name
			}),
			description: task.description,
			stamp: task.updated_at,
			sequence: task.version
		}))
	];
	return buildCalendar(format(messages['calendar.name'], { name: owner.name }), events);
}

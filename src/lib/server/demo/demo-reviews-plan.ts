/**
 * Pure planning of the demo business reviews: two years of them per account, following its
 * segment's cadences (as `review_cadences` holds them), with QBRs, EBRs and operational survey
 * reviews sprinkled on top. Past ones were held (notes, decisions, attendees, follow-up actions)
 * or cancelled; most accounts have the next one planned within 60 days. So the cadence flags
 * have something to show, about 3% of accounts left a past review unrecorded, and about 15% have
 * nothing planned (some overdue, some due within the month; churned customers among them).
 * No database and no clock: the same (plan, cadences, seed, now) always gives the same reviews.
 */
import { addDays, addMonths, daysBetween, todayIn } from '../../domain/dates';
import type { ReviewKind, ReviewStatus } from '../../domain/review';
import type { Segment, TeamRole } from '../../domain/vocabulary';
import { zonedToInstant } from '../../domain/zoned-time';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import { REVIEW_TEXT, type ReviewPeriod } from './demo-reviews-text';
import { createRng, hashString, type Rng } from './random';

export interface DemoCadence {
	segment: Segment;
	kind: ReviewKind;
	everyMonths: number;
}

export interface ReviewPlanOptions {
	seed: number;
	/** The seeding moment: what is past was held or cancelled, what is ahead is planned. */
	now: Date;
}

/**
 * Where an account stands in the diary:
 * - `planned`: its next review is planned (the primary cadence's within 60 days);
 * - `unplanned`: nothing planned, its next review due from 40 days ago to 20 days ahead;
 * - `unrecorded`: a review planned in the last weeks was never recorded as held;
 * - `new`: a customer of weeks, its first review mostly planned already;
 * - `churned`: reviews until the customer left, nothing since.
 */
export type DiaryState = 'planned' | 'unplanned' | 'unrecorded' | 'new' | 'churned';

export type PlannedAttendee =
	{ kind: 'contact'; contactIndex: number } | { kind: 'user'; userIndex: number };

export interface PlannedReviewAction {
	title: string;
	ownerUserIndex: number;
	dueDate: string;
	status: 'open' | 'done';
	/** ISO timestamps. */
	createdAt: string;
	completedAt: string | null;
}

export interface PlannedReview {
	accountIndex: number;
	kind: ReviewKind;
	title: string;
	status: ReviewStatus;
	/** The local day in the account's zone, and the instant its local start time names. */
	day: string;
	startsAt: string;
	durationMinutes: number;
	timeZone: string;
	location: string;
	agenda: string;
	notes: string;
	decisions: string;
	cancelReason: string;
	attendees: PlannedAttendee[];
	createdByUserIndex: number | null;
	/** ISO timestamps. */
	createdAt: string;
	updatedAt: string;
	actions: PlannedReviewAction[];
}

export interface ReviewsPlan {
	reviews: PlannedReview[];
	/** Per account index. */
	diary: DiaryState[];
}

/** Months of history. */
export const REVIEW_HISTORY_MONTHS = 24;
/** Planned reviews are in the diary this many days ahead at most. */
export const PLANNING_HORIZON_DAYS = 60;

/** Established customers (not new, not churned) by diary state. */
const DIARY: readonly (readonly [DiaryState, number])[] = [
	['planned', 87],
	['unplanned', 9],
	['unrecorded', 4]
];
/** New customers with their first review planned already. */
const NEW_PLANNED = 0.75;
/** A past review cancelled (mostly made up for a week or two later). */
const CANCELLED = 0.07;
/** Sprinkled kinds: which accounts have them, how often, and how far back. */
const EXTRA: readonly {
	kind: ReviewKind;
	share: (segment: Segment) => number;
	everyMonths: number;
	/** Days from today of the latest one, before jitter. */
	latest: readonly [number, number];
	months: number;
}[] = [
	{
		kind: 'ebr',
		share: (s) => (s === 'enterprise' ? 0.45 : 0),
		everyMonths: 12,
		latest: [-330, 35],
		months: REVIEW_HISTORY_MONTHS
	},
	{
		kind: 'qbr',
		share: (s) => (s === 'mid_market' ? 0.2 : 0),
		everyMonths: 3,
		latest: [-80, 10],
		months: 12
	},
	{
		kind: 'survey_review',
		share: (s) => (s === 'smb' ? 0.05 : 0.15),
		everyMonths: 6,
		latest: [-170, 10],
		months: REVIEW_HISTORY_MONTHS
	}
];
/** Who owns a follow-up action, among those on the team. */
const ACTION_OWNERS: readonly (readonly [TeamRole, number])[] = [
	['CSM', 55],
	['AM', 15],
	['SE', 10],
	['TAM', 10],
	['PARTNER_CSM', 10],
	['BA', 5]
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long a customer of the `new` state has been one: weeks, from its CRM id (no draw, so the
 * feedback planner agrees without the reviews' generator).
 */
export function customerSince(account: PlannedAccount, localToday: string): string | null {
	if (account.lifecycleStage !== 'onboarding') return null;
	return addDays(localToday, -(20 + (hashString(account.externalId) % 70)));
}

export function planReviews(
	plan: DemoPlan,
	cadences: readonly DemoCadence[],
	options: ReviewPlanOptions
): ReviewsPlan {
	const root = createRng(options.seed).fork('reviews');
	const rngs = plan.accounts.map((a) => root.fork(a.externalId));
	const diary = plan.accounts.map((a, i): DiaryState => {
		const rng = rngs[i]!;
		if (a.lifecycleStage === 'churned') return 'churned';
		if (a.lifecycleStage === 'onboarding') return 'new';
		return rng.weighted(DIARY);
	});
	meetMinimums(diary);
	const bySegment = new Map<Segment, DemoCadence[]>();
	for (const c of [...cadences].sort((a, b) => a.everyMonths - b.everyMonths)) {
		bySegment.set(c.segment, [...(bySegment.get(c.segment) ?? []), c]);
	}
	const reviews = plan.accounts.flatMap((account, accountIndex) =>
		planAccount(
			{ account, accountIndex, state: diary[accountIndex]!, now: options.now.getTime() },
			bySegment.get(account.segment) ?? [],
			rngs[accountIndex]!
		)
	);
	return { reviews, diary };
}

/** However small the demo, one account left a review unrecorded and one has nothing planned. */
function meetMinimums(diary: DiaryState[]) {
	for (const state of ['unrecorded', 'unplanned'] as const) {
		if (diary.includes(state)) continue;
		const last = diary.lastIndexOf('planned');
		if (last >= 0) diary[last] = state;
	}
}

interface Occurrence {
	kind: ReviewKind;
	everyMonths: number;
	day: string;
	status: ReviewStatus;
	cancelReason?: string;
}

interface Context {
	account: PlannedAccount;
	accountIndex: number;
	state: DiaryState;
	now: number;
}

function planAccount(context: Context, cadences: readonly DemoCadence[], rng: Rng) {
	const { account, state } = context;
	const text = REVIEW_TEXT[account.locale];
	const today = todayIn(account.timeZone, new Date(context.now));
	const since = customerSince(account, today);
	const windowStart = addMonths(today, -REVIEW_HISTORY_MONTHS);
	const from = since !== null && since > windowStart ? since : windowStart;
	// A churned customer's reviews stop when it left.
	const until = state === 'churned' ? account.renewalDate : today;
	const horizon = addDays(today, PLANNING_HORIZON_DAYS);
	const occurrences: Occurrence[] = [];

	/**
	 * Past occurrences, `everyMonths` apart before `anchor`, each a few days late at most; the
	 * latest one `held` for sure when asked (a cancelled one's make-up would move the cadence).
	 */
	const history = (
		kind: ReviewKind,
		everyMonths: number,
		anchor: string,
		start = from,
		held = false
	) => {
		const days: string[] = [];
		for (let k = 1; ; k++) {
			const due = addMonths(anchor, -everyMonths * k);
			if (due < start) break;
			let day = workday(addDays(due, rng.int(0, 6)), 1);
			if (day >= until) day = workday(addDays(until, -1), -1);
			if (day >= start) days.unshift(day);
		}
		days.forEach((day, i) => past(kind, everyMonths, day, held && i === days.length - 1));
	};
	const past = (kind: ReviewKind, everyMonths: number, day: string, held = false) => {
		if (held || !rng.chance(CANCELLED)) {
			occurrences.push({ kind, everyMonths, day, status: 'held' });
			return;
		}
		occurrences.push({
			kind,
			everyMonths,
			day,
			status: 'cancelled',
			cancelReason: rng.pick(text.cancelReasons)
		});
		const makeUp = workday(addDays(day, rng.int(7, 20)), 1);
		if (makeUp < until) occurrences.push({ kind, everyMonths, day: makeUp, status: 'held' });
	};
	const planned = (kind: ReviewKind, everyMonths: number, day: string) =>
		occurrences.push({ kind, everyMonths, day, status: 'planned' });

	cadences.forEach((cadence, k) => {
		const { kind, everyMonths } = cadence;
		const primary = k === 0;
		const ahead = () =>
			workday(addDays(today, primary ? rng.int(3, 60) : rng.int(3, everyMonths * 30)), 1);
		if (state === 'new') {
			if (primary && rng.chance(NEW_PLANNED)) planned(kind, everyMonths, ahead());
			return;
		}
		if (state === 'churned') {
			const last = workday(addDays(account.renewalDate, -rng.int(0, 20)), -1);
			if (last < today && rng.chance(0.5)) {
				occurrences.push({
					kind,
					everyMonths,
					day: last,
					status: 'cancelled',
					cancelReason: text.notRenewing
				});
			}
			history(kind, everyMonths, last);
			return;
		}
		if (state === 'unplanned') {
			// The day the next one is due: the cadence flags call it overdue or unscheduled.
			history(kind, everyMonths, addDays(today, rng.int(-40, 20)), from, true);
			return;
		}
		if (state === 'unrecorded' && primary) {
			const missed = workday(addDays(today, -rng.int(2, 25)), -1);
			planned(kind, everyMonths, missed);
			history(kind, everyMonths, missed);
			return;
		}
		const next = ahead();
		if (next <= horizon) planned(kind, everyMonths, next);
		history(kind, everyMonths, next);
	});

	if (state !== 'new') {
		for (const extra of EXTRA) {
			if (!rng.chance(extra.share(account.segment))) continue;
			const latest = workday(addDays(today, rng.int(...extra.latest)), 1);
			const start = addMonths(today, -extra.months);
			if (latest >= today) {
				if ((state === 'planned' || state === 'unrecorded') && latest <= horizon) {
					planned(extra.kind, extra.everyMonths, latest);
				}
			} else if (latest < until && latest >= start) {
				past(extra.kind, extra.everyMonths, latest);
			}
			history(extra.kind, extra.everyMonths, latest, start > from ? start : from);
		}
	}

	const order = (o: Occurrence) => `${o.day} ${o.kind}`;
	return occurrences
		.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
		.map((o) => review(context, o, today, rng));
}

function review(context: Context, o: Occurrence, today: string, rng: Rng): PlannedReview {
	const { account, now } = context;
	const text = REVIEW_TEXT[account.locale];
	const hour = rng.int(9, 16);
	const time = `${String(hour).padStart(2, '0')}:${hour < 16 && rng.chance(0.5) ? '30' : '00'}`;
	const start = zonedToInstant(o.day, time, account.timeZone).getTime();
	const duration =
		o.kind === 'obr' || o.kind === 'ebr' ? 90 : o.kind === 'cbr' && rng.chance(0.3) ? 90 : 60;
	const end = start + duration * MINUTE;
	const csm = teamMember(account, 'CSM') ?? null;
	const held = o.status === 'held';
	const created = Math.min(
		now - rng.int(1, 20) * HOUR,
		start - rng.int(10, 45) * DAY - rng.int(0, 8) * HOUR
	);
	const updated =
		o.status === 'held'
			? Math.min(now, end + rng.int(2, 48) * HOUR)
			: o.status === 'cancelled'
				? Math.min(now, Math.max(created + HOUR, start - rng.int(1, 7) * DAY))
				: created;
	const notes = held ? rng.sample(text.notes[o.kind], 2).join('\n') : '';
	const decisions = held ? rng.sample(text.decisions, rng.int(1, 2)).join('\n') : '';
	return {
		accountIndex: context.accountIndex,
		kind: o.kind,
		title: text.title(o.kind, periodOf(o.kind, o.everyMonths, o.day), account.name),
		status: o.status,
		day: o.day,
		startsAt: iso(start),
		durationMinutes: duration,
		timeZone: account.timeZone,
		location: rng.pick(text.locations),
		agenda: text.agenda[o.kind],
		notes,
		decisions,
		cancelReason: o.cancelReason ?? '',
		attendees: attendees(account, o.kind, rng),
		createdByUserIndex: csm,
		createdAt: iso(created),
		updatedAt: iso(updated),
		actions: held ? actions(context, o, end, today, rng) : []
	};
}

/** The period a review covers, named by its kind's rhythm. */
function periodOf(kind: ReviewKind, everyMonths: number, day: string): ReviewPeriod {
	const year = Number(day.slice(0, 4));
	const month = Number(day.slice(5, 7));
	const span =
		kind === 'qbr' || (kind !== 'ebr' && everyMonths <= 3)
			? 'quarter'
			: kind === 'ebr' || everyMonths > 6
				? 'year'
				: 'half';
	const part =
		span === 'quarter' ? Math.ceil(month / 3) : span === 'half' ? (month <= 6 ? 1 : 2) : 1;
	return { span, year, part };
}

/** The primary contact and one or two more; the CSM, often the AM, and specialists by kind. */
function attendees(account: PlannedAccount, kind: ReviewKind, rng: Rng): PlannedAttendee[] {
	const wide = kind === 'cbr' || kind === 'ebr';
	const others = account.contacts.map((_, i) => i).slice(1);
	const contacts = [0, ...rng.sample(others, rng.int(0, wide ? 2 : 1))].filter(
		(i) => i < account.contacts.length
	);
	const roles: TeamRole[] = ['CSM'];
	if (kind === 'qbr' || kind === 'ebr' || rng.chance(0.7)) roles.push('AM');
	if (kind === 'obr' || kind === 'ebr' || rng.chance(0.3)) roles.push('SE');
	if (kind === 'obr' || kind === 'survey_review') roles.push('TAM');
	if (rng.chance(0.8)) roles.push('PARTNER_CSM');
	if (rng.chance(0.3)) roles.push('BA');
	const users = [...new Set(roles.flatMap((r) => teamMember(account, r) ?? []))];
	return [
		...contacts.map((contactIndex) => ({ kind: 'contact' as const, contactIndex })),
		...users.map((userIndex) => ({ kind: 'user' as const, userIndex }))
	];
}

/**
 * One to three follow-ups agreed in the review, due within a month: those long due are nearly
 * all done, those just due more than half, those still ahead mostly open. What is not done by
 * its due date is overdue: a few, most of them recent.
 */
function actions(
	context: Context,
	o: Occurrence,
	end: number,
	today: string,
	rng: Rng
): PlannedReviewAction[] {
	const { account, now } = context;
	const owners = ACTION_OWNERS.flatMap(([role, weight]) => {
		const user = teamMember(account, role);
		return user === undefined ? [] : [[user, weight] as const];
	});
	if (owners.length === 0) return [];
	const titles = REVIEW_TEXT[account.locale].actions[o.kind];
	const created = Math.min(now - MINUTE, end + rng.int(1, 4) * HOUR);
	return rng.sample(titles, rng.int(1, o.kind === 'survey_review' ? 2 : 3)).map((title) => {
		const dueDate = addDays(o.day, rng.int(7, 30));
		const late = daysBetween(dueDate, today);
		const done = rng.chance(late > 20 ? 0.985 : late > 0 ? 0.6 : 0.15);
		const span = Math.min(Date.parse(`${dueDate}T12:00:00Z`) + 5 * DAY, now) - created;
		return {
			title,
			ownerUserIndex: rng.weighted(owners),
			dueDate,
			status: done ? 'done' : 'open',
			createdAt: iso(created),
			completedAt: done
				? iso(Math.min(now, created + Math.max(HOUR, Math.floor(rng.float(0.2, 1) * span))))
				: null
		};
	});
}

/** The day itself on a weekday, else the next (`direction` 1) or previous (−1) Monday–Friday. */
function workday(day: string, direction: 1 | -1): string {
	let d = day;
	while (isWeekend(d)) d = addDays(d, direction);
	return d;
}

function isWeekend(day: string): boolean {
	const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
	return weekday === 0 || weekday === 6;
}

function teamMember(account: PlannedAccount, role: TeamRole): number | undefined {
	return account.team.find((m) => m.teamRole === role)?.userIndex;
}

const iso = (ms: number) => new Date(Math.floor(ms / MINUTE) * MINUTE).toISOString();

/**
 * Pure planning of the demo customer feedback: two years of NPS, CSAT and free text per
 * account, in the account's language. No database and no clock: the same (plan, reviews, seed,
 * now, volume) always gives the same responses.
 *
 * How much: about 8–40 responses per account (enterprise most, SMB fewest, APAC fewer still,
 * customers of weeks only a few); `volume` scales the same shares to a total. What: NPS from
 * relationship surveys sent in waves on 2 March and 2 September (most answers in the first
 * three weeks, a trickle between), CSAT after support interactions all year round (every
 * account's latest in the last six weeks), comments by email, call or in a CBR, and responses
 * given in a held review that name it. A detractor (NPS 0–6) or a CSAT of 2 or less has the
 * follow-up task the app raises for the account's CSM: open for the last 30 days, done before.
 *
 * The differences a trend chart should show, all on top of each account's own lean:
 * - NPS by segment: enterprise ≈ 8.6, mid-market ≈ 8.1, SMB ≈ 7.7 on average;
 * - reseller-sold customers half a point lower (one more party between them and us);
 * - LATAM CSAT 0.3 higher; APAC answers about a third less often;
 * - seasonality: NPS dips in December–January (holiday support load, price renewals), CSAT is
 *   best in June–August and weakest in December–January;
 * - customers who left scored low; those expanding a little higher.
 */
import { addDays, addMonths, daysBetween, todayIn } from '../../domain/dates';
import {
	needsFollowUp,
	npsGroup,
	type FeedbackKind,
	type FeedbackSource,
	type FeedbackStatus,
	type FeedbackTeam,
	type FeedbackTheme
} from '../../domain/feedback';
import type { LifecycleStage, Locale, Region, Segment, TeamRole } from '../../domain/vocabulary';
import { format } from '../../i18n/format';
import { FEEDBACK_TEXT, type FeedbackSnippet, type Tone } from './demo-feedback-text';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import { customerSince, type PlannedReview } from './demo-reviews-plan';
import { createRng, type Rng } from './random';

/** The follow-up task's title as the feedback service words it, per language (its catalogue). */
export interface FollowUpWording {
	/** 'Follow up on {score}' */
	title: string;
	/** 'Follow up on {score} from {contact}' */
	titleFrom: string;
	/** The kinds' names that go before the score. */
	nps: string;
	csat: string;
}

export interface FeedbackPlanOptions {
	seed: number;
	/** 'YYYY-MM-DD': nothing is received after it. */
	today: string;
	/** The seeding moment. */
	now: Date;
	/** About how many responses in all (the bench's volume); unset: 8–40 per account. */
	volume?: number;
	titles: Record<Locale, FollowUpWording>;
}

export interface PlannedFollowUp {
	title: string;
	/** The account's CSM. */
	ownerUserIndex: number;
	dueDate: string;
	status: 'open' | 'done';
	/** ISO timestamp. */
	completedAt: string | null;
}

export interface PlannedFeedback {
	accountIndex: number;
	kind: FeedbackKind;
	score: number | null;
	comment: string;
	source: FeedbackSource;
	/** Index into the account's contacts. */
	contactIndex: number | null;
	/** Index into the planned reviews: the held review it was given in. */
	reviewIndex: number | null;
	receivedOn: string;
	themes: string[];
	routedTeam: FeedbackTeam | null;
	status: FeedbackStatus;
	/** The account's CSM: owner of the follow-up, and who captured it. */
	csmUserIndex: number | null;
	/** ISO timestamps. */
	createdAt: string;
	updatedAt: string;
	followUp: PlannedFollowUp | null;
}

export const FEEDBACK_HISTORY_MONTHS = 24;
/** A follow-up raised this many days ago or less is still open. */
export const OPEN_FOLLOW_UP_DAYS = 30;

/** Responses per account over two years, before the account's own spread (±25%). */
const RESPONSES: Record<Segment, number> = { enterprise: 30, mid_market: 18, smb: 10 };
const REGION_RESPONSES: Record<Region, number> = {
	emea: 1,
	latam: 1,
	north_america: 0.95,
	apac: 0.65
};
/** Customers of weeks answered at least their onboarding surveys. */
const MIN_RESPONSES = 3;

const NPS_MEAN: Record<Segment, number> = { enterprise: 8.6, mid_market: 8.1, smb: 7.7 };
const NPS_REGION: Record<Region, number> = { emea: 0, latam: 0.2, north_america: 0, apac: -0.1 };
const NPS_RESELLER = -0.5;
const NPS_STAGE: Record<LifecycleStage, number> = {
	onboarding: 0.2,
	adoption: 0,
	expansion: 0.4,
	renewal: -0.3,
	churned: -1.8
};
/** By month, January first. */
const NPS_SEASON = [-0.8, -0.3, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1];

const CSAT_MEAN: Record<Segment, number> = { enterprise: 4.2, mid_market: 4.05, smb: 3.9 };
const CSAT_REGION: Record<Region, number> = { emea: 0, latam: 0.3, north_america: 0, apac: 0 };
const CSAT_RESELLER = -0.15;
const CSAT_STAGE: Record<LifecycleStage, number> = {
	onboarding: 0,
	adoption: 0,
	expansion: 0.1,
	renewal: -0.1,
	churned: -0.5
};
const CSAT_SEASON = [-0.25, 0, 0, 0, 0, 0.2, 0.3, 0.2, 0, 0, 0, -0.2];

/** What the rest of an account's responses are, after those given in reviews. */
const KINDS: readonly (readonly [FeedbackKind, number])[] = [
	['nps', 36],
	['csat', 40],
	['comment', 24]
];
/** NPS answers in a survey wave rather than between waves. */
const IN_WAVE = 0.78;
const WAVE_DAYS = 21;
/** Survey invitations go out on these days (month, day). */
const WAVES = [
	[3, 2],
	[9, 2]
] as const;
/** Share of scores that come with a comment. */
const WITH_COMMENT = { nps: 0.55, csat: 0.4, comment: 1 };
const COMMENT_SOURCE: readonly (readonly [FeedbackSource, number])[] = [
	['email', 50],
	['call', 40],
	['cbr', 10]
];
/** Held reviews a response names, at most this share of the account's responses. */
const IN_REVIEW = 0.45;
const IN_REVIEW_CAP = 0.25;
/** An operational survey precedes its review: CSAT from the engineers who answered it. */
const SURVEY_CSAT = 0.7;
/** The CSAT of the account's latest support interaction falls in this many days. */
const LATEST_CSAT_DAYS = 45;

/** Where each theme goes; the first listed when there are two, now and then the second. */
const TEAMS: Record<FeedbackTheme, readonly FeedbackTeam[]> = {
	onboarding: ['customer_success'],
	usability: ['product'],
	performance: ['engineering'],
	reliability: ['site_operations', 'engineering'],
	support_quality: ['service_desk'],
	response_time: ['service_desk'],
	billing: ['billing'],
	pricing: ['sales'],
	documentation: ['product'],
	training: ['customer_success'],
	feature_request: ['product'],
	integrations: ['product'],
	reporting: ['product'],
	account_management: ['customer_success'],
	communication: ['customer_success'],
	delivery: ['site_operations']
};
/** How far responses got, by age: recent ones are still being routed, old ones closed. */
const STATUS_RECENT: readonly (readonly [FeedbackStatus, number])[] = [
	['new', 40],
	['routed', 35],
	['acknowledged', 17],
	['closed_loop', 8]
];
const STATUS_QUARTER: readonly (readonly [FeedbackStatus, number])[] = [
	['new', 3],
	['routed', 12],
	['acknowledged', 35],
	['closed_loop', 50]
];
const STATUS_OLD: readonly (readonly [FeedbackStatus, number])[] = [
	['acknowledged', 25],
	['closed_loop', 75]
];

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface AccountFrame {
	account: PlannedAccount;
	accountIndex: number;
	rng: Rng;
	/** First and last day a response may be received on. */
	start: string;
	end: string;
	/** The account's today (never after the seeding's). */
	today: string;
	weight: number;
}

/**
 * The responses, account by account, in account order: a generator, so the writer can send a
 * few thousand at a time without holding every response of a large volume at once.
 */
export function* planFeedback(
	plan: DemoPlan,
	reviews: readonly PlannedReview[],
	options: FeedbackPlanOptions
): Generator<PlannedFeedback> {
	const root = createRng(options.seed).fork('feedback');
	const frames = plan.accounts.map((account, accountIndex) =>
		frameOf(account, accountIndex, root.fork(account.externalId), options)
	);
	const totalWeight = frames.reduce((sum, f) => sum + f.weight, 0);
	const held = heldReviews(reviews);
	for (const frame of frames) {
		const count =
			options.volume === undefined
				? Math.max(MIN_RESPONSES, Math.round(frame.weight))
				: roundRandomly(frame.rng, (options.volume * frame.weight) / Math.max(totalWeight, 1));
		yield* planAccount(plan, frame, count, held.get(frame.accountIndex) ?? [], options);
	}
}

function frameOf(
	account: PlannedAccount,
	accountIndex: number,
	rng: Rng,
	options: FeedbackPlanOptions
): AccountFrame {
	const local = todayIn(account.timeZone, options.now);
	const today = local < options.today ? local : options.today;
	const since = customerSince(account, today);
	const windowStart = addDays(addMonths(today, -FEEDBACK_HISTORY_MONTHS), 1);
	const start = since !== null && since > windowStart ? since : windowStart;
	// A customer that left answers nothing after it left.
	const left = account.lifecycleStage === 'churned' ? addDays(account.renewalDate, -1) : today;
	const end = left < today && left >= start ? left : today;
	const active = Math.max(1, daysBetween(start, end)) / (FEEDBACK_HISTORY_MONTHS * 30.4);
	const weight =
		RESPONSES[account.segment] *
		REGION_RESPONSES[account.region] *
		Math.min(1, active) *
		rng.float(0.75, 1.25);
	return { account, accountIndex, rng, start, end, today, weight };
}

interface HeldReview {
	reviewIndex: number;
	kind: PlannedReview['kind'];
	day: string;
	contactIndex: number | null;
}

/** Per account, its held reviews, newest first. */
function heldReviews(reviews: readonly PlannedReview[]): Map<number, HeldReview[]> {
	const byAccount = new Map<number, HeldReview[]>();
	reviews.forEach((r, reviewIndex) => {
		if (r.status !== 'held') return;
		const contact = r.attendees.find((a) => a.kind === 'contact');
		const list = byAccount.get(r.accountIndex) ?? [];
		list.push({
			reviewIndex,
			kind: r.kind,
			day: r.day,
			contactIndex: contact?.kind === 'contact' ? contact.contactIndex : null
		});
		byAccount.set(r.accountIndex, list);
	});
	for (const list of byAccount.values()) list.sort((a, b) => (a.day < b.day ? 1 : -1));
	return byAccount;
}

function planAccount(
	plan: DemoPlan,
	frame: AccountFrame,
	count: number,
	held: readonly HeldReview[],
	options: FeedbackPlanOptions
): PlannedFeedback[] {
	if (count <= 0) return [];
	const { account, rng, start, end } = frame;
	const csm = teamMember(account, 'CSM') ?? null;
	const wording = csm === null ? null : options.titles[plan.users[csm]!.locale];
	const reseller = account.resellerIndex !== null;
	const lean = rng.float(-1.3, 1.3);
	const npsMean =
		NPS_MEAN[account.segment] +
		NPS_REGION[account.region] +
		(reseller ? NPS_RESELLER : 0) +
		NPS_STAGE[account.lifecycleStage] +
		lean;
	const csatMean =
		CSAT_MEAN[account.segment] +
		CSAT_REGION[account.region] +
		(reseller ? CSAT_RESELLER : 0) +
		CSAT_STAGE[account.lifecycleStage] +
		lean * 0.35;
	const snippets = snippetsFor(account);
	// Days as numbers (days since 1970) while drawing: half a million responses add up.
	const first = dayNumber(start);
	const last = dayNumber(end);
	const todayNumber = dayNumber(frame.today);
	const span = last - first;
	const waves = wavesBetween(start, end).map(dayNumber);
	const anyDay = () => first + rng.int(0, span);
	const npsDay = () => {
		if (waves.length > 0 && rng.chance(IN_WAVE)) {
			const day = rng.pick(waves) + Math.floor(WAVE_DAYS * rng.next() ** 2);
			if (day <= last) return day;
		}
		return anyDay();
	};
	const now = options.now.getTime();

	const response = (
		kind: FeedbackKind,
		source: FeedbackSource,
		dayNo: number,
		reviewIndex: number | null = null,
		contactIndex: number | null = pickContact(rng, account)
	): PlannedFeedback => {
		const day = dayString(dayNo);
		const month = Number(day.slice(5, 7)) - 1;
		const score =
			kind === 'nps'
				? clamp(Math.round(npsMean + NPS_SEASON[month]! + noise(rng) * 2.6), 0, 10)
				: kind === 'csat'
					? clamp(Math.round(csatMean + CSAT_SEASON[month]! + noise(rng) * 1.6), 1, 5)
					: null;
		// Free text sounds like the score the customer would have given that day.
		const tone =
			score !== null
				? toneOf(kind, score)
				: toneOf('nps', Math.round(npsMean + NPS_SEASON[month]! + noise(rng) * 2.6));
		const snippet = rng.chance(WITH_COMMENT[kind]) ? rng.pick(snippets[tone]) : null;
		const themes: string[] = [];
		if (snippet) {
			themes.push(snippet.theme);
			if (snippet.also && rng.chance(0.3)) themes.push(snippet.also);
			if (snippet.tag && rng.chance(0.6)) {
				themes.push(typeof snippet.tag === 'string' ? snippet.tag : snippet.tag[account.locale]);
			}
		}
		const age = todayNumber - dayNo;
		const status = rng.weighted(
			age <= OPEN_FOLLOW_UP_DAYS ? STATUS_RECENT : age <= 90 ? STATUS_QUARTER : STATUS_OLD
		);
		const teams = snippet ? TEAMS[snippet.theme] : null;
		const team = teams ? (teams.length > 1 && rng.chance(0.3) ? teams[1]! : teams[0]!) : null;
		const routedTeam =
			status === 'new' ? null : status === 'closed_loop' ? team : (team ?? 'customer_success');
		const created = Math.min(
			now - rng.int(1, 90) * MINUTE,
			dayNo * DAY + rng.int(8 * 60, 19 * 60) * MINUTE
		);
		const updated = status === 'new' ? created : Math.min(now, created + rng.int(1, 20) * DAY);
		let followUp: PlannedFollowUp | null = null;
		if (csm !== null && wording !== null && needsFollowUp(kind, score)) {
			const open = age <= OPEN_FOLLOW_UP_DAYS;
			const contact = contactIndex === null ? undefined : account.contacts[contactIndex]?.name;
			followUp = {
				title: followUpTitle(wording, kind, score!, contact),
				ownerUserIndex: csm,
				dueDate: dayString(dayNo + 2),
				status: open ? 'open' : 'done',
				completedAt: open
					? null
					: iso(Math.min(now - MINUTE, created + Math.floor(rng.float(0.2, 6) * DAY)))
			};
		}
		return {
			accountIndex: frame.accountIndex,
			kind,
			score,
			comment: snippet ? snippet.text[account.locale] : '',
			source,
			contactIndex,
			reviewIndex,
			receivedOn: day,
			themes,
			routedTeam,
			status,
			csmUserIndex: csm,
			createdAt: iso(created),
			updatedAt: iso(updated),
			followUp
		};
	};

	const rows: PlannedFeedback[] = [];
	// Given in reviews: a comment or an NPS in a CBR, naming it; CSAT of an operational survey
	// from the weeks before the review that goes through it, naming that review.
	const inReviews = Math.ceil(count * IN_REVIEW_CAP);
	for (const review of held) {
		if (rows.length >= inReviews) break;
		if (review.day < start || review.day > end) continue;
		const held = dayNumber(review.day);
		if (review.kind === 'survey_review') {
			const day = held - rng.int(7, 21);
			if (day >= first && rng.chance(SURVEY_CSAT)) {
				rows.push(response('csat', 'operational_survey', day, review.reviewIndex));
			}
			continue;
		}
		if (!rng.chance(IN_REVIEW)) continue;
		const kind = rng.chance(0.35) ? 'nps' : 'comment';
		rows.push(response(kind, 'cbr', held, review.reviewIndex, review.contactIndex));
	}
	const rest = count - rows.length;
	for (let k = 0; k < rest; k++) {
		// The latest support interaction's CSAT: the sentiment component has a recent score.
		if (k === 0 && rest >= 2) {
			rows.push(response('csat', 'survey', last - rng.int(0, Math.min(LATEST_CSAT_DAYS, span))));
			continue;
		}
		const kind = rng.weighted(KINDS);
		if (kind === 'nps') rows.push(response('nps', 'survey', npsDay()));
		else if (kind === 'csat') rows.push(response('csat', 'survey', anyDay()));
		else rows.push(response('comment', rng.weighted(COMMENT_SOURCE), anyDay()));
	}
	return rows.sort((a, b) =>
		a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0
	);
}

/** The follow-up's title, as `feedback.service` words it in the owner's language. */
export function followUpTitle(
	wording: FollowUpWording,
	kind: FeedbackKind,
	score: number,
	contact: string | undefined
): string {
	const scoreText = `${kind === 'nps' ? wording.nps : wording.csat} ${score}`;
	return contact
		? format(wording.titleFrom, { score: scoreText, contact })
		: format(wording.title, { score: scoreText });
}

/** The comments this account may make, by tone. */
function snippetsFor(account: PlannedAccount): Record<Tone, FeedbackSnippet[]> {
	const fits = (s: FeedbackSnippet) =>
		(!s.reseller || account.resellerIndex !== null) &&
		(!s.regions || s.regions.includes(account.region));
	const eligible = FEEDBACK_TEXT.filter(fits);
	return {
		positive: eligible.filter((s) => s.tone === 'positive'),
		neutral: eligible.filter((s) => s.tone === 'neutral'),
		negative: eligible.filter((s) => s.tone === 'negative')
	};
}

function toneOf(kind: FeedbackKind, score: number): Tone {
	if (kind === 'csat') return score >= 4 ? 'positive' : score === 3 ? 'neutral' : 'negative';
	return NPS_TONE[npsGroup(score)];
}

const NPS_TONE = { promoter: 'positive', passive: 'neutral', detractor: 'negative' } as const;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;

/** 'YYYY-MM-DD' of a day number, the few hundred of them kept. */
const dayStrings = new Map<number, string>();
function dayString(dayNo: number): string {
	let day = dayStrings.get(dayNo);
	if (day === undefined) {
		day = new Date(dayNo * DAY).toISOString().slice(0, 10);
		dayStrings.set(dayNo, day);
	}
	return day;
}

/** Survey waves (their invitation days) whose answers could fall between start and end. */
function wavesBetween(start: string, end: string): string[] {
	const waves: string[] = [];
	for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
		for (const [month, day] of WAVES) {
			const sent = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
			if (sent >= start && sent <= end) waves.push(sent);
		}
	}
	return waves;
}

/** The primary contact most often, another now and then, nobody for an anonymous answer. */
function pickContact(rng: Rng, account: PlannedAccount): number | null {
	const n = account.contacts.length;
	if (n === 0 || rng.chance(0.12)) return null;
	return rng.chance(0.45) ? 0 : rng.int(0, n - 1);
}

/** Roughly normal, mean 0, within ±1.5 (the sum of three uniforms). */
const noise = (rng: Rng) => rng.next() + rng.next() + rng.next() - 1.5;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** `value` rounded down or up, up with the probability of its fraction: totals come out right. */
function roundRandomly(rng: Rng, value: number): number {
	const whole = Math.floor(value);
	return whole + (rng.next() < value - whole ? 1 : 0);
}

function teamMember(account: PlannedAccount, role: TeamRole): number | undefined {
	return account.team.find((m) => m.teamRole === role)?.userIndex;
}

const iso = (ms: number) => new Date(ms).toISOString();

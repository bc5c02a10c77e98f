/**
 * Pure planning of the demo escalations: about 12% of accounts with one to three over the last
 * 120 days, most of them resolved or closed, a few open in every state (some P1s left
 * unacknowledged past their first response, so the P1 churn rule fires). Due times come from
 * the same SLA policy, calendar and `dueAfter` the app uses when one is opened, and the marks
 * the SLA sweep leaves (warned, breached) are set where a sweep running every minute would
 * have set them. No database and no clock: the same (plan, policies, calendars, seed, now)
 * always gives the same escalations.
 */
import {
	AROUND_THE_CLOCK,
	dueAfter,
	isOpen,
	needsPostmortem,
	nextWarningAt,
	WARNING_SHARE,
	type ClockKind,
	type EscalationCategory,
	type EscalationRoute,
	type EscalationStatus,
	type Priority,
	type ReportChannel
} from '../../domain/escalation';
import type { Pause, SupportCalendar } from '../../domain/sla';
import type { Region, SupportPackage, TeamRole } from '../../domain/vocabulary';
import { ESCALATION_TEXT } from './demo-escalations-text';
import { addDays } from './demo-parts';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import { createRng, type Rng } from './random';

/** A support package's promise for one priority, as `sla_policies` holds it. */
export interface DemoSlaPolicy {
	supportPackage: SupportPackage;
	priority: Priority;
	responseMinutes: number;
	resolutionMinutes: number | null;
	clock: ClockKind;
}

/** A support calendar as the SLA clock reads it, with its id to store. */
export interface DemoCalendar {
	id: number;
	calendar: SupportCalendar;
}

export interface EscalationRules {
	policies: readonly DemoSlaPolicy[];
	/** Each region's default calendar: demo accounts name none of their own. */
	regionCalendars: Partial<Record<Region, DemoCalendar>>;
}

export interface EscalationPlanOptions {
	seed: number;
	/** The seeding moment: nothing happens after it. */
	now: Date;
	/** 'YYYY-MM-DD': corrective actions fall due relative to it. */
	today: string;
	/**
	 * About how many escalations in all, spread over every account with a CSM and mostly closed
	 * (the bench's support history). Unset: the demo's share of accounts, a few each.
	 */
	volume?: number;
}

export type EscalationEventKind =
	'opened' | 'status' | 'comment' | 'warning' | 'breach' | 'postmortem';

export interface PlannedEscalationEvent {
	kind: EscalationEventKind;
	/** Index into `DemoPlan.users`; null for what the sweep recorded. */
	actorUserIndex: number | null;
	body: string;
	data: Record<string, string | number | null> | null;
	/** ISO timestamp. */
	at: string;
	/** A corrective action's event: which of the escalation's actions, whose task id goes in `data`. */
	actionIndex: number | null;
}

export interface PlannedCorrectiveAction {
	title: string;
	/** The account's CSM, who wrote the post-mortem. */
	ownerUserIndex: number;
	dueDate: string;
	status: 'open' | 'done';
	/** ISO timestamps. */
	createdAt: string;
	completedAt: string | null;
}

export interface PlannedEscalation {
	accountIndex: number;
	title: string;
	description: string;
	priority: Priority;
	category: EscalationCategory;
	externalRef: string;
	reportedVia: ReportChannel;
	/** Whether the account's primary contact reported it. */
	primaryContact: boolean;
	status: EscalationStatus;
	ownerUserIndex: number;
	routedTo: EscalationRoute | null;
	openedByUserIndex: number;
	supportPackage: SupportPackage;
	responseMinutes: number;
	resolutionMinutes: number | null;
	clock: ClockKind;
	calendarId: number | null;
	/** ISO timestamps from here on. */
	openedAt: string;
	responseDueAt: string;
	resolutionDueAt: string | null;
	acknowledgedAt: string | null;
	resolvedAt: string | null;
	closedAt: string | null;
	warnedAt: string | null;
	/** When the sweep next measures it, as the app sets it: null once warned or stopped. */
	warnAt: string | null;
	responseBreachedAt: string | null;
	resolutionBreachedAt: string | null;
	updatedAt: string;
	/** Waiting on the customer; `to` null while it still waits. */
	pauses: { from: string; to: string | null }[];
	/** Oldest first. */
	events: PlannedEscalationEvent[];
	postmortem: {
		rootCause: string;
		summary: string;
		writtenByUserIndex: number;
		/** ISO timestamp. */
		writtenAt: string;
	} | null;
	actions: PlannedCorrectiveAction[];
}

/** Share of accounts with escalations, and how many they had. */
const ESCALATED_SHARE = 0.12;
const COUNT: readonly (readonly [number, number])[] = [
	[1, 60],
	[2, 28],
	[3, 12]
];
const PRIORITY: readonly (readonly [Priority, number])[] = [
	['P1', 10],
	['P2', 25],
	['P3', 40],
	['P4', 25]
];
/** Most are done with; a few are open in each state. */
const STATUS: readonly (readonly [EscalationStatus, number])[] = [
	['new', 5],
	['acknowledged', 5],
	['in_progress', 9],
	['waiting_on_customer', 6],
	['resolved', 15],
	['closed', 60]
];
/** A long support history (a volume asked for): nearly all of it is done with. */
const VOLUME_STATUS: readonly (readonly [EscalationStatus, number])[] = [
	['new', 1],
	['acknowledged', 1],
	['in_progress', 3],
	['waiting_on_customer', 2],
	['resolved', 5],
	['closed', 88]
];
/** A P1 still new has mostly been left past its hour: the churn rule's case. */
const LATE_P1_SHARE = 0.6;
/** First responses and resolutions that missed their target. */
const MISSED_RESPONSE = 0.12;
const MISSED_RESOLUTION = 0.15;
/** Resolved P1s and P2s whose post-mortem is already written, before closing. */
const EARLY_POSTMORTEM = 0.5;

/** However small the demo: open P1s past due, a new one still in time, each state twice. */
const MIN_LATE_P1 = 4;
const MIN_PER_STATUS = 2;
/** Closed P2s with a post-mortem whose corrective actions are due in the coming days. */
const MIN_RECENT_POSTMORTEM = 2;

/** Days before now an escalation in each state was opened (a new one: minutes, below). */
const AGE_DAYS: Record<Exclude<EscalationStatus, 'new'>, readonly [number, number]> = {
	acknowledged: [0.1, 5],
	in_progress: [1, 20],
	waiting_on_customer: [2, 25],
	resolved: [2, 20],
	closed: [7, 120]
};
const RECENT_DAYS = [5, 14] as const;
const MAX_AGE_DAYS = 120;

const CATEGORIES: Record<Priority, readonly (readonly [EscalationCategory, number])[]> = {
	P1: [
		['outage', 40],
		['connectivity', 25],
		['degraded_service', 15],
		['security', 10],
		['hardware', 10]
	],
	P2: [
		['degraded_service', 25],
		['connectivity', 25],
		['hardware', 20],
		['access', 10],
		['provisioning', 10],
		['security', 10]
	],
	P3: [
		['provisioning', 25],
		['access', 20],
		['hardware', 20],
		['shipment', 15],
		['billing', 10],
		['other', 10]
	],
	P4: [
		['billing', 30],
		['shipment', 20],
		['other', 20],
		['access', 15],
		['provisioning', 15]
	]
};
/** The functional team a category goes to when it is routed; P1s go to GEM. */
const ROUTE: Record<EscalationCategory, EscalationRoute> = {
	outage: 'site_operations',
	degraded_service: 'engineering',
	connectivity: 'network_operations',
	access: 'service_desk',
	provisioning: 'service_desk',
	hardware: 'site_operations',
	security: 'security',
	billing: 'billing',
	shipment: 'site_operations',
	other: 'service_desk'
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

interface Spec {
	accountIndex: number;
	priority: Priority;
	status: EscalationStatus;
	/** A new one past its first response. */
	late: boolean;
	/** Closed within the last two weeks: its corrective actions are still to do. */
	recent: boolean;
	rng: Rng;
	/** Kept by a minimum: later minimums leave it alone. */
	reserved: boolean;
}

interface Context {
	plan: DemoPlan;
	rules: EscalationRules;
	now: number;
	today: string;
}

export function planEscalations(
	plan: DemoPlan,
	rules: EscalationRules,
	options: EscalationPlanOptions
): PlannedEscalation[] {
	const rng = createRng(options.seed).fork('escalations');
	const context: Context = { plan, rules, now: options.now.getTime(), today: options.today };
	const specs = drawSpecs(context, rng.fork('accounts'), options.volume);
	meetMinimums(context, specs, rng.fork('minimums'));
	return specs
		.sort((a, b) => a.accountIndex - b.accountIndex)
		.flatMap((spec, k) => planOne(context, spec, k) ?? []);
}

/**
 * Per account index, when the earliest of its open P1s passed its first-response target (ISO):
 * the P1 churn rule's condition (an open P1 past its response target) has held since then.
 */
export function p1BreachOnsets(escalations: readonly PlannedEscalation[]): Map<number, string> {
	const onsets = new Map<number, string>();
	for (const e of escalations) {
		if (e.priority !== 'P1' || !isOpen(e.status) || e.responseBreachedAt === null) continue;
		const known = onsets.get(e.accountIndex);
		if (known === undefined || Date.parse(e.responseBreachedAt) < Date.parse(known)) {
			onsets.set(e.accountIndex, e.responseBreachedAt);
		}
	}
	return onsets;
}

/** Which accounts had escalations, how many, of what priority and where each stands. */
function drawSpecs(context: Context, rng: Rng, volume: number | undefined): Spec[] {
	const specs: Spec[] = [];
	const served = context.plan.accounts.filter((a) => teamMember(a, 'CSM')).length;
	const perAccount = volume === undefined ? null : volume / Math.max(1, served);
	context.plan.accounts.forEach((account, accountIndex) => {
		const own = rng.fork(account.externalId);
		if (!teamMember(account, 'CSM')) return;
		if (perAccount === null && !own.chance(ESCALATED_SHARE)) return;
		const count =
			perAccount === null ? own.weighted(COUNT) : Math.round(own.float(0, 2 * perAccount));
		for (let k = 0; k < count; k++) {
			const priority = own.weighted(PRIORITY);
			// A customer that left has nothing open any more.
			const status: EscalationStatus =
				account.lifecycleStage === 'churned'
					? 'closed'
					: own.weighted(perAccount === null ? STATUS : VOLUME_STATUS);
			const late = status === 'new' && priority === 'P1' && own.chance(LATE_P1_SHARE);
			specs.push({
				accountIndex,
				priority,
				status,
				late,
				recent: false,
				rng: own.fork(`#${k}`),
				reserved: false
			});
		}
	});
	return specs;
}

/**
 * However few escalations came up, each state shows, and so do the cases the demo is for. A
 * minimum first keeps the escalations that already meet it, then rewrites others not kept by
 * an earlier one, then gives escalations to accounts that had none.
 */
function meetMinimums(context: Context, specs: Spec[], rng: Rng) {
	const minimums: {
		count: number;
		fits: (s: Spec) => boolean;
		make: Pick<Spec, 'priority' | 'status' | 'late' | 'recent'>;
	}[] = [
		{
			count: MIN_LATE_P1,
			fits: (s) => s.status === 'new' && s.priority === 'P1' && s.late,
			make: { priority: 'P1', status: 'new', late: true, recent: false }
		},
		{
			count: 1,
			fits: (s) => s.status === 'new' && s.priority === 'P1' && !s.late,
			make: { priority: 'P1', status: 'new', late: false, recent: false }
		},
		{
			count: MIN_RECENT_POSTMORTEM,
			fits: (s) => s.recent,
			make: { priority: 'P2', status: 'closed', late: false, recent: true }
		},
		...(['acknowledged', 'in_progress', 'waiting_on_customer', 'resolved', 'closed'] as const).map(
			(status) => ({
				count: MIN_PER_STATUS,
				fits: (s: Spec) => s.status === status,
				make: { priority: 'P2' as Priority, status, late: false, recent: false }
			})
		)
	];
	const { accounts } = context.plan;
	const escalated = new Set(specs.map((s) => s.accountIndex));
	const canHost = (s: Spec, status: EscalationStatus) =>
		!isOpen(status) || accounts[s.accountIndex]!.lifecycleStage !== 'churned';
	for (const minimum of minimums) {
		const fitting = specs.filter(minimum.fits).slice(0, minimum.count);
		for (const s of fitting) s.reserved = true;
		for (let missing = minimum.count - fitting.length; missing > 0; missing--) {
			let spec = specs.find((s) => !s.reserved && canHost(s, minimum.make.status));
			if (!spec) {
				const accountIndex = accounts.findIndex(
					(a, i) =>
						!escalated.has(i) &&
						teamMember(a, 'CSM') !== undefined &&
						a.lifecycleStage !== 'churned'
				);
				if (accountIndex < 0) return;
				escalated.add(accountIndex);
				spec = {
					accountIndex,
					...minimum.make,
					rng: rng.fork(accounts[accountIndex]!.externalId),
					reserved: false
				};
				specs.push(spec);
			}
			Object.assign(spec, minimum.make, { reserved: true });
		}
	}
}

/** How an escalation went, drawn once: the same shape is laid out again if it ran past now. */
interface Shape {
	/** Share of the response target used at the first response. */
	ackShare: number;
	/** Straight from new to in progress (the first response), or acknowledged first. */
	direct: boolean;
	/** Open minutes between acknowledging and working on it. */
	workAfter: number;
	/** Waited on the customer: how far into the resolution target, and for how many hours. */
	pause: { share: number; hours: number } | null;
	/** Share of the resolution target used when resolved. */
	resolveShare: number;
	/** Hours from resolved to closed. */
	closeAfter: number;
	comments: number;
}

function planOne(context: Context, spec: Spec, serial: number): PlannedEscalation | null {
	const { plan, rules, now } = context;
	const account = plan.accounts[spec.accountIndex]!;
	const policy = rules.policies.find(
		(p) => p.supportPackage === account.supportPackage && p.priority === spec.priority
	);
	// P1 counts every minute; the rest count the account's support hours (its region's).
	const own = rules.regionCalendars[account.region];
	const calendar = policy?.clock === '24x7' ? AROUND_THE_CLOCK : own?.calendar;
	// The app refuses to open one without a policy and a calendar; so does the demo.
	if (!policy || !calendar) return null;
	const rng = spec.rng;
	const csm = teamMember(account, 'CSM')!;
	const partner = teamMember(account, 'PARTNER_CSM');
	const text = ESCALATION_TEXT[account.locale];
	const category = rng.weighted(CATEGORIES[spec.priority]);
	const words = text.category[category];
	const status = spec.status;

	const shape: Shape = {
		ackShare: rng.chance(MISSED_RESPONSE) ? rng.float(1.1, 3) : rng.float(0.05, 0.9),
		direct: rng.chance(0.3),
		workAfter: rng.int(5, 90),
		pause:
			status === 'waiting_on_customer' ||
			(status === 'in_progress' && rng.chance(0.25)) ||
			((status === 'resolved' || status === 'closed') && rng.chance(0.3))
				? { share: rng.float(0.1, 0.5), hours: rng.int(2, 72) }
				: null,
		resolveShare: rng.chance(MISSED_RESOLUTION) ? rng.float(1.05, 1.8) : rng.float(0.15, 0.95),
		closeAfter: rng.int(4, 7 * 24),
		comments: rng.int(0, 2)
	};
	const ageMs =
		status === 'new'
			? (spec.priority === 'P1'
					? spec.late
						? rng.int(70, 20 * 60)
						: rng.int(3, 40)
					: rng.int(10, 3 * 24 * 60)) * MINUTE
			: rng.float(...(spec.recent ? RECENT_DAYS : AGE_DAYS[status])) * DAY;

	// Laid out from the opening; if its last step would come after now, it opened earlier.
	let opened = floorMinute(now - ageMs);
	let steps = layOut(policy, calendar, status, shape, opened);
	for (let tries = 0; steps.last > now && tries < 4; tries++) {
		opened = floorMinute(opened - (steps.last - now) - rng.int(1, 24) * HOUR);
		steps = layOut(policy, calendar, status, shape, opened);
	}
	if (steps.last > now) {
		opened = floorMinute(now - MAX_AGE_DAYS * DAY);
		steps = layOut(policy, calendar, status, shape, opened);
		if (steps.last > now) return null;
	}

	const marks = sweepMarks(policy, calendar, steps, now);
	const openedBy = partner !== undefined && rng.chance(0.3) ? partner : csm;
	const log = new Log();
	log.add('opened', openedBy, opened, '', { priority: spec.priority });
	// The moves, each logged by the CSM who owns it.
	const move = (at: number | null, from: EscalationStatus, to: EscalationStatus, body = '') => {
		if (at !== null) log.add('status', csm, at, body, { from, to });
	};
	const s = steps;
	if (s.acknowledged !== null) {
		const note = rng.pick(text.acknowledged);
		if (s.inProgress === s.acknowledged) move(s.acknowledged, 'new', 'in_progress', note);
		else {
			move(s.acknowledged, 'new', 'acknowledged', note);
			move(s.inProgress, 'acknowledged', 'in_progress');
		}
	}
	for (const p of s.pauses) {
		move(p.from, 'in_progress', 'waiting_on_customer', rng.pick(text.waiting));
		move(p.to, 'waiting_on_customer', 'in_progress');
	}
	move(s.resolved, 'in_progress', 'resolved', rng.pick(text.resolved));
	move(s.closed, 'resolved', 'closed', rng.pick(text.closed));
	if (marks.warnedAt !== null) log.add('warning', null, marks.warnedAt);
	if (marks.responseBreachedAt !== null) {
		log.add('breach', null, marks.responseBreachedAt, '', { clock: 'response' });
	}
	if (marks.resolutionBreachedAt !== null) {
		log.add('breach', null, marks.resolutionBreachedAt, '', { clock: 'resolution' });
	}
	const end = s.closed ?? s.resolved ?? now;
	for (const at of times(rng, opened, end, shape.comments)) {
		log.add('comment', csm, at, rng.pick(text.comment));
	}

	// P1s and P2s close only with a post-mortem: written between resolving and closing.
	const written =
		needsPostmortem(spec.priority) &&
		s.resolved !== null &&
		(status === 'closed' || (now - s.resolved > HOUR && rng.chance(EARLY_POSTMORTEM)))
			? floorMinute(s.resolved + rng.float(0.2, 0.8) * ((s.closed ?? now) - s.resolved))
			: null;
	const actions: PlannedCorrectiveAction[] = [];
	if (written !== null) {
		log.add('postmortem', csm, written, '', { change: 'written' });
		const titles = rng.sample(words.actions, rng.int(1, 2));
		titles.forEach((title, i) => {
			const created = written + (i + 1) * MINUTE;
			// A recent one's first action is due this week: it is in the CSM's My work.
			const soon = spec.recent && i === 0;
			actions.push(correctiveAction(context, rng, title, csm, created, soon));
			log.add('postmortem', csm, created, title, { change: 'action_added' }, i);
		});
	}

	const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
	const date = (ms: number | null) => (ms === null ? null : new Date(ms));
	const warnAt =
		marks.warnedAt !== null || !isOpen(status)
			? null
			: nextWarningAt(
					{
						opened_at: new Date(opened),
						response_due_at: new Date(s.responseDue),
						resolution_due_at: date(s.resolutionDue),
						acknowledged_at: date(s.acknowledged),
						resolved_at: date(s.resolved)
					},
					calendar,
					s.pauses.map((p) => ({ from_at: new Date(p.from), to_at: date(p.to) }))
				);
	const events = log.events();
	return {
		accountIndex: spec.accountIndex,
		title: rng.pick(words.titles),
		description: words.description,
		priority: spec.priority,
		category,
		externalRef: `${rng.pick(['ECP', 'GSD'])}-${String(100000 + serial * 7 + rng.int(0, 6)).padStart(7, '0')}`,
		reportedVia:
			spec.priority === 'P1'
				? rng.weighted<ReportChannel>([
						['phone', 80],
						['chat', 10],
						['portal', 10]
					])
				: rng.weighted<ReportChannel>([
						['email', 35],
						['portal', 30],
						['phone', 15],
						['chat', 12],
						['meeting', 8]
					]),
		primaryContact: rng.chance(0.8),
		status,
		ownerUserIndex: csm,
		routedTo:
			spec.priority === 'P1'
				? rng.chance(0.9)
					? 'gem'
					: ROUTE[category]
				: rng.chance(0.5)
					? ROUTE[category]
					: null,
		openedByUserIndex: openedBy,
		supportPackage: account.supportPackage,
		responseMinutes: policy.responseMinutes,
		resolutionMinutes: policy.resolutionMinutes,
		clock: policy.clock,
		calendarId: policy.clock === '24x7' ? null : own!.id,
		openedAt: iso(opened)!,
		responseDueAt: iso(s.responseDue)!,
		resolutionDueAt: iso(s.resolutionDue),
		acknowledgedAt: iso(s.acknowledged),
		resolvedAt: iso(s.resolved),
		closedAt: iso(s.closed),
		warnedAt: iso(marks.warnedAt),
		warnAt: warnAt?.toISOString() ?? null,
		responseBreachedAt: iso(marks.responseBreachedAt),
		resolutionBreachedAt: iso(marks.resolutionBreachedAt),
		updatedAt: events.at(-1)!.at,
		pauses: s.pauses.map((p) => ({ from: iso(p.from)!, to: iso(p.to) })),
		events,
		postmortem:
			written === null
				? null
				: {
						rootCause: words.rootCause,
						summary: words.summary,
						writtenByUserIndex: csm,
						writtenAt: iso(written)!
					},
		actions
	};
}

/** When each step happened, and the due times as stored once the last of them was taken. */
interface Steps {
	opened: number;
	responseDue: number;
	/** With every finished pause, as the move out of waiting on the customer leaves it. */
	resolutionDue: number | null;
	acknowledged: number | null;
	inProgress: number | null;
	pauses: { from: number; to: number | null }[];
	resolved: number | null;
	closed: number | null;
	/** The latest of them. */
	last: number;
}

/**
 * The escalation's steps in open time after its opening: the first response at a share of the
 * response target, work a little later, a wait on the customer part way to the resolution
 * target, the resolution at a share of it. Each is an instant on the clock's calendar, after
 * the pauses before it, so people act in open hours and the customer replies whenever.
 */
function layOut(
	policy: DemoSlaPolicy,
	calendar: SupportCalendar,
	status: EscalationStatus,
	shape: Shape,
	opened: number
): Steps {
	const start = new Date(opened);
	const at = (minutes: number, pauses: Pause[] = []) =>
		dueAfter(start, minutes, calendar, pauses).getTime();
	const responseDue = at(policy.responseMinutes);
	const target = policy.resolutionMinutes ?? 4 * policy.responseMinutes;
	const steps: Steps = {
		opened,
		responseDue,
		resolutionDue: null,
		acknowledged: null,
		inProgress: null,
		pauses: [],
		resolved: null,
		closed: null,
		last: opened
	};
	const finished: Pause[] = [];
	if (status !== 'new') {
		const ack = Math.max(1, Math.round(policy.responseMinutes * shape.ackShare));
		steps.acknowledged = at(ack);
		if (status !== 'acknowledged') {
			const work = shape.direct ? ack : ack + shape.workAfter;
			steps.inProgress = shape.direct ? steps.acknowledged : at(work);
			let reached = work;
			if (shape.pause) {
				reached = work + Math.max(1, Math.round(target * shape.pause.share));
				const from = at(reached);
				const to = status === 'waiting_on_customer' ? null : from + shape.pause.hours * HOUR;
				steps.pauses.push({ from, to });
				if (to !== null) finished.push({ from: new Date(from), to: new Date(to) });
			}
			if (status === 'resolved' || status === 'closed') {
				const minutes = Math.max(reached + 30, Math.round(target * shape.resolveShare));
				steps.resolved = at(minutes, finished);
				if (status === 'closed') steps.closed = steps.resolved + shape.closeAfter * HOUR;
			}
		}
	}
	steps.resolutionDue =
		policy.resolutionMinutes === null ? null : at(policy.resolutionMinutes, finished);
	const pauseStarts = steps.pauses.map((p) => p.from);
	const pauseEnds = steps.pauses.flatMap((p) => (p.to === null ? [] : [p.to]));
	steps.last = Math.max(
		opened,
		...[steps.acknowledged, steps.inProgress, steps.resolved, steps.closed].filter(
			(t) => t !== null
		),
		...pauseStarts,
		...pauseEnds
	);
	return steps;
}

interface SweepMarks {
	warnedAt: number | null;
	responseBreachedAt: number | null;
	resolutionBreachedAt: number | null;
}

/**
 * What the SLA sweep (every minute, open escalations only) would have recorded. A clock past its
 * due time while running is breached at that due time (a late first response finds the sweep
 * was there first). The warning comes once, at 75% of either clock's open time, or when a due
 * time passes while the clock is paused.
 */
function sweepMarks(
	policy: DemoSlaPolicy,
	calendar: SupportCalendar,
	steps: Steps,
	now: number
): SweepMarks {
	const start = new Date(steps.opened);
	const due = (minutes: number, pauses: Pause[]) =>
		dueAfter(start, minutes, calendar, pauses).getTime();
	// The response clock stops at the first response; every pause comes after it.
	const answered = steps.acknowledged;
	const responseBreachedAt =
		answered === null
			? steps.responseDue <= now
				? steps.responseDue
				: null
			: answered > steps.responseDue
				? steps.responseDue
				: null;
	const responseWarning = due(policy.responseMinutes * WARNING_SHARE, []);
	const warnings = [responseWarning <= (answered ?? now) ? responseWarning : null];

	let resolutionBreachedAt: number | null = null;
	if (policy.resolutionMinutes !== null) {
		const minutes = policy.resolutionMinutes;
		const end = steps.resolved ?? now;
		const finished: Pause[] = [];
		let warning: number | null = null;
		let waiting = false;
		for (const pause of steps.pauses) {
			const warnAt = due(minutes * WARNING_SHARE, finished);
			const dueAt = due(minutes, finished);
			if (warning === null) {
				if (warnAt <= pause.from) warning = warnAt;
				else if (dueAt <= (pause.to ?? now)) warning = dueAt;
			}
			if (resolutionBreachedAt === null && dueAt <= pause.from) resolutionBreachedAt = dueAt;
			if (pause.to === null) {
				waiting = true;
				break;
			}
			finished.push({ from: new Date(pause.from), to: new Date(pause.to) });
		}
		if (!waiting) {
			const warnAt = due(minutes * WARNING_SHARE, finished);
			// Every pause is over: the due time is the one stored.
			const dueAt = steps.resolutionDue!;
			if (warning === null && warnAt <= end) warning = warnAt;
			if (resolutionBreachedAt === null && dueAt <= end) resolutionBreachedAt = dueAt;
		}
		warnings.push(warning);
	}
	const warned = warnings.filter((w) => w !== null);
	return {
		warnedAt: warned.length === 0 ? null : Math.min(...warned),
		responseBreachedAt,
		resolutionBreachedAt
	};
}

/**
 * A corrective action: most of a month-old post-mortem's are done (the rest overdue); a recent
 * one's are mostly still open, due in the coming weeks.
 */
function correctiveAction(
	context: Context,
	rng: Rng,
	title: string,
	owner: number,
	created: number,
	soon: boolean
): PlannedCorrectiveAction {
	const createdDay = new Date(created).toISOString().slice(0, 10);
	const base = { title, ownerUserIndex: owner, createdAt: new Date(created).toISOString() };
	const old = context.now - created > 30 * DAY;
	if (!soon && rng.chance(old ? 0.85 : 0.25)) {
		const completed = created + rng.float(0.1, 1) * Math.min(context.now - created, 21 * DAY);
		return {
			...base,
			dueDate: addDays(createdDay, rng.int(3, 21)),
			status: 'done',
			completedAt: new Date(floorMinute(completed)).toISOString()
		};
	}
	return {
		...base,
		dueDate: old
			? addDays(createdDay, rng.int(7, 21))
			: addDays(context.today, soon ? rng.int(1, 6) : rng.int(1, 20)),
		status: 'open',
		completedAt: null
	};
}

/** An escalation's timeline, kept in time order (the order it was logged breaks ties). */
class Log {
	private readonly list: (PlannedEscalationEvent & { ms: number })[] = [];

	add(
		kind: EscalationEventKind,
		actor: number | null,
		at: number,
		body = '',
		data: PlannedEscalationEvent['data'] = null,
		actionIndex: number | null = null
	) {
		this.list.push({
			kind,
			actorUserIndex: actor,
			body,
			data,
			at: new Date(at).toISOString(),
			actionIndex,
			ms: at
		});
	}

	events(): PlannedEscalationEvent[] {
		return this.list
			.map((e, i) => ({ e, i }))
			.sort((a, b) => a.e.ms - b.e.ms || a.i - b.i)
			.map(({ e }) => ({
				kind: e.kind,
				actorUserIndex: e.actorUserIndex,
				body: e.body,
				data: e.data,
				at: e.at,
				actionIndex: e.actionIndex
			}));
	}
}

/** `count` moments in (from, to), oldest first, on whole minutes. */
function times(rng: Rng, from: number, to: number, count: number): number[] {
	const span = Math.max(0, to - from);
	return Array.from({ length: count }, () => floorMinute(from + MINUTE + rng.next() * span))
		.filter((t) => t < to)
		.sort((a, b) => a - b);
}

function teamMember(account: PlannedAccount, role: TeamRole): number | undefined {
	return account.team.find((m) => m.teamRole === role)?.userIndex;
}

const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;

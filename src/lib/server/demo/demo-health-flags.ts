/**
 * Pure planning of the demo churn flags, once the rules have raised theirs: manual flags on
 * about 4% of accounts in every status a person sets (open, mitigating, resolved, churned),
 * some of the rules' flags worked or dismissed, and sales acknowledging and commenting. Rule
 * flags are dated back to the day their condition began in the planned history, the P1 rule's to
 * the instant its escalation breached. No database and no clock: the same (plan, histories, rule
 * flags, options) always gives the same plan.
 */
import {
	DROP_POINTS,
	DROP_WINDOW_DAYS,
	RENEWAL_WINDOW_DAYS,
	type ChurnRule,
	type ChurnSeverity,
	type ChurnStatus
} from '../../domain/churn';
import { daysBetween } from '../../domain/dates';
import type { TeamRole } from '../../domain/vocabulary';
import { band, HISTORY_DAYS, type PlannedHistory } from './demo-health-plan';
import {
	CHURN_TEXT,
	MANUAL_REASONS,
	type ChurnSnippets,
	type ManualReason
} from './demo-health-text';
import { addDays } from './demo-parts';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import { createRng, type Rng } from './random';

export interface PlannedFlagEvent {
	kind: 'raised' | 'status' | 'mitigation' | 'comment' | 'acknowledged';
	/** Index into `DemoPlan.users`. */
	actorUserIndex: number | null;
	body: string;
	data: { from: ChurnStatus; to: ChurnStatus } | null;
	/** ISO timestamp, between the flag's creation and now. */
	at: string;
}

/** What people did with a flag: where it stands, its next step and its log. */
export interface FlagWork {
	status: ChurnStatus;
	statusReason: string | null;
	nextStep: string;
	nextStepOwnerUserIndex: number | null;
	nextStepDue: string | null;
	/** ISO timestamps. */
	createdAt: string;
	updatedAt: string;
	closedAt: string | null;
	/** Oldest first; a manual flag's starts with 'raised', a rule flag's already has it. */
	events: PlannedFlagEvent[];
}

export interface PlannedManualFlag extends FlagWork {
	accountIndex: number;
	severity: ChurnSeverity;
	reason: ManualReason;
	arrAtRisk: number;
	summary: string;
	raisedByUserIndex: number;
}

/** A flag the rules raised while seeding. */
export interface RuleFlag {
	id: number;
	accountIndex: number;
	rule: ChurnRule;
	severity: ChurnSeverity;
}

export interface PlannedRuleFlagWork extends FlagWork {
	id: number;
}

export interface ChurnFlagPlan {
	manual: PlannedManualFlag[];
	rule: PlannedRuleFlagWork[];
}

export interface ChurnFlagOptions {
	seed: number;
	/** The seeding moment: rule flags were raised at it, and nothing happens after it. */
	now: Date;
	/**
	 * Per account index, when its earliest open P1 breached its first response (ISO): its
	 * 'p1_sla_breach' flag is dated to that instant. Without one it stays dated `now`.
	 */
	p1Breaches?: ReadonlyMap<number, string>;
}

type ManualStatus = 'open' | 'mitigating' | 'resolved' | 'churned';
const MANUAL_STATUSES: readonly ManualStatus[] = ['open', 'mitigating', 'resolved', 'churned'];

/** Share of accounts with a flag raised by hand; a customer that left more often had one. */
const MANUAL_SHARE = 0.033;
const CHURNED_SHARE = 0.2;
/** Days before now a manual flag in each status was raised. */
const AGE_DAYS: Record<ManualStatus, readonly [number, number]> = {
	open: [1, 30],
	mitigating: [7, 50],
	resolved: [20, 85],
	churned: [25, 85]
};
/** Why customers that left did; the others cover a share of the ARR or all of it. */
const LEAVING: readonly ManualReason[] = [
	'competitor',
	'moving_to_cloud',
	'budget_cut',
	'merger_acquisition',
	'consolidation',
	'business_closure'
];
const WHOLE_ARR = new Set<ManualReason>([
	'competitor',
	'moving_to_cloud',
	'merger_acquisition',
	'business_closure'
]);

/** Rule flags a CSM dismissed or is working on; 'renewal_red' is never waved away. */
const DISMISSED_SHARE = 0.08;
const MITIGATING_SHARE = 0.15;
/** Open critical and high flags an account manager acknowledged; active flags sales commented on. */
const ACK_SHARE = 0.5;
const COMMENT_SHARE = 0.15;

const MINUTE = 60_000;
const DAY = 86_400_000;

export function planChurnFlags(
	plan: DemoPlan,
	histories: readonly PlannedHistory[],
	ruleFlags: readonly RuleFlag[],
	options: ChurnFlagOptions
): ChurnFlagPlan {
	const rng = createRng(options.seed).fork('churn-flags');
	const context: Context = {
		plan,
		now: options.now.getTime(),
		history: new Map(histories.map((h) => [h.accountIndex, h])),
		p1Breaches: options.p1Breaches ?? new Map(),
		manager: plan.users.findIndex((u) => u.role === 'manager')
	};
	return {
		manual: planManual(context, rng.fork('manual')),
		rule: planRuleWork(context, rng.fork('rule'), ruleFlags)
	};
}

interface Context {
	plan: DemoPlan;
	now: number;
	history: ReadonlyMap<number, PlannedHistory>;
	p1Breaches: ReadonlyMap<number, string>;
	/** The first manager, who raises a few flags; -1 without one. */
	manager: number;
}

function planManual(context: Context, rng: Rng): PlannedManualFlag[] {
	const { accounts } = context.plan;
	const forks = accounts.map((a) => rng.fork(a.externalId));
	const status = new Map<number, ManualStatus>();
	accounts.forEach((account, i) => {
		const own = forks[i]!;
		if (!teamMember(account, 'CSM')) return;
		if (account.lifecycleStage === 'churned') {
			if (own.chance(CHURNED_SHARE)) status.set(i, 'churned');
		} else if (own.chance(MANUAL_SHARE)) {
			status.set(
				i,
				own.weighted<ManualStatus>([
					['open', 40],
					['mitigating', 33],
					['resolved', 27]
				])
			);
		}
	});
	// Every status shows up, however small the demo: the first unflagged account that fits.
	for (const wanted of MANUAL_STATUSES) {
		if ([...status.values()].includes(wanted)) continue;
		const fits = accounts.findIndex(
			(a, i) =>
				!status.has(i) &&
				teamMember(a, 'CSM') !== undefined &&
				(a.lifecycleStage === 'churned') === (wanted === 'churned')
		);
		if (fits >= 0) status.set(fits, wanted);
	}
	return [...status.entries()]
		.sort(([a], [b]) => a - b)
		.map(([i, s]) => manualFlag(context, forks[i]!, i, s));
}

function manualFlag(
	context: Context,
	rng: Rng,
	accountIndex: number,
	status: ManualStatus
): PlannedManualFlag {
	const account = context.plan.accounts[accountIndex]!;
	const text = CHURN_TEXT[account.locale];
	const csm = teamMember(account, 'CSM')!;
	const reason = rng.pick(status === 'churned' ? LEAVING : MANUAL_REASONS);
	const severity =
		status === 'churned'
			? rng.weighted<ChurnSeverity>([
					['high', 40],
					['critical', 60]
				])
			: rng.weighted<ChurnSeverity>([
					['low', 15],
					['medium', 35],
					['high', 35],
					['critical', 15]
				]);
	const share = status === 'churned' || WHOLE_ARR.has(reason) ? 1 : rng.float(0.2, 0.6);
	const [minAge, maxAge] = AGE_DAYS[status];
	const created = context.now - rng.int(minAge, maxAge) * DAY - rng.int(0, 8 * 60) * MINUTE;
	const raisedBy = context.manager >= 0 && rng.chance(0.15) ? context.manager : csm;
	const today = context.history.get(accountIndex)?.today ?? dayOf(context.now);

	const log = new Log(created);
	log.add('raised', raisedBy, created);
	let closedAt: number | null = null;
	let statusReason: string | null = null;
	if (status === 'mitigating') {
		const [moved, ...notes] = times(rng, created, context.now, 1 + rng.int(1, 3));
		log.status(csm, moved!, 'open', 'mitigating');
		for (const at of notes) log.add('mitigation', csm, at, rng.pick(text.mitigation));
	} else if (status === 'resolved' || status === 'churned') {
		closedAt =
			created + Math.floor((rng.float(0.4, 0.95) * (context.now - created)) / MINUTE) * MINUTE;
		statusReason = status === 'resolved' ? rng.pick(text.resolved) : text.manual[reason].lost;
		const notes = rng.int(status === 'resolved' ? 1 : 0, 2);
		let from: ChurnStatus = 'open';
		if (notes > 0) {
			const [moved, ...at] = times(rng, created, closedAt, 1 + notes);
			log.status(csm, moved!, 'open', 'mitigating');
			for (const t of at) log.add('mitigation', csm, t, rng.pick(text.mitigation));
			from = 'mitigating';
		}
		log.status(csm, closedAt, from, status, statusReason);
	}
	if (status === 'open' || status === 'mitigating') {
		salesNotes(context, rng, log, account, severity, text);
	}

	return {
		accountIndex,
		severity,
		reason,
		arrAtRisk: Math.round((account.arr * share) / 100) * 100,
		summary: text.manual[reason].summary,
		raisedByUserIndex: raisedBy,
		status,
		statusReason,
		nextStep: text.manual[reason].nextStep,
		nextStepOwnerUserIndex: csm,
		nextStepDue:
			closedAt === null
				? addDays(today, rng.int(-5, 21))
				: addDays(dayOf(closedAt), -rng.int(0, 7)),
		createdAt: iso(created),
		updatedAt: iso(log.last),
		closedAt: closedAt === null ? null : iso(closedAt),
		events: log.events()
	};
}

function planRuleWork(
	context: Context,
	rng: Rng,
	ruleFlags: readonly RuleFlag[]
): PlannedRuleFlagWork[] {
	const flags = [...ruleFlags]
		.sort((a, b) => a.accountIndex - b.accountIndex || a.rule.localeCompare(b.rule))
		.map((flag) => {
			const account = context.plan.accounts[flag.accountIndex];
			if (!account) throw new Error(`no demo account #${flag.accountIndex}`);
			const own = rng.fork(`${account.externalId}:${flag.rule}`);
			const history = context.history.get(flag.accountIndex);
			// The P1 rule's condition began at an instant, not on a day of the history.
			const breach =
				flag.rule === 'p1_sla_breach' ? context.p1Breaches.get(flag.accountIndex) : undefined;
			const since = breach === undefined ? null : Math.min(Date.parse(breach), context.now);
			const onset =
				since !== null
					? Math.floor((context.now - since) / DAY)
					: history
						? onsetDays(flag.rule, history, account.renewalDate)
						: 0;
			const roll = own.next();
			const dismissable = flag.rule !== 'renewal_red';
			const status: ChurnStatus =
				onset === 0 || !teamMember(account, 'CSM')
					? 'open'
					: dismissable && roll < DISMISSED_SHARE
						? 'dismissed'
						: roll >= 1 - MITIGATING_SHARE
							? 'mitigating'
							: 'open';
			return { flag, account, own, since, onset, dismissable, status };
		});
	// A few of each, however small the demo: the first flag old enough to have been looked at.
	for (const wanted of ['dismissed', 'mitigating'] as const) {
		if (flags.some((f) => f.status === wanted)) continue;
		const fits = (f: (typeof flags)[number]) =>
			f.status === 'open' &&
			teamMember(f.account, 'CSM') !== undefined &&
			(wanted === 'mitigating' || f.dismissable);
		const pick = flags.find((f) => fits(f) && f.onset > 0) ?? flags.find(fits);
		if (pick) pick.status = wanted;
	}

	return flags.map(({ flag, account, own, since, onset, status }) => {
		const text = CHURN_TEXT[account.locale];
		const csm = teamMember(account, 'CSM') ?? null;
		const created =
			since ??
			(onset === 0 ? context.now : context.now - onset * DAY - own.int(0, 6 * 60) * MINUTE);
		const today = context.history.get(flag.accountIndex)?.today ?? dayOf(context.now);
		const log = new Log(created);
		const work: PlannedRuleFlagWork = {
			id: flag.id,
			status,
			statusReason: null,
			nextStep: '',
			nextStepOwnerUserIndex: null,
			nextStepDue: null,
			createdAt: iso(created),
			updatedAt: iso(created),
			closedAt: null,
			events: []
		};
		if (status === 'dismissed') {
			const [at] = times(own, created, context.now, 1);
			work.statusReason = own.pick(text.dismissed);
			work.closedAt = iso(at!);
			log.status(csm, at!, 'open', 'dismissed', work.statusReason);
		} else {
			if (status === 'mitigating') {
				const [moved, ...notes] = times(own, created, context.now, 1 + own.int(1, 3));
				log.status(csm, moved!, 'open', 'mitigating');
				for (const at of notes) log.add('mitigation', csm, at, own.pick(text.mitigation));
				work.nextStep = own.pick(text.ruleNextStep);
				work.nextStepOwnerUserIndex = csm;
				work.nextStepDue = addDays(today, own.int(-3, 14));
			}
			salesNotes(context, own, log, account, flag.severity, text);
		}
		work.events = log.events();
		work.updatedAt = iso(log.last);
		return work;
	});
}

/** The account manager acknowledges about half the critical and high ones, and comments on a few. */
function salesNotes(
	context: Context,
	rng: Rng,
	log: Log,
	account: PlannedAccount,
	severity: ChurnSeverity,
	text: ChurnSnippets
) {
	const am = teamMember(account, 'AM');
	if (am === undefined) return;
	if ((severity === 'critical' || severity === 'high') && rng.chance(ACK_SHARE)) {
		log.add('acknowledged', am, times(rng, log.created, context.now, 1)[0]!);
	}
	if (rng.chance(COMMENT_SHARE)) {
		log.add('comment', am, times(rng, log.created, context.now, 1)[0]!, rng.pick(text.comment));
	}
}

/**
 * Days before today the rule's condition has held without a break in the planned history (0
 * when it only holds today), so its flag is dated as if the daily pass had raised it then.
 */
export function onsetDays(rule: ChurnRule, history: PlannedHistory, renewalDate: string): number {
	const scores = [...history.scores, history.current];
	const holds = (i: number) => {
		const score = scores[i];
		if (score === null || score === undefined) return false;
		if (rule === 'health_red') return band(score) === 'red';
		if (rule === 'renewal_red') {
			const days = daysBetween(addDays(history.today, i - HISTORY_DAYS), renewalDate);
			return band(score) === 'red' && days >= 0 && days <= RENEWAL_WINDOW_DAYS;
		}
		if (rule === 'health_drop') {
			// As the rule reads it: the high of the window's days before this one.
			const window = scores.slice(Math.max(0, i - DROP_WINDOW_DAYS), i);
			const high = Math.max(...window.map((x) => x ?? -Infinity));
			return high - score >= DROP_POINTS;
		}
		return false;
	};
	if (!holds(HISTORY_DAYS)) return 0;
	let first = HISTORY_DAYS;
	while (first > 0 && holds(first - 1)) first--;
	return HISTORY_DAYS - first;
}

/** A flag's log, kept in time order. */
class Log {
	private readonly list: PlannedFlagEvent[] = [];
	constructor(readonly created: number) {}

	add(kind: PlannedFlagEvent['kind'], actor: number | null, at: number, body = '') {
		this.list.push({ kind, actorUserIndex: actor, body, data: null, at: iso(at) });
	}

	status(actor: number | null, at: number, from: ChurnStatus, to: ChurnStatus, body = '') {
		this.list.push({
			kind: 'status',
			actorUserIndex: actor,
			body,
			data: { from, to },
			at: iso(at)
		});
	}

	get last(): number {
		return Math.max(this.created, ...this.list.map((e) => Date.parse(e.at)));
	}

	events(): PlannedFlagEvent[] {
		return [...this.list].sort((a, b) => a.at.localeCompare(b.at));
	}
}

/** `count` moments in [from, to], oldest first, on whole seconds past `from`. */
function times(rng: Rng, from: number, to: number, count: number): number[] {
	const span = Math.max(0, to - from);
	return Array.from(
		{ length: count },
		() => from + Math.floor((rng.next() * span) / 1000) * 1000
	).sort((a, b) => a - b);
}

function teamMember(account: PlannedAccount, role: TeamRole): number | undefined {
	return account.team.find((m) => m.teamRole === role)?.userIndex;
}

const iso = (ms: number) => new Date(ms).toISOString();
const dayOf = (ms: number) => iso(ms).slice(0, 10);

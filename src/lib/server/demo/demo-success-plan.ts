/**
 * Pure planning of the demo success plans: objectives for every enterprise account and about
 * half of the others, in every status, bound to a usage metric or to a yes/no outcome, with the
 * tasks under them. No database and no clock: the same (plan, usage, seed, today) always gives
 * the same objectives.
 */
import type { MetricKey } from '../../domain/adoption';
import type { ObjectiveStatus } from '../../domain/success-plan';
import type { LifecycleStage, Locale, TaskStatus } from '../../domain/vocabulary';
import { stamp } from './demo-onboarding-items';
import { addDays } from './demo-parts';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import { PLAN_TEXT, type GoalMetric, type PlanSnippets } from './demo-success-plan-text';
import type { PlannedUsage } from './demo-usage-plan';
import { createRng, type Rng } from './random';

export interface PlannedPlanTask {
	title: string;
	/** Index into `DemoPlan.users`. */
	ownerUserIndex: number;
	dueDate: string;
	status: TaskStatus;
	skipReason: string | null;
	/** ISO timestamp. */
	completedAt: string | null;
	completedByUserIndex: number | null;
}

export interface PlannedObjective {
	accountIndex: number;
	title: string;
	why: string;
	criterionKind: 'metric' | 'outcome';
	metric: MetricKey | null;
	targetValue: number | null;
	outcome: string;
	/** The account's CSM, who also wrote it. */
	ownerUserIndex: number;
	dueDate: string;
	status: ObjectiveStatus;
	statusReason: string | null;
	/** ISO timestamp; its tasks were added with it. */
	createdAt: string;
	tasks: PlannedPlanTask[];
}

export interface SuccessPlanOptions {
	seed: number;
	today: string;
	/**
	 * CSMs (by email) whose first account gets an objective on track with an open task of theirs
	 * due this week, so My work shows plan tasks. Default: csm1@, csm2@ and csm3@keel.demo.
	 */
	showcaseCsms?: readonly string[];
}

const SHOWCASE_CSMS = ['csm1@keel.demo', 'csm2@keel.demo', 'csm3@keel.demo'];

/** How objectives tend to stand at each stage: new plans are not started, churned ones closed. */
const STATUS_WEIGHTS: Record<LifecycleStage, readonly (readonly [ObjectiveStatus, number])[]> = {
	onboarding: [
		['not_started', 50],
		['on_track', 40],
		['at_risk', 10]
	],
	adoption: [
		['on_track', 35],
		['achieved', 25],
		['not_started', 15],
		['at_risk', 15],
		['dropped', 10]
	],
	expansion: [
		['on_track', 40],
		['achieved', 25],
		['not_started', 15],
		['at_risk', 10],
		['dropped', 10]
	],
	renewal: [
		['on_track', 25],
		['at_risk', 30],
		['achieved', 25],
		['not_started', 10],
		['dropped', 10]
	],
	churned: [
		['dropped', 70],
		['achieved', 30]
	]
};

export function planSuccessPlans(
	plan: DemoPlan,
	usage: readonly PlannedUsage[],
	options: SuccessPlanOptions
): PlannedObjective[] {
	const usageOf = new Map(usage.map((u) => [u.accountIndex, u]));
	const showcase = new Set<number>();
	for (const email of options.showcaseCsms ?? SHOWCASE_CSMS) {
		const user = plan.users.findIndex((u) => u.email === email);
		const hit = plan.accounts.findIndex(
			(a, i) => !showcase.has(i) && a.lifecycleStage !== 'churned' && csmOf(a) === user
		);
		if (hit >= 0) showcase.add(hit);
	}

	const rng = createRng(options.seed).fork('success-plans');
	const result: PlannedObjective[] = [];
	plan.accounts.forEach((account, accountIndex) => {
		const own = rng.fork(account.externalId);
		const share =
			account.segment === 'enterprise' && account.lifecycleStage !== 'churned' ? 1 : 0.5;
		if (!own.chance(share) && !showcase.has(accountIndex)) return;
		result.push(
			...objectivesFor(own, options.today, accountIndex, account, usageOf.get(accountIndex), {
				showcase: showcase.has(accountIndex)
			})
		);
	});
	return result;
}

function csmOf(account: PlannedAccount): number | undefined {
	return account.team.find((m) => m.teamRole === 'CSM')?.userIndex;
}

function objectivesFor(
	rng: Rng,
	today: string,
	accountIndex: number,
	account: PlannedAccount,
	usage: PlannedUsage | undefined,
	{ showcase }: { showcase: boolean }
): PlannedObjective[] {
	const csm = csmOf(account);
	if (csm === undefined) throw new Error(`demo account ${account.externalId} has no CSM`);
	const text = PLAN_TEXT[account.locale];
	const stage = account.lifecycleStage;
	const churned = stage === 'churned';
	const count = churned
		? rng.int(1, 2)
		: rng.weighted([
				[2, 40],
				[3, 40],
				[4, 20]
			] as const);

	// The latest reading of each metric the account bought, to set targets near current use.
	const latest = new Map<MetricKey, { used: number; entitled: number }>();
	for (const s of usage?.series ?? []) {
		if (s.used.length > 0)
			latest.set(s.metric, { used: s.used.at(-1)!, entitled: s.entitled.at(-1)! });
	}
	const goals = rng.shuffle(
		(Object.keys(text.metric) as GoalMetric[]).filter((m) => latest.has(m))
	);
	const outcomes = rng.shuffle(text.outcome.map((_, i) => i));

	const result: PlannedObjective[] = [];
	for (let k = 0; k < count; k++) {
		const first = k === 0;
		const status: ObjectiveStatus =
			first && showcase
				? 'on_track'
				: first && churned
					? 'dropped'
					: rng.weighted(STATUS_WEIGHTS[stage]);
		const due =
			showcase && first ? addDays(today, rng.int(20, 90)) : dueFor(rng, status, today, churned);
		const created = minDay(addDays(due, -rng.int(30, 150)), addDays(today, -rng.int(1, 20)));

		let criterion: Pick<
			PlannedObjective,
			'title' | 'why' | 'criterionKind' | 'metric' | 'targetValue' | 'outcome'
		> | null = null;
		let taskTitles: readonly string[] = [];
		if (rng.chance(0.55)) {
			// The first metric whose target fits what was bought: nobody plans to use more cabinets
			// or ports than the contract has.
			for (const [g, metric] of goals.entries()) {
				const target = targetFor(rng, status, latest.get(metric)!, stage === 'onboarding');
				if (target === null) continue;
				goals.splice(g, 1);
				const goal = text.metric[metric];
				criterion = {
					title: goal.title.replace('{target}', formatCount(target, account.locale)),
					why: goal.why,
					criterionKind: 'metric',
					metric,
					targetValue: target,
					outcome: ''
				};
				taskTitles = goal.tasks;
				break;
			}
		}
		if (criterion === null) {
			const index = outcomes.shift();
			if (index === undefined) break;
			const goal = text.outcome[index]!;
			criterion = {
				title: goal.title,
				why: goal.why,
				criterionKind: 'outcome',
				metric: null,
				targetValue: null,
				outcome: goal.outcome
			};
			taskTitles = goal.tasks;
		}

		result.push({
			accountIndex,
			...criterion,
			ownerUserIndex: csm,
			dueDate: due,
			status,
			statusReason: reasonFor(rng, status, text, churned),
			createdAt: stamp(rng, created),
			tasks: tasksFor(rng, {
				today,
				status,
				created,
				due,
				titles: inOrder(rng, taskTitles, rng.int(1, 3)),
				team: account.team.map((m) => m.userIndex),
				csm,
				dropped: text.taskDropped,
				dueThisWeek: showcase && first
			})
		});
	}
	return result;
}

function dueFor(rng: Rng, status: ObjectiveStatus, today: string, churned: boolean): string {
	if (churned) return addDays(today, -rng.int(30, 200));
	switch (status) {
		case 'not_started':
			return addDays(today, rng.int(30, 150));
		case 'on_track':
			// A few are past their date without being flagged, so the plan asks for a look.
			return addDays(today, rng.chance(0.07) ? -rng.int(1, 20) : rng.int(10, 120));
		case 'at_risk':
			return addDays(today, rng.int(-25, 45));
		case 'achieved':
			return addDays(today, -rng.int(5, 150));
		case 'dropped':
			return addDays(today, -rng.int(0, 120));
	}
}

/**
 * A target near the current reading: below it when achieved, a little above when on track,
 * well above when at risk. While onboarding, the goal is to use most of what was bought. Null
 * when none fits: nothing used yet to have achieved, or more than was bought.
 */
function targetFor(
	rng: Rng,
	status: ObjectiveStatus,
	reading: { used: number; entitled: number },
	ramping: boolean
): number | null {
	const target = targetNear(rng, status, reading, ramping);
	return target !== null && target <= reading.entitled ? target : null;
}

function targetNear(
	rng: Rng,
	status: ObjectiveStatus,
	reading: { used: number; entitled: number },
	ramping: boolean
): number | null {
	const current = reading.used;
	const above = (low: number, high: number, step: number) =>
		Math.max(current + step, Math.ceil(current * rng.float(low, high)));
	switch (status) {
		case 'achieved':
			return current >= 1 ? Math.max(1, Math.floor(current * rng.float(0.75, 1))) : null;
		case 'on_track':
			if (ramping) return Math.max(current + 1, Math.ceil(reading.entitled * rng.float(0.6, 0.9)));
			// Now and then the target is already met but nobody marked it achieved.
			return current >= 1 && rng.chance(0.08) ? current : above(1.1, 1.4, 1);
		case 'not_started':
			if (ramping) return Math.max(current + 1, Math.ceil(reading.entitled * rng.float(0.6, 0.9)));
			return above(1.2, 1.5, 1);
		case 'at_risk':
			return above(1.4, 2, 2);
		case 'dropped':
			return above(1.3, 1.8, 1);
	}
}

function reasonFor(
	rng: Rng,
	status: ObjectiveStatus,
	text: PlanSnippets,
	churned: boolean
): string | null {
	if (status === 'at_risk') return rng.pick(text.atRisk);
	if (status === 'dropped') return rng.pick(churned ? text.churned : text.dropped);
	return null;
}

interface TaskShape {
	today: string;
	status: ObjectiveStatus;
	created: string;
	due: string;
	titles: readonly string[];
	team: readonly number[];
	csm: number;
	dropped: string;
	/** The showcase: the first open task is the CSM's and due within the week. */
	dueThisWeek: boolean;
}

/**
 * Tasks spread from the objective's creation to its due date and worked as its status says:
 * all done when achieved; done up to today when on track; one left overdue when at risk; the
 * rest skipped when dropped; none begun when not started.
 */
function tasksFor(rng: Rng, shape: TaskShape): PlannedPlanTask[] {
	const { today, status, created, due, csm } = shape;
	const yesterday = addDays(today, -1);
	const span = daysBetween(created, due);
	const n = shape.titles.length;
	const dueDates = shape.titles.map((_, j) => {
		const day = addDays(created, Math.max(1, Math.round((span * (j + 1)) / n)));
		return status === 'not_started' ? maxDay(day, addDays(today, rng.int(1, 14))) : day;
	});
	const lastPastDue = dueDates.reduce((last, day, j) => (day < today ? j : last), -1);
	const doneBefore = status === 'dropped' ? rng.int(0, n - 1) : 0;

	let showcased = false;
	return shape.titles.map((title, j) => {
		let taskStatus: TaskStatus;
		if (status === 'achieved') taskStatus = 'done';
		else if (status === 'dropped') taskStatus = j < doneBefore ? 'done' : 'skipped';
		else if (status === 'not_started') taskStatus = 'open';
		else if (status === 'at_risk') taskStatus = j < lastPastDue ? 'done' : 'open';
		else taskStatus = dueDates[j]! < today && j < n - 1 ? 'done' : 'open';

		let owner = rng.chance(0.7) ? csm : rng.pick(shape.team);
		let dueDate = dueDates[j]!;
		if (shape.dueThisWeek && taskStatus === 'open' && !showcased) {
			showcased = true;
			owner = csm;
			dueDate = addDays(today, rng.int(0, 4));
		}
		const done = taskStatus === 'done';
		const completedDay = maxDay(created, minDay(addDays(dueDate, -rng.int(0, 5)), yesterday));
		return {
			title,
			ownerUserIndex: owner,
			dueDate,
			status: taskStatus,
			skipReason: taskStatus === 'skipped' ? shape.dropped : null,
			completedAt: done ? stamp(rng, completedDay) : null,
			completedByUserIndex: done ? owner : null
		};
	});
}

/** `count` of the titles, kept in the order they are written: a plan's steps follow on. */
function inOrder(rng: Rng, titles: readonly string[], count: number): string[] {
	const chosen = new Set(rng.sample(titles, count));
	return titles.filter((t) => chosen.has(t));
}

function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** Targets are counts, written as the account's language writes numbers. */
function formatCount(value: number, locale: Locale): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

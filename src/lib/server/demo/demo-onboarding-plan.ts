/**
 * Pure planning of the demo onboardings: every account in the onboarding stage has one in
 * progress, about a third of those in adoption finished one. No database and no clock: the
 * same (plan, templates, seed, today) always gives the same onboardings.
 */
import type { TemplateContent } from '../../domain/onboarding-template';
import { addDays } from './demo-parts';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import {
	planChecklist,
	type PlannedItem,
	type PlannedPhase,
	type Risk
} from './demo-onboarding-items';
import { ONBOARDING_TEXT } from './demo-onboarding-text';
import { createRng, type Rng } from './random';

export type { PlannedItem, PlannedPhase } from './demo-onboarding-items';

export interface DemoTemplate {
	versionId: number;
	content: TemplateContent;
}

export interface PlannedOnboarding {
	accountIndex: number;
	templateVersionId: number;
	status: 'active' | 'completed';
	startDate: string;
	targetGoLive: string;
	preOnboardingSkipReason: string | null;
	completedOn: string | null;
	handoffNote: string | null;
	startedByUserIndex: number;
	phases: PlannedPhase[];
	items: PlannedItem[];
}

export interface OnboardingPlanOptions {
	seed: number;
	today: string;
	/**
	 * CSMs (by email) who each get an at-risk onboarding with a late item of their own, so
	 * their My work is not empty. Default: the named csm1@, csm2@ and csm3@keel.demo.
	 */
	showcaseCsms?: readonly string[];
}

const SHOWCASE_CSMS = ['csm1@keel.demo', 'csm2@keel.demo', 'csm3@keel.demo'];

/** Oldest an onboarding in progress may be, in days. */
const MAX_AGE = 120;
const AT_RISK_SHARE = 0.3;

export function templateKeyFor(account: PlannedAccount): string {
	if (account.resellerIndex !== null) return 'reseller-sold';
	return account.segment === 'enterprise' ? 'enterprise-tam' : 'direct-colocation';
}

/** Every onboarding to write, in account order. Empty when no template is installed. */
export function planOnboardings(
	plan: DemoPlan,
	templates: ReadonlyMap<string, DemoTemplate>,
	options: OnboardingPlanOptions
): PlannedOnboarding[] {
	const fallback = templates.get('direct-colocation') ?? [...templates.values()][0];
	if (!fallback) return [];
	const templateOf = (account: PlannedAccount) =>
		templates.get(templateKeyFor(account)) ?? fallback;
	const csmOf = (account: PlannedAccount) =>
		account.team.find((m) => m.teamRole === 'CSM')?.userIndex;

	const rng = createRng(options.seed).fork('onboardings');
	const indexes = plan.accounts.map((_, index) => index);
	const active = rng.shuffle(
		indexes.filter((i) => plan.accounts[i]?.lifecycleStage === 'onboarding')
	);
	const showcase = new Set<number>();
	for (const email of options.showcaseCsms ?? SHOWCASE_CSMS) {
		const user = plan.users.findIndex((u) => u.email === email);
		const hit = active.find((i) => !showcase.has(i) && csmOf(plan.accounts[i]!) === user);
		if (hit !== undefined) showcase.add(hit);
	}
	// Exactly the share at risk: the showcases, then others drawn at random.
	const riskCount = Math.round(AT_RISK_SHARE * active.length) - showcase.size;
	const others = rng.shuffle(active.filter((i) => !showcase.has(i)));
	const atRisk = new Set([...showcase, ...others.slice(0, Math.max(0, riskCount))]);

	const result: PlannedOnboarding[] = [];
	for (const [k, accountIndex] of active.entries()) {
		const account = plan.accounts[accountIndex]!;
		const own = rng.fork(account.externalId);
		const risk: Risk = !atRisk.has(accountIndex)
			? 'none'
			: showcase.has(accountIndex)
				? own.pick(['overdue', 'both'] as const)
				: own.weighted<Risk>([
						['overrun', 35],
						['overdue', 40],
						['both', 25]
					]);
		const current = (k % 3) + 1;
		const skipPre = current > 1 && own.chance(0.375);
		result.push(
			onboardingFor(own, options.today, accountIndex, account, templateOf(account), {
				current,
				skipPre,
				risk
			})
		);
	}
	for (const accountIndex of indexes) {
		const account = plan.accounts[accountIndex]!;
		if (account.lifecycleStage !== 'adoption') continue;
		const own = rng.fork(account.externalId);
		if (!own.chance(1 / 3)) continue;
		const skipPre = own.chance(0.25);
		result.push(
			onboardingFor(own, options.today, accountIndex, account, templateOf(account), {
				current: 4,
				skipPre,
				risk: null
			})
		);
	}
	return result.sort((a, b) => a.accountIndex - b.accountIndex);
}

interface Shape {
	/** The phase being worked on; 4 for a completed onboarding. */
	current: number;
	skipPre: boolean;
	risk: Risk | null;
}

function onboardingFor(
	rng: Rng,
	today: string,
	accountIndex: number,
	account: PlannedAccount,
	template: DemoTemplate,
	shape: Shape
): PlannedOnboarding {
	const text = ONBOARDING_TEXT[account.locale];
	const csm = account.team.find((m) => m.teamRole === 'CSM')?.userIndex;
	if (csm === undefined) throw new Error(`demo account ${account.externalId} has no CSM`);
	const templatePhases = template.content.phases;
	const skipped = (phase: number) => phase === 1 && shape.skipPre;

	// Days each closed phase took: its target ±50%.
	const durations = templatePhases.map((p) =>
		p.phase < shape.current && !skipped(p.phase)
			? Math.max(1, Math.round(p.targetDays * rng.float(0.5, 1.5)))
			: 0
	);
	const closedDays = durations.reduce((sum, d) => sum + d, 0);
	let startDate: string;
	let completedOn: string | null = null;
	if (shape.current > 3) {
		completedOn = addDays(today, -rng.int(14, 540));
		startDate = addDays(completedOn, -closedDays);
	} else {
		const target = templatePhases.find((p) => p.phase === shape.current)?.targetDays ?? 14;
		const overrun = shape.risk === 'overrun' || shape.risk === 'both';
		let inPhase = overrun
			? rng.int(target + 1, Math.max(target + 2, Math.round(target * 1.5)))
			: rng.int(1, target);
		inPhase = Math.max(1, Math.min(inPhase, MAX_AGE - closedDays));
		startDate = addDays(today, -(closedDays + inPhase));
	}

	let cursor = startDate;
	const phases: PlannedPhase[] = templatePhases.map((p, index) => {
		const base = {
			phase: p.phase,
			targetDays: p.targetDays,
			entryCriteria: p.entryCriteria,
			exitCriteria: p.exitCriteria.map((t) => ({
				text: t,
				checkedAt: null,
				checkedByUserIndex: null
			}))
		};
		if (skipped(p.phase)) return { ...base, startedOn: null, completedOn: null, skipped: true };
		if (p.phase > shape.current)
			return { ...base, startedOn: null, completedOn: null, skipped: false };
		const startedOn = cursor;
		if (p.phase === shape.current) return { ...base, startedOn, completedOn: null, skipped: false };
		cursor = addDays(cursor, durations[index] ?? 0);
		return { ...base, startedOn, completedOn: cursor, skipped: false };
	});

	const items = planChecklist({
		rng,
		today,
		startDate,
		locale: account.locale,
		team: account.team,
		csm,
		templatePhases,
		phases,
		itemSkipReasons: text.itemSkip,
		risk: shape.risk
	});

	const plannedDays = templatePhases
		.filter((p) => !skipped(p.phase))
		.reduce((sum, p) => sum + p.targetDays, 0);
	return {
		accountIndex,
		templateVersionId: template.versionId,
		status: completedOn ? 'completed' : 'active',
		startDate,
		targetGoLive: addDays(startDate, plannedDays),
		preOnboardingSkipReason: shape.skipPre ? rng.pick(text.preOnboardingSkip) : null,
		completedOn,
		handoffNote: completedOn
			? rng
					.pick(text.handoff)
					.replace('{days}', String(closedDays))
					.replace('{n}', String(rng.int(2, 5)))
			: null,
		startedByUserIndex: csm,
		phases,
		items
	};
}

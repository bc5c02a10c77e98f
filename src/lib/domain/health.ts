/**
 * The health model: an explainable score 0–100 per account. overall = Σ wᵢ·xᵢ / Σ wᵢ over the
 * components that have data; a component without data is shown as missing, never silently
 * scored, and "coverage" says how much of the model's weight the score stands on.
 */
import { trendOf } from './adoption';
import { csatAverage, netPromoterScore, npsGroup, type NpsCounts } from './feedback';

/** Every component the model knows; sections add theirs here as they land. */
export const HEALTH_COMPONENTS = [
	'adoption',
	'engagement',
	'progress',
	'support',
	'sentiment'
] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];

export const HEALTH_BANDS = ['red', 'yellow', 'green'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export interface HealthModel {
	/** Relative weights; only their ratios matter. A weight of 0 leaves a component out. */
	weights: Record<HealthComponent, number>;
	/** Highest score still red, highest still yellow: red 0–50, yellow 51–75, green 76–100. */
	redUpTo: number;
	yellowUpTo: number;
}

export const DEFAULT_HEALTH_MODEL: HealthModel = {
	weights: { adoption: 30, engagement: 20, progress: 20, support: 20, sentiment: 10 },
	redUpTo: 50,
	yellowUpTo: 75
};

/** One component's score (0–100), or null when the account has no data for it. */
export type ComponentScores = Record<HealthComponent, number | null>;

export interface ComponentResult {
	component: HealthComponent;
	weight: number;
	score: number | null;
	/** Points of the overall score this component gives: w·x / Σw over components with data. */
	contribution: number | null;
	/** Points it costs against a perfect 100: w·(100 − x) / Σw; what "biggest drag" ranks. */
	drag: number | null;
}

export interface HealthResult {
	/** 0–100, or null when no weighted component has data. */
	score: number | null;
	band: HealthBand | null;
	/** Share of the model's weight backed by data, 0–1. */
	coverage: number;
	components: ComponentResult[];
	/** The component costing the most points, if any costs any. */
	biggestDrag: HealthComponent | null;
}

export function bandOf(score: number, model: Pick<HealthModel, 'redUpTo' | 'yellowUpTo'>) {
	if (score <= model.redUpTo) return 'red';
	if (score <= model.yellowUpTo) return 'yellow';
	return 'green';
}

/** Scores are whole points: what people read and compare. */
const round = (x: number) => Math.round(x);

export function scoreHealth(scores: ComponentScores, model: HealthModel): HealthResult {
	const weighted = HEALTH_COMPONENTS.filter((c) => model.weights[c] > 0);
	const totalWeight = weighted.reduce((sum, c) => sum + model.weights[c], 0);
	const present = weighted.filter((c) => scores[c] !== null);
	const presentWeight = present.reduce((sum, c) => sum + model.weights[c], 0);

	const components = HEALTH_COMPONENTS.map((component): ComponentResult => {
		const weight = model.weights[component];
		const score = scores[component];
		if (score === null || weight <= 0 || presentWeight === 0) {
			return { component, weight, score, contribution: null, drag: null };
		}
		return {
			component,
			weight,
			score,
			contribution: (weight * score) / presentWeight,
			drag: (weight * (100 - score)) / presentWeight
		};
	});

	if (presentWeight === 0) {
		return { score: null, band: null, coverage: 0, components, biggestDrag: null };
	}
	const score = round(components.reduce((sum, c) => sum + (c.contribution ?? 0), 0));
	const worst = components
		.filter((c) => (c.drag ?? 0) > 0)
		.sort((a, b) => b.drag! - a.drag! || a.component.localeCompare(b.component))[0];
	return {
		score,
		band: bandOf(score, model),
		coverage: totalWeight === 0 ? 0 : presentWeight / totalWeight,
		components,
		biggestDrag: worst?.component ?? null
	};
}

/** A score and its components as stored: a daily snapshot or the current row. */
export type StoredScores = { score: number | null } & ComponentScores;

/** Change per component and overall against an earlier day (null where either lacks data). */
export function healthDelta(current: HealthResult, earlier: StoredScores | null) {
	const diff = (a: number | null, b: number | null | undefined) =>
		a === null || b === null || b === undefined ? null : a - b;
	return {
		score: diff(current.score, earlier?.score),
		components: Object.fromEntries(
			current.components.map((c) => [c.component, diff(c.score, earlier?.[c.component])])
		) as Record<HealthComponent, number | null>
	};
}

// Component scorers: each turns its section's facts into 0–100 or null (no data).

const clamp = (x: number) => Math.max(0, Math.min(100, x));

/**
 * Adoption: the account's mean utilisation (each product up to 100 %), nudged by its direction
 * of use: ±10 points for a clear rise or fall over the last three months.
 */
export function adoptionComponent(
	adoption: number | null,
	trend: 'up' | 'down' | 'flat' | null
): number | null {
	if (adoption === null) return null;
	const nudge = trend === 'up' ? 10 : trend === 'down' ? -10 : 0;
	return round(clamp(adoption * 100 + nudge));
}

/** Engagement: full marks within 14 days of the last touch, falling to 0 at 90 days. */
export function engagementComponent(daysSinceTouch: number | null): number | null {
	if (daysSinceTouch === null) return null;
	if (daysSinceTouch <= 14) return 100;
	if (daysSinceTouch >= 90) return 0;
	return round(100 * (1 - (daysSinceTouch - 14) / (90 - 14)));
}

export interface ProgressFacts {
	/** Open onboarding items past due. */
	overdueItems: number;
	/** Objectives not achieved or dropped. */
	openObjectives: number;
	atRiskObjectives: number;
	overdueObjectives: number;
	/** Whether there is anything to make progress on (an active onboarding or open objectives). */
	hasWork: boolean;
}

/**
 * Onboarding and plan progress: starts at 100 and loses 10 points per overdue onboarding item,
 * and per open objective the share of them at risk or overdue (up to 60 points). Null when the
 * account has neither an onboarding in progress nor an open objective.
 */
export function progressComponent(facts: ProgressFacts): number | null {
	if (!facts.hasWork) return null;
	const itemPenalty = Math.min(40, facts.overdueItems * 10);
	const troubled = Math.min(facts.openObjectives, facts.atRiskObjectives + facts.overdueObjectives);
	const objectivePenalty = facts.openObjectives === 0 ? 0 : 60 * (troubled / facts.openObjectives);
	return round(clamp(100 - itemPenalty - objectivePenalty));
}

export interface SupportFacts {
	/** Open escalations by priority. */
	open: Record<'P1' | 'P2' | 'P3' | 'P4', number>;
	/** SLA breaches (first response or resolution) in the last 90 days. */
	breaches: number;
	/** Whether the account has support history to judge: an escalation open or opened within a year. */
	hasData: boolean;
}

/** Points an open escalation costs the support component, by priority; and each recent breach. */
export const SUPPORT_PENALTY = { P1: 50, P2: 25, P3: 10, P4: 5, breach: 15 } as const;

/**
 * Support: starts at 100 and loses points per open escalation by its priority and per SLA breach
 * in 90 days. Null when the account has had no escalation for a year: no support history says
 * nothing either way.
 */
export function supportComponent(facts: SupportFacts): number | null {
	if (!facts.hasData) return null;
	const open = (['P1', 'P2', 'P3', 'P4'] as const).reduce(
		(sum, p) => sum + facts.open[p] * SUPPORT_PENALTY[p],
		0
	);
	return round(clamp(100 - open - facts.breaches * SUPPORT_PENALTY.breach));
}

export interface SentimentFacts {
	/** NPS responses in the window by group, and the NPS they make (−100 to 100). */
	npsCounts: NpsCounts;
	nps: number | null;
	/** CSAT responses in the window and their mean (1–5). */
	csatResponses: number;
	csat: number | null;
}

/** Days of feedback the sentiment component reads. */
export const SENTIMENT_WINDOW_DAYS = 180;

/**
 * Sentiment: the NPS of the last 180 days on a 0–100 scale ((NPS + 100) / 2) and the mean CSAT on
 * the same scale ((CSAT − 1) / 4 × 100), averaged when both are there. Null without a score in
 * the window: free-text feedback alone is read by people, not scored.
 */
export function sentimentComponent(facts: SentimentFacts): number | null {
	const parts = [
		facts.nps === null ? null : (facts.nps + 100) / 2,
		facts.csat === null ? null : ((facts.csat - 1) / 4) * 100
	].filter((part) => part !== null);
	if (parts.length === 0) return null;
	return round(clamp(parts.reduce((sum, part) => sum + part, 0) / parts.length));
}

/** The sentiment facts of NPS and CSAT scores given in the window. */
export function sentimentFacts(npsScores: number[], csatScores: number[]): SentimentFacts {
	const npsCounts = { promoters: 0, passives: 0, detractors: 0 };
	const counter = { promoter: 'promoters', passive: 'passives', detractor: 'detractors' } as const;
	for (const score of npsScores) npsCounts[counter[npsGroup(score)]]++;
	return {
		npsCounts,
		nps: netPromoterScore(npsCounts),
		csatResponses: csatScores.length,
		csat: csatAverage(
			csatScores.length,
			csatScores.reduce((sum, score) => sum + score, 0)
		)
	};
}

/** Everything the model reads about one account, gathered by one set-based query. */
export interface HealthFacts {
	/** Latest month's adoption (0–1) and that month; null with no readings. */
	adoption: number | null;
	adoptionMonth: string | null;
	/** Up to six months of adoption, oldest first, for the trend. */
	adoptionHistory: (number | null)[];
	/**
	 * The last touch: a kick-off or business review held, or a task completed, as a day in the
	 * account's zone.
	 */
	touch: { kind: 'meeting' | 'review' | 'task'; day: string; days: number } | null;
	progress: ProgressFacts & { onboardingActive: boolean };
	support: SupportFacts;
	sentiment: SentimentFacts;
}

/** Each component's score from the facts; sections not yet recorded in Keel stay missing. */
export function componentScores(facts: HealthFacts): ComponentScores {
	return {
		adoption: adoptionComponent(facts.adoption, trendOf(facts.adoptionHistory)),
		engagement: engagementComponent(facts.touch?.days ?? null),
		progress: progressComponent(facts.progress),
		support: supportComponent(facts.support),
		sentiment: sentimentComponent(facts.sentiment)
	};
}

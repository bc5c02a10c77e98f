import { describe, expect, it } from 'vitest';
import {
	DEFAULT_HEALTH_MODEL,
	adoptionComponent,
	bandOf,
	componentScores,
	engagementComponent,
	healthDelta,
	progressComponent,
	scoreHealth,
	sentimentComponent,
	sentimentFacts,
	type ComponentScores,
	type HealthFacts,
	type HealthModel,
	type StoredScores
} from '../../src/lib/domain/health';

const NONE: ComponentScores = {
	adoption: null,
	engagement: null,
	progress: null,
	support: null,
	sentiment: null
};
const model = (weights: Partial<HealthModel['weights']>): HealthModel => ({
	...DEFAULT_HEALTH_MODEL,
	weights: { adoption: 0, engagement: 0, progress: 0, support: 0, sentiment: 0, ...weights }
});

describe('scoreHealth', () => {
	it('is the weighted mean of the components with data', () => {
		const result = scoreHealth(
			{ ...NONE, adoption: 80, engagement: 40 },
			model({ adoption: 3, engagement: 1 })
		);
		expect(result.score).toBe(70);
		expect(result.coverage).toBe(1);
		const contributions = Object.fromEntries(
			result.components.map((c) => [c.component, c.contribution])
		);
		expect(contributions).toMatchObject({ adoption: 60, engagement: 10, progress: null });
	});

	it('leaves a missing component out rather than scoring it, and says how much weight is backed', () => {
		const result = scoreHealth(
			{ ...NONE, adoption: 80 },
			model({ adoption: 30, engagement: 20, progress: 50 })
		);
		// Not (30·80 + 20·0 + 50·0) / 100 = 24: missing data is not a zero.
		expect(result.score).toBe(80);
		expect(result.coverage).toBeCloseTo(0.3);
		const engagement = result.components.find((c) => c.component === 'engagement')!;
		expect(engagement).toMatchObject({ score: null, contribution: null, drag: null });
	});

	it('has no score, band or drag when no weighted component has data', () => {
		const result = scoreHealth({ ...NONE, sentiment: 90 }, model({ adoption: 1 }));
		expect(result).toMatchObject({ score: null, band: null, coverage: 0, biggestDrag: null });
	});

	it('ignores a component weighted 0 even when it has data', () => {
		const result = scoreHealth(
			{ ...NONE, adoption: 100, sentiment: 0 },
			model({ adoption: 1, sentiment: 0 })
		);
		expect(result.score).toBe(100);
		expect(result.coverage).toBe(1);
	});

	it('names the component costing the most points as the biggest drag', () => {
		// adoption costs 3·(100−70)/4 = 22.5 points, engagement 1·(100−20)/4 = 20.
		const result = scoreHealth(
			{ ...NONE, adoption: 70, engagement: 20 },
			model({ adoption: 3, engagement: 1 })
		);
		expect(result.biggestDrag).toBe('adoption');
		const perfect = scoreHealth({ ...NONE, adoption: 100 }, model({ adoption: 1 }));
		expect(perfect.biggestDrag).toBeNull();
	});

	it('rounds the overall score to whole points and bands it', () => {
		const result = scoreHealth(
			{ ...NONE, adoption: 51, engagement: 50 },
			model({ adoption: 1, engagement: 1 })
		);
		expect(result.score).toBe(51);
		expect(result.band).toBe('yellow');
	});
});

describe('bandOf', () => {
	it('uses red 0–50, yellow 51–75, green 76–100 by default', () => {
		expect([0, 50, 51, 75, 76, 100].map((s) => bandOf(s, DEFAULT_HEALTH_MODEL))).toEqual([
			'red',
			'red',
			'yellow',
			'yellow',
			'green',
			'green'
		]);
	});

	it('follows configured thresholds', () => {
		expect(bandOf(60, { redUpTo: 60, yellowUpTo: 80 })).toBe('red');
		expect(bandOf(81, { redUpTo: 60, yellowUpTo: 80 })).toBe('green');
	});
});

describe('healthDelta', () => {
	it('is the change overall and per component, null where either side lacks data', () => {
		const weights = model({ adoption: 1, engagement: 1 });
		const now = scoreHealth({ ...NONE, adoption: 60, engagement: 40 }, weights);
		const before = { ...NONE, adoption: 80, score: 80 };
		const delta = healthDelta(now, before);
		expect(delta.score).toBe(50 - 80);
		expect(delta.components).toMatchObject({ adoption: -20, engagement: null });
		expect(healthDelta(now, null).score).toBeNull();
	});

	it('compares against a stored row: every component, null where the earlier day lacked data', () => {
		const current = scoreHealth(
			{ ...NONE, adoption: 70, engagement: 100, progress: 40 },
			DEFAULT_HEALTH_MODEL
		);
		const stored: StoredScores = {
			score: 60,
			adoption: 75,
			engagement: null,
			progress: 40,
			support: null,
			sentiment: 50
		};
		const delta = healthDelta(current, stored);
		// (30·70 + 20·100 + 20·40) / 70 = 70.
		expect(current.score).toBe(70);
		expect(delta.score).toBe(10);
		expect(delta.components).toEqual({
			adoption: -5,
			engagement: null,
			progress: 0,
			support: null,
			// The earlier day had sentiment; today has none: no change to show, not −50.
			sentiment: null
		});
	});

	it('has no overall change when the earlier day had no score, and none at all without a day', () => {
		const current = scoreHealth({ ...NONE, adoption: 50 }, DEFAULT_HEALTH_MODEL);
		const unscored: StoredScores = { ...NONE, score: null, adoption: 40 };
		expect(healthDelta(current, unscored)).toEqual({
			score: null,
			components: { adoption: 10, engagement: null, progress: null, support: null, sentiment: null }
		});
		expect(healthDelta(current, null).components).toEqual({
			adoption: null,
			engagement: null,
			progress: null,
			support: null,
			sentiment: null
		});
	});
});

describe('componentScores', () => {
	const noWork = {
		overdueItems: 0,
		openObjectives: 0,
		atRiskObjectives: 0,
		overdueObjectives: 0,
		hasWork: false,
		onboardingActive: false
	};
	const facts = (overrides: Partial<HealthFacts> = {}): HealthFacts => ({
		adoption: null,
		adoptionMonth: null,
		adoptionHistory: [],
		touch: null,
		progress: noWork,
		support: { open: { P1: 0, P2: 0, P3: 0, P4: 0 }, breaches: 0, hasData: false },
		sentiment: sentimentFacts([], []),
		...overrides
	});

	it('leaves every section without data missing', () => {
		expect(componentScores(facts())).toEqual(NONE);
	});

	it('scores the sections that have data and leaves the rest missing', () => {
		const scores = componentScores(
			facts({
				adoption: 0.62,
				adoptionMonth: '2030-05-01',
				adoptionHistory: [0.62],
				touch: { kind: 'meeting', day: '2030-05-01', days: 52 }
			})
		);
		expect(scores).toEqual({ ...NONE, adoption: 62, engagement: 50 });
	});

	it('scores sentiment from the feedback facts', () => {
		expect(componentScores(facts({ sentiment: sentimentFacts([10, 2], [5]) }))).toEqual({
			...NONE,
			sentiment: 75
		});
	});

	it('scores progress from the plan and onboarding facts when there is work', () => {
		const scores = componentScores(
			facts({
				progress: {
					...noWork,
					hasWork: true,
					onboardingActive: true,
					overdueItems: 1,
					openObjectives: 2,
					overdueObjectives: 1
				}
			})
		);
		// 100 − 10 for the overdue item − 60·½ for the troubled objective.
		expect(scores).toEqual({ ...NONE, progress: 60 });
	});

	it('nudges adoption by the six-month trend: up +10, down −10, flat or too short none', () => {
		const adoption = (history: number[]) =>
			componentScores(
				facts({ adoption: history.at(-1)!, adoptionMonth: '2030-06-01', adoptionHistory: history })
			).adoption;
		expect(adoption([0.4, 0.4, 0.4, 0.6, 0.6, 0.6])).toBe(70);
		expect(adoption([0.8, 0.8, 0.8, 0.6, 0.6, 0.6])).toBe(50);
		expect(adoption([0.6, 0.6, 0.6, 0.6, 0.6, 0.6])).toBe(60);
		// Fewer than six months: no trend yet, so no nudge.
		expect(adoption([0.2, 0.4, 0.6])).toBe(60);
		// Missing months do not count towards the six.
		expect(
			componentScores(
				facts({
					adoption: 0.6,
					adoptionMonth: '2030-06-01',
					adoptionHistory: [null, 0.4, 0.4, 0.6, 0.6, 0.6]
				})
			).adoption
		).toBe(60);
	});
});

describe('component scorers', () => {
	it('scores adoption by utilisation, nudged ±10 by its trend, within 0–100', () => {
		expect(adoptionComponent(null, 'up')).toBeNull();
		expect(adoptionComponent(0.62, 'flat')).toBe(62);
		expect(adoptionComponent(0.62, null)).toBe(62);
		expect(adoptionComponent(0.62, 'up')).toBe(72);
		expect(adoptionComponent(0.05, 'down')).toBe(0);
		expect(adoptionComponent(0.95, 'up')).toBe(100);
	});

	it('scores engagement full within 14 days of the last touch, falling to 0 at 90', () => {
		expect(engagementComponent(null)).toBeNull();
		expect(engagementComponent(0)).toBe(100);
		expect(engagementComponent(14)).toBe(100);
		expect(engagementComponent(52)).toBe(50);
		expect(engagementComponent(90)).toBe(0);
		expect(engagementComponent(400)).toBe(0);
	});

	it('scores progress only when there is work, losing points for overdue items and troubled objectives', () => {
		const calm = {
			overdueItems: 0,
			openObjectives: 0,
			atRiskObjectives: 0,
			overdueObjectives: 0,
			hasWork: true
		};
		expect(progressComponent({ ...calm, hasWork: false })).toBeNull();
		expect(progressComponent(calm)).toBe(100);
		expect(progressComponent({ ...calm, overdueItems: 2 })).toBe(80);
		expect(progressComponent({ ...calm, overdueItems: 9 })).toBe(60);
		expect(progressComponent({ ...calm, openObjectives: 4, atRiskObjectives: 1 })).toBe(85);
		// An objective both at risk and overdue counts once.
		expect(
			progressComponent({ ...calm, openObjectives: 2, atRiskObjectives: 2, overdueObjectives: 2 })
		).toBe(40);
		expect(
			progressComponent({
				overdueItems: 5,
				openObjectives: 1,
				atRiskObjectives: 1,
				overdueObjectives: 0,
				hasWork: true
			})
		).toBe(0);
	});
});

describe('sentimentComponent', () => {
	it('is missing without an NPS or CSAT score', () => {
		expect(sentimentComponent(sentimentFacts([], []))).toBeNull();
	});

	it('puts NPS on 0–100 as (NPS + 100) / 2', () => {
		// Two promoters, one passive, one detractor: NPS 25.
		expect(sentimentComponent(sentimentFacts([10, 9, 8, 2], []))).toBe(63);
		expect(sentimentComponent(sentimentFacts([0, 6], []))).toBe(0);
		expect(sentimentComponent(sentimentFacts([9, 10], []))).toBe(100);
	});

	it('puts mean CSAT on 0–100 as (CSAT − 1) / 4 × 100', () => {
		expect(sentimentComponent(sentimentFacts([], [4, 5]))).toBe(88);
		expect(sentimentComponent(sentimentFacts([], [1]))).toBe(0);
	});

	it('averages the two when both are there', () => {
		// NPS 100 → 100; CSAT 3 → 50.
		expect(sentimentComponent(sentimentFacts([10], [3]))).toBe(75);
	});
});

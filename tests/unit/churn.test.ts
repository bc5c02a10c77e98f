import { describe, expect, it } from 'vitest';
import {
	CHURN_STATUSES,
	DROP_POINTS,
	DROP_WINDOW_DAYS,
	RENEWAL_WINDOW_DAYS,
	allowedStatuses,
	evaluateRules,
	renewalCheckpoint,
	statusNeedsReason,
	withScore,
	type ChurnRule,
	type RecentHigh,
	type RuleFacts
} from '../../src/lib/domain/churn';

/** A healthy green account with nothing to flag; override what the test is about. */
const facts = (overrides: Partial<RuleFacts> = {}): RuleFacts => ({
	score: 80,
	band: 'green',
	recentHigh: null,
	daysToRenewal: null,
	breachedP1: 0,
	...overrides
});

const rules = (f: RuleFacts): ChurnRule[] => evaluateRules(f).map((h) => h.rule);
const hit = (f: RuleFacts, rule: ChurnRule) => evaluateRules(f).find((h) => h.rule === rule);

describe('evaluateRules', () => {
	it('raises nothing for a healthy account', () => {
		expect(evaluateRules(facts())).toEqual([]);
		expect(evaluateRules(facts({ band: 'yellow', score: 60, recentHigh: 70 }))).toEqual([]);
	});

	it('raises nothing without a score, whatever else the facts say', () => {
		expect(
			evaluateRules(facts({ score: null, band: null, recentHigh: 90, daysToRenewal: 10 }))
		).toEqual([]);
		// A band without a score (never produced by scoreHealth) still raises no health rule.
		expect(rules(facts({ score: null, band: 'red', recentHigh: 90, daysToRenewal: 10 }))).toEqual(
			[]
		);
	});

	describe('health_red', () => {
		it('fires for a red account as high severity, declining health, with its score', () => {
			expect(hit(facts({ score: 40, band: 'red' }), 'health_red')).toEqual({
				rule: 'health_red',
				severity: 'high',
				reason: 'declining_health',
				detail: { score: 40 }
			});
		});

		it('does not fire for yellow or green', () => {
			expect(rules(facts({ score: 51, band: 'yellow' }))).not.toContain('health_red');
			expect(rules(facts({ score: 90, band: 'green' }))).not.toContain('health_red');
		});

		it('fires at a score of 0', () => {
			expect(rules(facts({ score: 0, band: 'red' }))).toEqual(['health_red']);
		});
	});

	describe('health_drop', () => {
		it(`fires for a drop of exactly ${DROP_POINTS} points, not ${DROP_POINTS - 1}`, () => {
			expect(rules(facts({ score: 70, recentHigh: 70 + DROP_POINTS }))).toEqual(['health_drop']);
			expect(rules(facts({ score: 70, recentHigh: 70 + DROP_POINTS - 1 }))).toEqual([]);
		});

		it('is medium below twice the threshold and high from it', () => {
			expect(hit(facts({ score: 60, recentHigh: 75 }), 'health_drop')?.severity).toBe('medium');
			expect(hit(facts({ score: 60, recentHigh: 89 }), 'health_drop')?.severity).toBe('medium');
			expect(hit(facts({ score: 60, recentHigh: 90 }), 'health_drop')?.severity).toBe('high');
			expect(hit(facts({ score: 0, recentHigh: 100 }), 'health_drop')?.severity).toBe('high');
		});

		it('says from, to, how far and over which window, as declining health', () => {
			expect(hit(facts({ score: 60, recentHigh: 82 }), 'health_drop')).toEqual({
				rule: 'health_drop',
				severity: 'medium',
				reason: 'declining_health',
				detail: { from: 82, to: 60, drop: 22, days: DROP_WINDOW_DAYS }
			});
		});

		it('does not fire without a recent high, or when the score rose', () => {
			expect(rules(facts({ score: 20, band: 'red', recentHigh: null }))).toEqual(['health_red']);
			expect(rules(facts({ score: 90, recentHigh: 60 }))).toEqual([]);
		});

		it('fires alongside health_red when a red account has dropped', () => {
			expect(rules(facts({ score: 30, band: 'red', recentHigh: 80 }))).toEqual([
				'health_red',
				'health_drop'
			]);
		});
	});

	describe('renewal_red', () => {
		const red = (daysToRenewal: number | null) => facts({ score: 35, band: 'red', daysToRenewal });

		it(`fires for a red account renewing today and in ${RENEWAL_WINDOW_DAYS} days`, () => {
			expect(rules(red(0))).toContain('renewal_red');
			expect(rules(red(RENEWAL_WINDOW_DAYS))).toContain('renewal_red');
			expect(rules(red(30))).toContain('renewal_red');
		});

		it(`does not fire ${RENEWAL_WINDOW_DAYS + 1} days out, once the renewal is past, or without one`, () => {
			expect(rules(red(RENEWAL_WINDOW_DAYS + 1))).toEqual(['health_red']);
			expect(rules(red(-1))).toEqual(['health_red']);
			expect(rules(red(null))).toEqual(['health_red']);
		});

		it('does not fire for an account that is not red, however close the renewal', () => {
			expect(rules(facts({ score: 51, band: 'yellow', daysToRenewal: 5 }))).toEqual([]);
			expect(rules(facts({ score: 95, band: 'green', daysToRenewal: 0 }))).toEqual([]);
		});

		it('is critical, declining health, with the score and days left', () => {
			expect(hit(red(12), 'renewal_red')).toEqual({
				rule: 'renewal_red',
				severity: 'critical',
				reason: 'declining_health',
				detail: { score: 35, days: 12 }
			});
		});
	});

	describe('p1_sla_breach', () => {
		it('fires with any breached P1, critical, as service quality, with the count', () => {
			expect(hit(facts({ breachedP1: 2 }), 'p1_sla_breach')).toEqual({
				rule: 'p1_sla_breach',
				severity: 'critical',
				reason: 'service_quality',
				detail: { count: 2 }
			});
			expect(rules(facts({ breachedP1: 1 }))).toEqual(['p1_sla_breach']);
		});

		it('does not fire at 0, and fires even without a score', () => {
			expect(rules(facts({ breachedP1: 0 }))).toEqual([]);
			expect(rules(facts({ score: null, band: null, breachedP1: 1 }))).toEqual(['p1_sla_breach']);
		});
	});

	it('returns every rule that holds at once, each once', () => {
		const all = evaluateRules(
			facts({ score: 20, band: 'red', recentHigh: 70, daysToRenewal: 45, breachedP1: 3 })
		);
		expect(all.map((h) => h.rule)).toEqual([
			'health_red',
			'health_drop',
			'renewal_red',
			'p1_sla_breach'
		]);
		expect(all.map((h) => h.severity)).toEqual(['high', 'high', 'critical', 'critical']);
	});
});

describe('renewalCheckpoint', () => {
	it('marks 90 from the renewal day to 90 days out, 180 from 91 to 180, nothing beyond', () => {
		expect(renewalCheckpoint(0)).toBe(90);
		expect(renewalCheckpoint(1)).toBe(90);
		expect(renewalCheckpoint(90)).toBe(90);
		expect(renewalCheckpoint(91)).toBe(180);
		expect(renewalCheckpoint(180)).toBe(180);
		expect(renewalCheckpoint(181)).toBeNull();
	});

	it('marks nothing once the renewal is past or without one', () => {
		expect(renewalCheckpoint(-1)).toBeNull();
		expect(renewalCheckpoint(null)).toBeNull();
	});
});

describe('flag workflow', () => {
	it('lets a rule flag take every status, dismissed included', () => {
		expect(allowedStatuses('rule')).toEqual([...CHURN_STATUSES]);
		expect(allowedStatuses('rule')).toContain('dismissed');
	});

	it('does not let a manual flag be dismissed', () => {
		expect(allowedStatuses('manual')).toEqual(['open', 'mitigating', 'resolved', 'churned']);
	});

	it('returns a fresh list each call, so callers cannot change the vocabulary', () => {
		const statuses = allowedStatuses('rule');
		statuses.pop();
		expect(allowedStatuses('rule')).toEqual([...CHURN_STATUSES]);
	});

	it('asks a reason for dismissed and churned only', () => {
		expect(CHURN_STATUSES.filter(statusNeedsReason)).toEqual(['churned', 'dismissed']);
	});
});

describe('withScore', () => {
	const TODAY = '2026-11-22';
	const kept: RecentHigh = { high: 80, on: '2026-11-01' };

	it('makes a first score the high, seen today', () => {
		expect(withScore(null, 70, TODAY)).toEqual({ high: 70, on: TODAY });
		expect(withScore(null, 0, TODAY)).toEqual({ high: 0, on: TODAY });
	});

	it('lets a higher score take over, with today as its day', () => {
		expect(withScore(kept, 81, TODAY)).toEqual({ high: 81, on: TODAY });
	});

	it('keeps the older day for an equal score, so a plateau leaves the window with its first day', () => {
		expect(withScore(kept, 80, TODAY)).toEqual({ high: 80, on: '2026-11-01' });
	});

	it('keeps the high for a lower score', () => {
		expect(withScore(kept, 50, TODAY)).toEqual(kept);
	});

	it('changes nothing without a score', () => {
		expect(withScore(kept, null, TODAY)).toEqual(kept);
		expect(withScore(null, null, TODAY)).toBeNull();
	});

	it(`lets the drop rule fire when a score of 80 falls to 60 (${DROP_POINTS} points or more)`, () => {
		const previousScore = 80;
		const score = 60;
		const highs: (RecentHigh | null)[] = [null, { high: 70, on: '2026-11-01' }];
		for (const high of highs) {
			const recentHigh = withScore(high, previousScore, TODAY)?.high ?? null;
			expect(recentHigh).toBe(80);
			expect(hit(facts({ score, band: 'yellow', recentHigh }), 'health_drop')).toMatchObject({
				severity: 'medium',
				detail: { from: 80, to: 60, drop: 20 }
			});
		}
		// A score that held still (80 to 80) raises nothing.
		expect(
			rules(facts({ score: 80, recentHigh: withScore(null, 80, TODAY)?.high ?? null }))
		).toEqual([]);
	});
});

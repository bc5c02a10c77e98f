import { describe, expect, it } from 'vitest';
import {
	METRICS,
	METRIC_KEYS,
	PRODUCTS,
	accountAdoption,
	addMonths,
	contributionDelta,
	contributionOf,
	flagsFor,
	monthOf,
	monthsEnding,
	trendOf,
	utilisation,
	type MetricKey
} from '../../src/lib/domain/adoption';

const CAP_METRICS = METRIC_KEYS.filter((k) => METRICS[k].limit === 'cap');
const ENTITLEMENT_METRICS = METRIC_KEYS.filter((k) => METRICS[k].limit === 'entitlement');

describe('the metric catalogue', () => {
	it('ties every metric to a product in the catalogue', () => {
		for (const key of METRIC_KEYS) expect(PRODUCTS).toContain(METRICS[key].product);
	});

	it('treats the power draw and the included Smart Hands requests as caps, the rest as bought quantities', () => {
		expect(CAP_METRICS.sort()).toEqual(['colocation_power_kva', 'smart_hands_requests']);
		expect(ENTITLEMENT_METRICS).toContain('colocation_cabinets');
		expect(ENTITLEMENT_METRICS).toContain('cross_connects');
	});
});

describe('utilisation', () => {
	it('is used over entitled', () => {
		expect(utilisation({ used: 3, entitled: 4 })).toBe(0.75);
		expect(utilisation({ used: 0, entitled: 10 })).toBe(0);
	});

	it('goes above 1 when more is used than bought', () => {
		expect(utilisation({ used: 15, entitled: 10 })).toBe(1.5);
	});

	it('is null when nothing is entitled, rather than a division by zero', () => {
		expect(utilisation({ used: 0, entitled: 0 })).toBeNull();
		expect(utilisation({ used: 5, entitled: 0 })).toBeNull();
	});

	it('is null for a negative or missing entitlement', () => {
		expect(utilisation({ used: 5, entitled: -2 })).toBeNull();
		expect(utilisation({ used: 5, entitled: Number.NaN })).toBeNull();
	});
});

describe('flagsFor', () => {
	it('flags any metric used below half of what was bought', () => {
		for (const metric of METRIC_KEYS) {
			expect(flagsFor(metric, { used: 4, entitled: 10 }).underUsed, metric).toBe(true);
		}
	});

	it('does not flag exactly half as under-used', () => {
		expect(flagsFor('colocation_cabinets', { used: 5, entitled: 10 })).toEqual({
			underUsed: false,
			overCap: false
		});
		expect(flagsFor('colocation_cabinets', { used: 4.99, entitled: 10 }).underUsed).toBe(true);
	});

	it('flags a cap metric above 90 % as about to hit its cap', () => {
		expect(flagsFor('colocation_power_kva', { used: 91, entitled: 100 })).toEqual({
			underUsed: false,
			overCap: true
		});
		expect(flagsFor('smart_hands_requests', { used: 12, entitled: 10 })).toEqual({
			underUsed: false,
			overCap: true
		});
	});

	it('does not flag a cap metric at exactly 90 %', () => {
		expect(flagsFor('colocation_power_kva', { used: 90, entitled: 100 }).overCap).toBe(false);
		expect(flagsFor('smart_hands_requests', { used: 9, entitled: 10 }).overCap).toBe(false);
	});

	it('never flags an entitlement metric as over cap, however much is used', () => {
		for (const metric of ENTITLEMENT_METRICS) {
			expect(flagsFor(metric, { used: 20, entitled: 10 }), metric).toEqual({
				underUsed: false,
				overCap: false
			});
		}
	});

	it('flags nothing in the healthy band between the two thresholds', () => {
		for (const metric of METRIC_KEYS) {
			expect(flagsFor(metric, { used: 7, entitled: 10 }), metric).toEqual({
				underUsed: false,
				overCap: false
			});
		}
	});

	it('flags nothing when nothing is entitled, not even zero use', () => {
		const metrics: MetricKey[] = ['colocation_cabinets', 'colocation_power_kva'];
		for (const metric of metrics) {
			expect(flagsFor(metric, { used: 0, entitled: 0 })).toEqual({
				underUsed: false,
				overCap: false
			});
			expect(flagsFor(metric, { used: 50, entitled: 0 })).toEqual({
				underUsed: false,
				overCap: false
			});
		}
	});
});

describe('accountAdoption', () => {
	it('is the mean utilisation of the metrics', () => {
		expect(
			accountAdoption([
				{ used: 5, entitled: 10 },
				{ used: 3, entitled: 4 }
			])
		).toBeCloseTo(0.625);
	});

	it('counts a metric used beyond its entitlement as 100 %, not more', () => {
		expect(
			accountAdoption([
				{ used: 30, entitled: 10 },
				{ used: 0, entitled: 10 }
			])
		).toBe(0.5);
		expect(accountAdoption([{ used: 12, entitled: 10 }])).toBe(1);
	});

	it('leaves out metrics with nothing entitled instead of counting them as zero', () => {
		expect(
			accountAdoption([
				{ used: 8, entitled: 10 },
				{ used: 0, entitled: 0 },
				{ used: 4, entitled: 0 }
			])
		).toBe(0.8);
	});

	it('is null when no metric has an entitlement, or there are none', () => {
		expect(accountAdoption([])).toBeNull();
		expect(
			accountAdoption([
				{ used: 0, entitled: 0 },
				{ used: 3, entitled: 0 }
			])
		).toBeNull();
	});

	it('is 0, not null, for an account that uses nothing it bought', () => {
		expect(accountAdoption([{ used: 0, entitled: 5 }])).toBe(0);
	});
});

describe('monthOf', () => {
	it('gives the first of the month of a day', () => {
		expect(monthOf('2026-11-22')).toBe('2026-11-01');
		expect(monthOf('2026-02-28')).toBe('2026-02-01');
		expect(monthOf('2026-12-31')).toBe('2026-12-01');
		expect(monthOf('2026-01-01')).toBe('2026-01-01');
	});
});

describe('addMonths', () => {
	it('moves within a year', () => {
		expect(addMonths('2026-03-01', 2)).toBe('2026-05-01');
		expect(addMonths('2026-05-01', -2)).toBe('2026-03-01');
		expect(addMonths('2026-05-01', 0)).toBe('2026-05-01');
	});

	it('crosses into the next year', () => {
		expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
		expect(addMonths('2026-11-01', 3)).toBe('2027-02-01');
	});

	it('crosses back into the previous year', () => {
		expect(addMonths('2026-01-01', -1)).toBe('2025-12-01');
		expect(addMonths('2026-02-01', -3)).toBe('2025-11-01');
	});

	it('handles deltas of a year and more, both ways', () => {
		expect(addMonths('2026-11-01', 12)).toBe('2027-11-01');
		expect(addMonths('2026-11-01', -12)).toBe('2025-11-01');
		expect(addMonths('2026-01-01', -13)).toBe('2024-12-01');
		expect(addMonths('2026-12-01', 13)).toBe('2028-01-01');
		expect(addMonths('2026-06-01', 120)).toBe('2036-06-01');
		expect(addMonths('2026-06-01', -121)).toBe('2016-05-01');
	});

	it('keeps the four-digit, two-digit shape', () => {
		expect(addMonths('0999-12-01', -1)).toBe('0999-11-01');
		expect(addMonths('0999-12-01', 1)).toBe('1000-01-01');
		expect(addMonths('2026-10-01', -1)).toBe('2026-09-01');
	});
});

describe('monthsEnding', () => {
	it('lists the months ending with the given one, oldest first', () => {
		expect(monthsEnding('2026-03-01', 3)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
	});

	it('spans a year boundary', () => {
		expect(monthsEnding('2026-02-01', 4)).toEqual([
			'2025-11-01',
			'2025-12-01',
			'2026-01-01',
			'2026-02-01'
		]);
	});

	it('gives a full year of distinct consecutive months', () => {
		const months = monthsEnding('2026-11-01', 12);
		expect(months).toHaveLength(12);
		expect(months[0]).toBe('2025-12-01');
		expect(months.at(-1)).toBe('2026-11-01');
		expect(new Set(months).size).toBe(12);
		for (let i = 1; i < months.length; i++) expect(addMonths(months[i - 1]!, 1)).toBe(months[i]);
	});

	it('gives just the month for one, and nothing for none', () => {
		expect(monthsEnding('2026-11-01', 1)).toEqual(['2026-11-01']);
		expect(monthsEnding('2026-11-01', 0)).toEqual([]);
	});
});

describe('trendOf', () => {
	it('needs six readings before it calls a trend', () => {
		expect(trendOf([])).toBeNull();
		expect(trendOf([1, 1, 1, 9, 9])).toBeNull();
		expect(trendOf([1, 1, 1, 9, 9, 9])).toBe('up');
	});

	it('compares the mean of the last three months with the three before them', () => {
		expect(trendOf([10, 10, 10, 20, 20, 20])).toBe('up');
		expect(trendOf([20, 20, 20, 10, 10, 10])).toBe('down');
		expect(trendOf([10, 10, 10, 10, 10, 10])).toBe('flat');
	});

	it('looks only at the newest six readings', () => {
		// The early collapse from 1000 is outside the window; the last six are steady.
		expect(trendOf([1000, 1000, 1000, 10, 10, 10, 10, 10, 10])).toBe('flat');
		// Over all nine the mean falls (50 → 20); over the last six it rises (10 → 20).
		expect(trendOf([50, 50, 50, 10, 10, 10, 20, 20, 20])).toBe('up');
	});

	it('uses means, so one spike within a half does not decide alone', () => {
		// before = (10 + 10 + 40) / 3 = 20, recent = (20 + 20 + 20) / 3 = 20.
		expect(trendOf([10, 10, 40, 20, 20, 20])).toBe('flat');
	});

	it('reads changes within 5 % either way as flat', () => {
		expect(trendOf([100, 100, 100, 105, 105, 105])).toBe('flat');
		expect(trendOf([100, 100, 100, 95, 95, 95])).toBe('flat');
		expect(trendOf([100, 100, 100, 104, 104, 104])).toBe('flat');
	});

	it('reads changes just beyond 5 % as a trend', () => {
		expect(trendOf([100, 100, 100, 106, 106, 106])).toBe('up');
		expect(trendOf([100, 100, 100, 94, 94, 94])).toBe('down');
	});

	it('calls any use after none an upward trend, and none after none flat', () => {
		expect(trendOf([0, 0, 0, 1, 0, 0])).toBe('up');
		expect(trendOf([0, 0, 0, 0, 0, 0])).toBe('flat');
	});

	it('calls a drop to nothing a downward trend', () => {
		expect(trendOf([5, 5, 5, 0, 0, 0])).toBe('down');
	});

	it('skips months with no reading rather than counting them as zero', () => {
		expect(trendOf([10, null, 10, 10, null, 10, 10, 10])).toBe('flat');
		expect(trendOf([10, 10, 10, null, 20, 20, null, 20])).toBe('up');
	});

	it('does not count missing months towards the six readings', () => {
		expect(trendOf([1, null, 1, null, 9, 9, null])).toBeNull();
		expect(trendOf([null, null, null, null, null, null])).toBeNull();
	});
});

describe('contributionOf and contributionDelta', () => {
	it('counts a reading once, with its capped utilisation and its flags', () => {
		expect(contributionOf('colocation_power_kva', { used: 95, entitled: 100 })).toEqual({
			accounts: 1,
			used: 95,
			entitled: 100,
			utilisation_sum: 0.95,
			utilisation_count: 1,
			under_used: 0,
			over_cap: 1
		});
		expect(contributionOf('smart_hands_requests', { used: 30, entitled: 20 })).toMatchObject({
			utilisation_sum: 1,
			over_cap: 1
		});
	});

	it('leaves a reading with nothing entitled out of the utilisation mean', () => {
		expect(contributionOf('fabric_ports', { used: 3, entitled: 0 })).toMatchObject({
			accounts: 1,
			utilisation_sum: 0,
			utilisation_count: 0,
			under_used: 0
		});
	});

	it('is the whole contribution for a new reading and the difference for a correction', () => {
		const before = contributionOf('fabric_ports', { used: 1, entitled: 10 });
		const after = contributionOf('fabric_ports', { used: 9, entitled: 10 });
		expect(contributionDelta(null, after)).toEqual(after);
		const delta = contributionDelta(before, after);
		expect(delta).toMatchObject({ accounts: 0, used: 8, entitled: 0, under_used: -1 });
		expect(delta.utilisation_sum).toBeCloseTo(0.8);
	});
});

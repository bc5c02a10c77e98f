/**
 * Pure planning of the demo product usage: which products each account bought, how much, and
 * its monthly readings over the twelve months before today's, shaped by its lifecycle stage
 * (ramp-up after onboarding, plateaus, growth, decline before churn). No database and no
 * clock: the same (plan, onboardings, seed, today) always gives the same readings.
 */
import {
	METRICS,
	addMonths,
	monthOf,
	monthsEnding,
	type MetricKey,
	type Product
} from '../../domain/adoption';
import type { Segment } from '../../domain/vocabulary';
import type { PlannedOnboarding } from './demo-onboarding-plan';
import type { DemoPlan, PlannedAccount } from './demo-plan';
import { createRng, type Rng } from './random';

export const USAGE_MONTHS = 12;

/**
 * ramp_up: from near zero after the onboarding started; plateau: steady with noise; growing:
 * use climbs towards what was bought; expanding: bought more mid-window and grows into it;
 * declining: a renewal losing use; churning: falling away, readings may stop early.
 */
export type UsagePattern =
	'ramp_up' | 'plateau' | 'growing' | 'expanding' | 'declining' | 'churning';

/** What the latest month is meant to show: nothing flagged, a product under-used, a cap hit. */
export type UsageProfile = 'healthy' | 'under_used' | 'over_cap';

export interface PlannedSeries {
	metric: MetricKey;
	/** One value per month of `PlannedUsage.months`. */
	entitled: number[];
	used: number[];
}

export interface PlannedUsage {
	accountIndex: number;
	pattern: UsagePattern;
	profile: UsageProfile;
	/** The months with readings, oldest first ('YYYY-MM-01'); empty for a brand-new account. */
	months: string[];
	series: PlannedSeries[];
}

export interface UsagePlanOptions {
	seed: number;
	today: string;
}

/** The months readings may cover: twelve, up to the month before today's (not over yet). */
export function usageWindow(today: string): string[] {
	return monthsEnding(addMonths(monthOf(today), -1), USAGE_MONTHS);
}

type Optional = Exclude<Product, 'colocation' | 'interconnection'>;

/** Chance an account bought each product beyond colocation and cross connects, which all have. */
const OPTIONAL_SHARE: Record<Segment, Record<Optional, number>> = {
	enterprise: {
		fabric: 1,
		network_edge: 0.75,
		metro_connect: 0.7,
		smartview: 0.85,
		smart_hands: 1
	},
	mid_market: {
		fabric: 0.5,
		network_edge: 0.15,
		metro_connect: 0.2,
		smartview: 0.3,
		smart_hands: 0.6
	},
	smb: { fabric: 0.1, network_edge: 0, metro_connect: 0, smartview: 0.05, smart_hands: 0.35 }
};

/** Month-to-month wobble (± share of the value); Smart Hands requests come in bursts. */
const NOISE: Record<MetricKey, number> = {
	colocation_cabinets: 0.02,
	colocation_power_kva: 0.03,
	cross_connects: 0.03,
	fabric_ports: 0.03,
	fabric_virtual_connections: 0.06,
	network_edge_devices: 0.03,
	metro_connect_circuits: 0.03,
	smartview_users: 0.07,
	smart_hands_requests: 0.18
};

/** Months after colocation a product starts to be used while ramping up. */
const RAMP_LAG: Record<MetricKey, number> = {
	colocation_cabinets: 0,
	colocation_power_kva: 0,
	cross_connects: 0,
	fabric_ports: 1,
	fabric_virtual_connections: 2,
	network_edge_devices: 2,
	metro_connect_circuits: 1,
	smartview_users: 1,
	smart_hands_requests: 0
};

/** Entitlements that grow when an expanding account buys more. */
const EXPANDS: readonly MetricKey[] = [
	'colocation_cabinets',
	'colocation_power_kva',
	'cross_connects',
	'fabric_virtual_connections'
];

export function planUsage(
	plan: DemoPlan,
	onboardings: readonly PlannedOnboarding[],
	options: UsagePlanOptions
): PlannedUsage[] {
	const window = usageWindow(options.today);
	const onboardingOf = new Map(onboardings.map((o) => [o.accountIndex, o]));
	const rng = createRng(options.seed).fork('usage');
	return plan.accounts.map((account, accountIndex) =>
		usageFor(
			rng.fork(account.externalId),
			window,
			accountIndex,
			account,
			onboardingOf.get(accountIndex)
		)
	);
}

/** Where the window's index `i` sits on the account's curve, as a share of its plateau. */
type Shape = (i: number, metric: MetricKey) => number;

function usageFor(
	rng: Rng,
	window: readonly string[],
	accountIndex: number,
	account: PlannedAccount,
	onboarding: PlannedOnboarding | undefined
): PlannedUsage {
	const metrics = productsOf(rng, account.segment);
	const bought = entitlements(rng, account, metrics);
	const last = window.length - 1;
	const indexOf = (month: string) => monthsBetween(window[0]!, month);

	let pattern: UsagePattern;
	let first = 0;
	let end = last;
	let shape: Shape = () => 1;
	const stage = account.lifecycleStage;
	const rampStart =
		stage === 'onboarding'
			? indexOf(monthOf(onboarding?.startDate ?? addMonths(window[last]!, -rng.int(0, 2))))
			: onboarding?.completedOn && indexOf(monthOf(onboarding.startDate)) >= 0
				? indexOf(monthOf(onboarding.startDate))
				: null;

	if (rampStart !== null) {
		pattern = 'ramp_up';
		first = Math.max(0, rampStart);
		// Still ramping while onboarding; otherwise settled a month or two after go-live.
		const months =
			stage === 'onboarding'
				? rng.int(3, 6)
				: Math.max(
						2,
						monthsBetween(onboarding!.startDate, onboarding!.completedOn!) + rng.int(1, 2)
					);
		shape = (i, metric) => {
			const age = i - rampStart - RAMP_LAG[metric];
			// Installs lean on Smart Hands; other products climb from near zero, some later.
			if (metric === 'smart_hands_requests') return age < months ? 1.2 : 1;
			if (age < 0) return 0;
			return Math.min(1, ((age + 1) / (months + 1)) ** 1.2);
		};
	} else if (stage === 'churned') {
		pattern = 'churning';
		end =
			last -
			rng.weighted([
				[0, 30],
				[1, 30],
				[2, 25],
				[3, 15]
			] as const);
		const from = end - rng.int(3, 5);
		const floor = rng.float(0.1, 0.35);
		shape = (i) => (i <= from ? 1 : floor ** ((i - from) / (end - from)));
	} else if (stage === 'expansion') {
		pattern = 'expanding';
		shape = (i) => 0.72 + (0.28 * i) / last;
	} else {
		pattern =
			stage === 'renewal'
				? rng.weighted<UsagePattern>([
						['plateau', 40],
						['declining', 35],
						['growing', 25]
					])
				: rng.weighted<UsagePattern>([
						['plateau', 70],
						['growing', 30]
					]);
		if (pattern === 'growing') shape = (i) => 0.72 + (0.28 * i) / last;
		if (pattern === 'declining') {
			const from = last - rng.int(4, 7);
			const floor = rng.float(0.55, 0.75);
			shape = (i) => (i <= from ? 1 : 1 - ((1 - floor) * (i - from)) / (last - from));
		}
	}

	const profile = profileFor(rng, pattern);
	const levels = levelsFor(rng, profile, bought);

	const months = window.slice(first, end + 1);
	const stepAt = rng.int(3, 8);
	const series = metrics.map((metric): PlannedSeries => {
		const full = bought.get(metric)!;
		const { level, noise } = levels.get(metric)!;
		const expands = pattern === 'expanding' && EXPANDS.includes(metric);
		const before = expands ? reading(metric, full / rng.float(1.25, 1.6)) : full;
		const entitled: number[] = [];
		const used: number[] = [];
		for (let i = first; i <= end; i++) {
			const ent = expands && i < stepAt ? before : full;
			// An expanding account pressed against what it had, bought more, and grows into it.
			const target = expands
				? i < stepAt
					? before * (0.8 + (0.13 * i) / stepAt)
					: before * 0.93 +
						(full * level - before * 0.93) * ((i - stepAt + 1) / (last - stepAt + 1))
				: ent * level * shape(i, metric);
			const wobble = 1 + noise * (2 * rng.next() - 1);
			entitled.push(ent);
			used.push(reading(metric, clampUse(metric, target * wobble, ent)));
		}
		return { metric, entitled, used };
	});
	return { accountIndex, pattern, profile, months, series };
}

/** Whole months from one month to another (days ignored). */
function monthsBetween(from: string, to: string): number {
	const index = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7));
	return index(to) - index(from);
}

function productsOf(rng: Rng, segment: Segment): MetricKey[] {
	const share = OPTIONAL_SHARE[segment];
	const products = new Set<Product>(['colocation', 'interconnection']);
	for (const product of Object.keys(share) as Optional[]) {
		if (rng.chance(share[product])) products.add(product);
	}
	return (Object.keys(METRICS) as MetricKey[]).filter((m) => products.has(METRICS[m].product));
}

/** What was bought, sized by segment and ARR (colocation takes about half the contract). */
function entitlements(
	rng: Rng,
	account: PlannedAccount,
	metrics: readonly MetricKey[]
): Map<MetricKey, number> {
	const { segment } = account;
	const big = segment === 'enterprise';
	const mid = segment === 'mid_market';
	const cabinets = Math.min(
		240,
		Math.max(1, Math.round((account.arr * rng.float(0.45, 0.7)) / 18_000))
	);
	const ports = big
		? Math.min(16, Math.max(2, Math.round(cabinets / rng.float(6, 12))))
		: mid
			? rng.int(1, 2)
			: 1;
	const size: Record<MetricKey, () => number> = {
		colocation_cabinets: () => cabinets,
		colocation_power_kva: () => cabinets * rng.pick(big ? [5, 6, 8, 10, 12] : [3, 4, 5, 6, 8]),
		cross_connects: () =>
			Math.max(2, Math.round(cabinets * rng.float(1.2, 3))) + (big ? rng.int(2, 8) : 0),
		fabric_ports: () => ports,
		fabric_virtual_connections: () => ports * rng.int(3, 8),
		network_edge_devices: () => (big ? rng.int(2, 8) : mid ? rng.int(1, 3) : 1),
		metro_connect_circuits: () => (big ? rng.int(2, 10) : mid ? rng.int(1, 4) : 1),
		smartview_users: () => (big ? rng.int(8, 40) : mid ? rng.int(3, 12) : rng.int(2, 4)),
		smart_hands_requests: () => (big ? rng.int(12, 40) : mid ? rng.int(4, 12) : rng.int(2, 6))
	};
	return new Map(metrics.map((m) => [m, size[m]()]));
}

/**
 * Flags are planned only where the latest month sits on the plateau: a ramp or a churn shows
 * its own. A declining renewal is not also pressing against its caps, and an account that just
 * bought more is not leaving it unused.
 */
function profileFor(rng: Rng, pattern: UsagePattern): UsageProfile {
	if (pattern === 'ramp_up' || pattern === 'churning') return 'healthy';
	return rng.weighted<UsageProfile>([
		['healthy', 76],
		['under_used', pattern === 'expanding' ? 0 : 13],
		['over_cap', pattern === 'declining' ? 0 : 11]
	]);
}

/**
 * Each metric's plateau as a share of what was bought, and its wobble. An under-used account
 * leaves one or two products below 40 %; an over-cap one runs its power or Smart Hands past 90 %.
 * Quiet wobble on those keeps the flag standing in the latest month.
 */
function levelsFor(rng: Rng, profile: UsageProfile, bought: ReadonlyMap<MetricKey, number>) {
	const levels = new Map<MetricKey, { level: number; noise: number }>();
	for (const metric of bought.keys()) {
		const level =
			metric === 'colocation_power_kva'
				? rng.float(0.55, 0.85)
				: metric === 'smart_hands_requests'
					? rng.float(0.55, 0.8)
					: rng.float(0.62, 0.95);
		levels.set(metric, { level, noise: NOISE[metric] });
	}
	if (profile === 'under_used') {
		// Big enough that rounding a count cannot lift it over half.
		const candidates = [...bought.entries()]
			.filter(([m, n]) => m === 'colocation_power_kva' || (m !== 'smart_hands_requests' && n >= 4))
			.map(([m]) => m);
		for (const metric of rng.sample(candidates, rng.int(1, 2))) {
			levels.set(metric, { level: rng.float(0.15, 0.4), noise: 0.05 });
		}
	} else if (profile === 'over_cap') {
		if (bought.has('smart_hands_requests') && rng.chance(0.5)) {
			levels.set('smart_hands_requests', { level: rng.float(1.1, 1.5), noise: 0.1 });
		} else {
			levels.set('colocation_power_kva', { level: rng.float(0.935, 0.98), noise: 0.015 });
		}
	}
	return levels;
}

/**
 * Nobody uses more cabinets, ports or seats than were bought, and a power draw stays under its
 * breaker; Smart Hands requests beyond those included are billed, so they may exceed it.
 */
function clampUse(metric: MetricKey, value: number, entitled: number): number {
	const ceiling =
		metric === 'smart_hands_requests'
			? Infinity
			: metric === 'colocation_power_kva'
				? entitled * 0.99
				: entitled;
	return Math.max(0, Math.min(value, ceiling));
}

/** kVA to one decimal, everything else counted whole. */
function reading(metric: MetricKey, value: number): number {
	return metric === 'colocation_power_kva' ? Math.round(value * 10) / 10 : Math.round(value);
}

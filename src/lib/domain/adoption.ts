/**
 * Product adoption: what the customer bought (entitlement) beside what it uses, per metric and
 * month. The catalogue is the seeds' world (colocation, interconnection, Fabric, Network Edge,
 * Metro Connect, SmartView, Smart Hands); the database checks the same list.
 */

export const PRODUCTS = [
	'colocation',
	'interconnection',
	'fabric',
	'network_edge',
	'metro_connect',
	'smartview',
	'smart_hands'
] as const;
export type Product = (typeof PRODUCTS)[number];

/**
 * How the entitlement reads. 'entitlement': a quantity bought, where low use is the risk.
 * 'cap': a limit (a power draw cap, included requests), where running close to it is the risk
 * too, so over-cap is flagged on top of under-use.
 */
export type LimitKind = 'entitlement' | 'cap';

export interface MetricDefinition {
	product: Product;
	/** A message key suffix for the unit, e.g. `adoption.unit.kva`. */
	unit:
		'cabinets' | 'kva' | 'connections' | 'ports' | 'devices' | 'circuits' | 'users' | 'requests';
	limit: LimitKind;
}

export const METRICS = {
	colocation_cabinets: { product: 'colocation', unit: 'cabinets', limit: 'entitlement' },
	colocation_power_kva: { product: 'colocation', unit: 'kva', limit: 'cap' },
	cross_connects: { product: 'interconnection', unit: 'connections', limit: 'entitlement' },
	fabric_ports: { product: 'fabric', unit: 'ports', limit: 'entitlement' },
	fabric_virtual_connections: { product: 'fabric', unit: 'connections', limit: 'entitlement' },
	network_edge_devices: { product: 'network_edge', unit: 'devices', limit: 'entitlement' },
	metro_connect_circuits: { product: 'metro_connect', unit: 'circuits', limit: 'entitlement' },
	smartview_users: { product: 'smartview', unit: 'users', limit: 'entitlement' },
	smart_hands_requests: { product: 'smart_hands', unit: 'requests', limit: 'cap' }
} as const satisfies Record<string, MetricDefinition>;

export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];

/** Below this share of the entitlement a product is under-used. */
export const UNDER_USED_BELOW = 0.5;
/** Above this share of a cap a product is about to hit it. */
export const OVER_CAP_ABOVE = 0.9;

export interface UsageReading {
	used: number;
	entitled: number;
}

/** used ÷ entitled; null when nothing is entitled (a ratio would be meaningless). */
export function utilisation(reading: UsageReading): number | null {
	if (!(reading.entitled > 0)) return null;
	return reading.used / reading.entitled;
}

export interface AdoptionFlags {
	underUsed: boolean;
	overCap: boolean;
}

export function flagsFor(metric: MetricKey, reading: UsageReading): AdoptionFlags {
	const ratio = utilisation(reading);
	if (ratio === null) return { underUsed: false, overCap: false };
	return {
		underUsed: ratio < UNDER_USED_BELOW,
		overCap: METRICS[metric].limit === 'cap' && ratio > OVER_CAP_ABOVE
	};
}

/**
 * One account's adoption in a month: the mean utilisation of its metrics, each counted up to
 * 100 % (using more than bought is not "more adopted"); null when no metric has an entitlement.
 * The SQL summary in the adoption repository computes the same figure for the portfolio.
 */
export function accountAdoption(readings: readonly UsageReading[]): number | null {
	const ratios = readings.map(utilisation).filter((r): r is number => r !== null);
	if (ratios.length === 0) return null;
	return ratios.reduce((sum, r) => sum + Math.min(r, 1), 0) / ratios.length;
}

/** What one reading adds to its month's portfolio totals (the SQL rebuild sums the same). */
export interface UsageContribution {
	accounts: number;
	used: number;
	entitled: number;
	utilisation_sum: number;
	utilisation_count: number;
	under_used: number;
	over_cap: number;
}

export function contributionOf(metric: MetricKey, reading: UsageReading): UsageContribution {
	const ratio = utilisation(reading);
	const flags = flagsFor(metric, reading);
	return {
		accounts: 1,
		used: reading.used,
		entitled: reading.entitled,
		utilisation_sum: ratio === null ? 0 : Math.min(ratio, 1),
		utilisation_count: ratio === null ? 0 : 1,
		under_used: flags.underUsed ? 1 : 0,
		over_cap: flags.overCap ? 1 : 0
	};
}

/** `after − before`, field by field: what a corrected reading changes in the totals. */
export function contributionDelta(
	before: UsageContribution | null,
	after: UsageContribution
): UsageContribution {
	if (!before) return after;
	return {
		accounts: after.accounts - before.accounts,
		used: after.used - before.used,
		entitled: after.entitled - before.entitled,
		utilisation_sum: after.utilisation_sum - before.utilisation_sum,
		utilisation_count: after.utilisation_count - before.utilisation_count,
		under_used: after.under_used - before.under_used,
		over_cap: after.over_cap - before.over_cap
	};
}

/** 'YYYY-MM-01' for a 'YYYY-MM-DD' day. Usage is recorded per calendar month. */
export function monthOf(day: string): string {
	return `${day.slice(0, 7)}-01`;
}

/** The first day of the month `delta` months from `month` ('YYYY-MM-01'). */
export function addMonths(month: string, delta: number): string {
	const year = Number(month.slice(0, 4));
	const index = Number(month.slice(5, 7)) - 1 + delta;
	const y = year + Math.floor(index / 12);
	const m = ((index % 12) + 12) % 12;
	return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
	return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}

export type Trend = 'up' | 'down' | 'flat';

/**
 * Direction of use over the window: the mean of the last three months against the three
 * before them, with a 5 % dead band so noise does not read as a trend.
 */
export function trendOf(used: readonly (number | null)[]): Trend | null {
	const values = used.filter((v): v is number => v !== null);
	if (values.length < 6) return null;
	const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
	const recent = mean(values.slice(-3));
	const before = mean(values.slice(-6, -3));
	if (before === 0) return recent > 0 ? 'up' : 'flat';
	const change = (recent - before) / before;
	if (change > 0.05) return 'up';
	if (change < -0.05) return 'down';
	return 'flat';
}

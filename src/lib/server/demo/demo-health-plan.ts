/**
 * Pure planning of the demo health histories: 90 daily scores before today for every account,
 * ending near the score its data gives today, along one of a few shapes: stable greens, slow
 * declines, sudden drops (which the 30-day drop rule catches), recoveries and volatile ones.
 * No database and no clock: the same (plan, current scores, seed) always gives the same paths.
 */
import { DROP_POINTS, DROP_WINDOW_DAYS } from '../../domain/churn';
import { bandOf, DEFAULT_HEALTH_MODEL, type HealthBand } from '../../domain/health';
import type { DemoPlan } from './demo-plan';
import { createRng, type Rng } from './random';

/** Days of history before today; today's snapshot is the live one. */
export const HISTORY_DAYS = 90;

export const HEALTH_PATTERNS = [
	'stable',
	'slow_decline',
	'sudden_drop',
	'recovery',
	'volatile'
] as const;
export type HealthPattern = (typeof HEALTH_PATTERNS)[number];

export interface CurrentHealth {
	accountIndex: number;
	/** Today in the account's time zone, as the health pass counted it. */
	today: string;
	score: number | null;
}

export interface PlannedHistory {
	accountIndex: number;
	today: string;
	/** The score the path ends on: today's. */
	current: number | null;
	pattern: HealthPattern;
	/** HISTORY_DAYS scores, oldest first: today − 90 … yesterday; all null without a score. */
	scores: (number | null)[];
}

/**
 * How often each shape comes up by today's band: a red account has more often fallen than a
 * green one, a green one more often recovered; churned customers faded or fell away. Over the
 * demo's mix: about 55% stable, 15% slow decline, 10% sudden drop, 12% recovery, 8% volatile.
 */
const PATTERN_WEIGHTS: Record<
	HealthBand | 'churned',
	readonly (readonly [HealthPattern, number])[]
> = {
	green: [
		['stable', 65],
		['slow_decline', 8],
		['recovery', 17],
		['volatile', 10]
	],
	yellow: [
		['stable', 50],
		['slow_decline', 20],
		['sudden_drop', 16],
		['recovery', 8],
		['volatile', 6]
	],
	red: [
		['stable', 40],
		['slow_decline', 20],
		['sudden_drop', 22],
		['recovery', 8],
		['volatile', 10]
	],
	churned: [
		['stable', 15],
		['slow_decline', 45],
		['sudden_drop', 35],
		['volatile', 5]
	]
};

/** A drop needs room above today's score to fall from, and clears the drop rule by this much. */
const DROP_MIN = DROP_POINTS + 3;
const DROP_MAX = 30;
const CEILING = 98;

export function planHealthHistory(
	plan: DemoPlan,
	current: readonly CurrentHealth[],
	options: { seed: number }
): PlannedHistory[] {
	const rng = createRng(options.seed).fork('health-history');
	return [...current]
		.sort((a, b) => a.accountIndex - b.accountIndex)
		.map((c) => {
			const account = plan.accounts[c.accountIndex];
			if (!account) throw new Error(`no demo account #${c.accountIndex}`);
			const own = rng.fork(account.externalId);
			const base = { accountIndex: c.accountIndex, today: c.today, current: c.score };
			if (c.score === null) {
				return {
					...base,
					pattern: 'stable',
					scores: Array.from({ length: HISTORY_DAYS }, () => null)
				};
			}
			const group = account.lifecycleStage === 'churned' ? 'churned' : band(c.score);
			let pattern = own.weighted(PATTERN_WEIGHTS[group]);
			if (pattern === 'sudden_drop' && CEILING - c.score < DROP_MIN) pattern = 'stable';
			const path = PATHS[pattern](own, c.score);
			return { ...base, pattern, scores: path.map((x) => Math.round(clamp(x))) };
		});
}

/** Whether the drop rule fires on this history: its high of the last 30 days before today. */
export function dropsToday(history: PlannedHistory): boolean {
	if (history.current === null) return false;
	const window = history.scores.slice(-DROP_WINDOW_DAYS).filter((s) => s !== null);
	return window.length > 0 && Math.max(...window) - history.current >= DROP_POINTS;
}

export function band(score: number): HealthBand {
	return bandOf(score, DEFAULT_HEALTH_MODEL);
}

const clamp = (x: number) => Math.min(100, Math.max(0, x));
const days = (f: (i: number) => number) => Array.from({ length: HISTORY_DAYS }, (_, i) => f(i));

/** Day-to-day wobble of ± `size` points, a little sticky so a line does not zigzag every day. */
function noise(rng: Rng, size: number) {
	let last = 0;
	return () => {
		last = Math.max(-size, Math.min(size, 0.4 * last + rng.float(-size, size)));
		return last;
	};
}

/** Each shape as scores before clamping; index 0 is 90 days ago, HISTORY_DAYS would be today. */
const PATHS: Record<HealthPattern, (rng: Rng, today: number) => number[]> = {
	stable: (rng, s) => {
		const wobble = noise(rng, 3);
		return days(() => s + wobble());
	},
	/** 10–25 points higher 90 days ago, sliding down in a line. */
	slow_decline: (rng, s) => {
		const from = rng.int(10, 25);
		const wobble = noise(rng, 2);
		return days((i) => s + (from * (HISTORY_DAYS - i)) / HISTORY_DAYS + wobble());
	},
	/** 18–30 points higher until 3–20 days ago, then down within one to three days. */
	sudden_drop: (rng, s) => {
		const drop = rng.int(DROP_MIN, Math.min(DROP_MAX, CEILING - s));
		const after = HISTORY_DAYS - rng.int(3, 20);
		const fall = rng.int(1, 3);
		const wobble = noise(rng, 2);
		return days((i) => {
			const high = i < after - fall ? 1 : i >= after ? 0 : (after - i) / (fall + 1);
			// Above the line a wobble only ever lowers the level, so the fall is at least `drop` − 2.
			return s + drop * high + (high === 1 ? -Math.abs(wobble()) : wobble());
		});
	},
	/** 15–30 points lower earlier on, climbing back over ten to twenty-five days. */
	recovery: (rng, s) => {
		const dip = rng.int(15, 30);
		const start = rng.int(15, 55);
		const climb = rng.int(10, 25);
		const wobble = noise(rng, 2);
		return days((i) => {
			const low = i < start ? 1 : i >= start + climb ? 0 : 1 - (i - start) / climb;
			return s - dip * low + wobble();
		});
	},
	/** Swings of up to ten points around today's level, settling over the last days. */
	volatile: (rng, s) => {
		let offset = rng.float(-8, 8);
		return days((i) => {
			offset = Math.max(-10, Math.min(10, 0.7 * offset + rng.float(-6, 6)));
			const settle = Math.min(1, (HISTORY_DAYS - i) / 4);
			return s + offset * settle;
		});
	}
};

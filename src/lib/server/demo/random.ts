/**
 * A small seeded pseudo-random generator for demo data: the same seed always gives the same
 * sequence, on every machine. mulberry32 for the stream, FNV-1a to turn labels into seeds.
 * Never reads Math.random or the clock.
 */

export interface Rng {
	/** A float in [0, 1). */
	next(): number;
	/** An integer in [min, max], both ends included. */
	int(min: number, max: number): number;
	/** A float in [min, max). */
	float(min: number, max: number): number;
	/** True with probability `p` (0..1). */
	chance(p: number): boolean;
	/** One element of a non-empty list. */
	pick<T>(list: readonly T[]): T;
	/** One value, each chosen with probability weight / Σ weights. */
	weighted<T>(entries: readonly (readonly [T, number])[]): T;
	/** A shuffled copy (Fisher–Yates); the input is left alone. */
	shuffle<T>(list: readonly T[]): T[];
	/** `count` distinct elements of `list`, in random order. */
	sample<T>(list: readonly T[], count: number): T[];
	/** A digit string matching `pattern`, where each '#' becomes a random digit. */
	digits(pattern: string): string;
	/** An independent generator for one part of the data, so parts do not shift each other. */
	fork(label: string): Rng;
}

/** 32-bit FNV-1a hash of a string, for turning labels into seeds. */
export function hashString(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** The mulberry32 step function: returns a generator of floats in [0, 1). */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function createRng(seed: number | string): Rng {
	const initial = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
	const next = mulberry32(initial);

	const int = (min: number, max: number) => {
		if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
			throw new RangeError(`int(${min}, ${max}): need integers with min <= max`);
		}
		return min + Math.floor(next() * (max - min + 1));
	};

	const pick = <T>(list: readonly T[]): T => {
		if (list.length === 0) throw new RangeError('pick from an empty list');
		return list[Math.floor(next() * list.length)] as T;
	};

	const shuffle = <T>(list: readonly T[]): T[] => {
		const copy = [...list];
		for (let i = copy.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
		}
		return copy;
	};

	return {
		next,
		int,
		float: (min, max) => min + next() * (max - min),
		chance: (p) => next() < p,
		pick,
		weighted<T>(entries: readonly (readonly [T, number])[]): T {
			let total = 0;
			for (const [, weight] of entries) {
				if (!(weight >= 0)) throw new RangeError(`weights must be >= 0, got ${weight}`);
				total += weight;
			}
			if (total <= 0) throw new RangeError('weighted pick needs a positive total weight');
			let roll = next() * total;
			for (const [value, weight] of entries) {
				if (roll < weight) return value;
				roll -= weight;
			}
			// Float rounding can leave a sliver at the end: the last positive entry takes it.
			const last = [...entries].reverse().find(([, weight]) => weight > 0);
			return (last as readonly [T, number])[0];
		},
		shuffle,
		sample: (list, count) => shuffle(list).slice(0, Math.max(0, count)),
		digits: (pattern) => pattern.replace(/#/g, () => String(Math.floor(next() * 10))),
		fork: (label) => createRng((hashString(label) ^ Math.floor(next() * 4294967296)) >>> 0)
	};
}

import { describe, expect, it } from 'vitest';
import { createRng, hashString, mulberry32 } from '../../src/lib/server/demo/random';

const take = (seed: number | string, count = 20) => {
	const rng = createRng(seed);
	return Array.from({ length: count }, () => rng.next());
};

describe('createRng', () => {
	it('gives the same sequence for the same seed', () => {
		expect(take(42)).toEqual(take(42));
		expect(take('keel')).toEqual(take('keel'));
	});

	it('gives different sequences for different seeds', () => {
		expect(take(42)).not.toEqual(take(43));
		expect(take(0)).not.toEqual(take(1));
		expect(take('a')).not.toEqual(take('b'));
	});

	it('is pinned: seed 42 gives the published mulberry32 values, so demo data never drifts', () => {
		expect(take(42, 3)).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
		const rng = createRng(42);
		expect([rng.int(1, 100), rng.int(1, 100), rng.int(1, 100)]).toEqual([61, 45, 86]);
		expect(hashString('')).toBe(0x811c9dc5);
		expect(createRng('keel').next()).toBe(mulberry32(hashString('keel'))());
	});

	it('keeps next() in [0, 1)', () => {
		for (const x of take(7, 10_000)) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(1);
		}
	});

	it('keeps int(min, max) within both ends and reaches each of them', () => {
		const rng = createRng(1);
		const seen = new Set<number>();
		for (let i = 0; i < 5_000; i++) {
			const n = rng.int(-3, 3);
			expect(Number.isInteger(n)).toBe(true);
			expect(n).toBeGreaterThanOrEqual(-3);
			expect(n).toBeLessThanOrEqual(3);
			seen.add(n);
		}
		expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
		expect(rng.int(5, 5)).toBe(5);
		expect(() => rng.int(3, 2)).toThrow(RangeError);
		expect(() => rng.int(0.5, 2)).toThrow(RangeError);
	});

	it('keeps float(min, max) in [min, max)', () => {
		const rng = createRng(2);
		for (let i = 0; i < 1_000; i++) {
			const x = rng.float(10, 20);
			expect(x).toBeGreaterThanOrEqual(10);
			expect(x).toBeLessThan(20);
		}
	});

	it('picks only elements of the list, and refuses an empty one', () => {
		const rng = createRng(3);
		const list = ['AM', 'CSM', 'SE'] as const;
		const seen = new Set<string>();
		for (let i = 0; i < 300; i++) seen.add(rng.pick(list));
		expect([...seen].sort()).toEqual(['AM', 'CSM', 'SE']);
		expect(() => rng.pick([])).toThrow(RangeError);
	});

	it('follows the weights of weighted(), never choosing a zero weight', () => {
		const rng = createRng(4);
		const counts = { enterprise: 0, mid_market: 0, smb: 0, none: 0 };
		const draws = 20_000;
		for (let i = 0; i < draws; i++) {
			counts[
				rng.weighted([
					['enterprise', 15],
					['mid_market', 35],
					['smb', 50],
					['none', 0]
				] as const)
			]++;
		}
		expect(counts.none).toBe(0);
		expect(counts.enterprise / draws).toBeCloseTo(0.15, 1);
		expect(counts.mid_market / draws).toBeCloseTo(0.35, 1);
		expect(counts.smb / draws).toBeCloseTo(0.5, 1);
		expect(() => rng.weighted([['x', 0]])).toThrow(RangeError);
		expect(() => rng.weighted([['x', -1]])).toThrow(RangeError);
	});

	it('makes chance(p) true about p of the time, and never/always at 0 and 1', () => {
		const rng = createRng(5);
		let hits = 0;
		for (let i = 0; i < 10_000; i++) if (rng.chance(0.3)) hits++;
		expect(hits / 10_000).toBeCloseTo(0.3, 1);
		for (let i = 0; i < 100; i++) {
			expect(rng.chance(0)).toBe(false);
			expect(rng.chance(1)).toBe(true);
		}
	});

	it('shuffles into a permutation without touching the input', () => {
		const input = Array.from({ length: 50 }, (_, i) => i);
		const copy = [...input];
		const shuffled = createRng(6).shuffle(input);
		expect(input).toEqual(copy);
		expect([...shuffled].sort((a, b) => a - b)).toEqual(input);
		expect(shuffled).not.toEqual(input);
		expect(createRng(6).shuffle(input)).toEqual(shuffled);
	});

	it('samples distinct elements', () => {
		const sample = createRng(8).sample(['a', 'b', 'c', 'd', 'e'], 3);
		expect(sample).toHaveLength(3);
		expect(new Set(sample).size).toBe(3);
	});

	it('fills digit patterns', () => {
		const phone = createRng(9).digits('+55 11 9####-####');
		expect(phone).toMatch(/^\+55 11 9\d{4}-\d{4}$/);
	});

	it('forks independent, reproducible streams', () => {
		const a = createRng(10).fork('accounts');
		const b = createRng(10).fork('accounts');
		const c = createRng(10).fork('users');
		const seqA = Array.from({ length: 10 }, () => a.next());
		expect(Array.from({ length: 10 }, () => b.next())).toEqual(seqA);
		expect(Array.from({ length: 10 }, () => c.next())).not.toEqual(seqA);
	});
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
	THROTTLE_RULES,
	recordFailure,
	retryAfterMs,
	type ThrottleRule,
	type ThrottleState
} from '../../src/lib/domain/login-throttle';

const MINUTE = 60_000;
const T0 = new Date('2026-11-22T12:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

/** `count` failures, `stepMs` apart, starting at T0; returns every intermediate state. */
function failures(rule: ThrottleRule, count: number, stepMs = 1_000): ThrottleState[] {
	const states: ThrottleState[] = [];
	let state: ThrottleState | undefined;
	for (let i = 0; i < count; i++) {
		state = recordFailure(state, rule, at(i * stepMs));
		states.push(state);
	}
	return states;
}
const last = (states: ThrottleState[]) => states[states.length - 1]!;

describe('recordFailure', () => {
	it('opens a window at the first failure', () => {
		expect(recordFailure(undefined, THROTTLE_RULES.ip, T0)).toEqual({
			failures: 1,
			lastFailureAt: T0,
			blockedUntil: null
		});
	});

	it('counts failures that follow each other within the window, remembering the latest', () => {
		const state = last(failures(THROTTLE_RULES.ip, 3, MINUTE));
		expect(state.failures).toBe(3);
		expect(state.lastFailureAt).toEqual(at(2 * MINUTE));
		expect(state.blockedUntil).toBeNull();
	});

	it('does not change the state it was given', () => {
		const before: ThrottleState = { failures: 2, lastFailureAt: T0, blockedUntil: null };
		const copy = structuredClone(before);
		recordFailure(before, THROTTLE_RULES.ip, at(MINUTE));
		expect(before).toEqual(copy);
	});

	it('starts over once the window has passed, dropping any old block', () => {
		const rule = THROTTLE_RULES.accountIp;
		const blocked = last(failures(rule, 5));
		expect(blocked.blockedUntil).not.toBeNull();

		const later = new Date(blocked.lastFailureAt.getTime() + rule.windowMs);
		expect(recordFailure(blocked, rule, later)).toEqual({
			failures: 1,
			lastFailureAt: later,
			blockedUntil: null
		});
	});

	it('keeps the window open until exactly windowMs after the latest failure', () => {
		const rule = THROTTLE_RULES.ip;
		const first = recordFailure(undefined, rule, T0);
		expect(recordFailure(first, rule, at(rule.windowMs - 1)).failures).toBe(2);
		expect(recordFailure(first, rule, at(rule.windowMs)).failures).toBe(1);
	});

	it('uses the time passed in, never the clock', () => {
		vi.useFakeTimers();
		try {
			vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
			const state = recordFailure(undefined, THROTTLE_RULES.accountIp, T0);
			expect(state.lastFailureAt).toEqual(T0);
			vi.setSystemTime(new Date('2040-01-01T00:00:00Z'));
			expect(recordFailure(state, THROTTLE_RULES.accountIp, at(MINUTE)).failures).toBe(2);
		} finally {
			vi.useRealTimers();
		}
	});

	describe.each([
		['ip', THROTTLE_RULES.ip, 20, 15 * MINUTE],
		['account', THROTTLE_RULES.account, 50, MINUTE],
		['accountIp', THROTTLE_RULES.accountIp, 5, MINUTE]
	] as const)('%s rule', (_name, rule, limit, firstBlockMs) => {
		it(`does not block before failure ${limit}`, () => {
			const states = failures(rule, limit - 1, 100);
			for (const state of states) expect(state.blockedUntil).toBeNull();
		});

		it(`blocks at failure ${limit} for ${firstBlockMs / MINUTE} min from that failure`, () => {
			const states = failures(rule, limit, 100);
			const blockedAt = at((limit - 1) * 100);
			expect(last(states).failures).toBe(limit);
			expect(last(states).blockedUntil).toEqual(new Date(blockedAt.getTime() + firstBlockMs));
		});
	});

	it('keeps the ip and account blocks flat however many failures follow', () => {
		const ip = failures(THROTTLE_RULES.ip, 30, 100);
		for (const state of ip.slice(19)) {
			expect(state.blockedUntil!.getTime() - at((state.failures - 1) * 100).getTime()).toBe(
				15 * MINUTE
			);
		}
		const account = failures(THROTTLE_RULES.account, 60, 100);
		for (const state of account.slice(49)) {
			expect(state.blockedUntil!.getTime() - at((state.failures - 1) * 100).getTime()).toBe(MINUTE);
		}
	});

	it('backs off account+IP blocks 1, 2, 4, 8 minutes, then holds at 15', () => {
		const states = failures(THROTTLE_RULES.accountIp, 12, 1_000);
		const blockMinutes = states.map((state, i) =>
			state.blockedUntil === null
				? null
				: (state.blockedUntil.getTime() - at(i * 1_000).getTime()) / MINUTE
		);
		expect(blockMinutes).toEqual([null, null, null, null, 1, 2, 4, 8, 15, 15, 15, 15]);
	});

	it('backs off when the caller waits out each block before failing again', () => {
		const rule = THROTTLE_RULES.accountIp;
		let state = last(failures(rule, 5, 1_000));
		const lengths: number[] = [];
		for (let i = 0; i < 3; i++) {
			const now = state.blockedUntil!;
			state = recordFailure(state, rule, now);
			lengths.push((state.blockedUntil!.getTime() - now.getTime()) / MINUTE);
		}
		// 1-minute block, then 2, then 4, then 8: each failure within 15 minutes of the last.
		expect(lengths).toEqual([2, 4, 8]);
	});

	it('reaches the 15-minute cap for an attacker who waits out every block', () => {
		const rule = THROTTLE_RULES.accountIp;
		let state = last(failures(rule, 5, 1_000));
		const lengths: number[] = [];
		for (let i = 0; i < 6; i++) {
			const now = state.blockedUntil!;
			state = recordFailure(state, rule, now);
			lengths.push((state.blockedUntil!.getTime() - now.getTime()) / MINUTE);
		}
		expect(lengths).toEqual([2, 4, 8, 15, 15, 15]);
		expect(state.failures).toBe(11);
	});

	it('documents the block lengths in the rule itself', () => {
		const { blockMs } = THROTTLE_RULES.accountIp;
		expect([5, 6, 7, 8, 9, 10, 100].map((n) => blockMs(n) / MINUTE)).toEqual([
			1, 2, 4, 8, 15, 15, 15
		]);
		expect(THROTTLE_RULES.ip.blockMs() / MINUTE).toBe(15);
		expect(THROTTLE_RULES.account.blockMs() / MINUTE).toBe(1);
	});
});

describe('retryAfterMs', () => {
	const blocked: ThrottleState = {
		failures: 5,
		lastFailureAt: T0,
		blockedUntil: at(2 * MINUTE)
	};

	it('is 0 with no state or no block', () => {
		expect(retryAfterMs(undefined, T0)).toBe(0);
		expect(retryAfterMs({ failures: 3, lastFailureAt: T0, blockedUntil: null }, T0)).toBe(0);
	});

	it('is the time left until the block ends', () => {
		expect(retryAfterMs(blocked, T0)).toBe(2 * MINUTE);
		expect(retryAfterMs(blocked, at(90_000))).toBe(30_000);
		expect(retryAfterMs(blocked, at(2 * MINUTE - 1))).toBe(1);
	});

	it('is 0 once the block has ended, never negative', () => {
		expect(retryAfterMs(blocked, at(2 * MINUTE))).toBe(0);
		expect(retryAfterMs(blocked, at(60 * MINUTE))).toBe(0);
	});

	it('reads the block recordFailure sets', () => {
		const state = last(failures(THROTTLE_RULES.accountIp, 6, 1_000));
		const sixth = at(5 * 1_000);
		expect(retryAfterMs(state, sixth)).toBe(2 * MINUTE);
	});
});

describe('clock independence', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(new Date('1999-12-31T23:59:59Z'));
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('retryAfterMs measures from the now passed in, not the system clock', () => {
		const state: ThrottleState = { failures: 20, lastFailureAt: T0, blockedUntil: at(MINUTE) };
		expect(retryAfterMs(state, T0)).toBe(MINUTE);
	});
});

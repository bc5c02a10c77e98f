/**
 * Sign-in throttling policy, pure. Three counters: per IP, per account+IP and per account.
 * Tight limits sit on the pairs an attacker controls (their IP); the account-wide limit is high
 * and its block short, so guessing from many addresses is slowed without locking out the real
 * user for long.
 */
export interface ThrottleState {
	failures: number;
	/** Failures count while each comes within the rule's window of the one before. */
	lastFailureAt: Date;
	blockedUntil: Date | null;
}

export interface ThrottleRule {
	maxFailures: number;
	windowMs: number;
	/** Block length once `failures` exceeds the limit (failures ≥ maxFailures). */
	blockMs(failures: number): number;
}

const MINUTE = 60_000;

export const THROTTLE_RULES = {
	ip: { maxFailures: 20, windowMs: 15 * MINUTE, blockMs: () => 15 * MINUTE },
	accountIp: {
		maxFailures: 5,
		// Longer than the longest block, so waiting one out does not wipe the count.
		windowMs: 60 * MINUTE,
		// 1, 2, 4, 8, then 15 minutes.
		blockMs: (failures: number) => Math.min(2 ** (failures - 5) * MINUTE, 15 * MINUTE)
	},
	account: { maxFailures: 50, windowMs: 15 * MINUTE, blockMs: () => MINUTE }
} satisfies Record<string, ThrottleRule>;

export type ThrottleScope = keyof typeof THROTTLE_RULES;

/** Milliseconds the caller must still wait, 0 when not blocked. */
export function retryAfterMs(state: ThrottleState | undefined, now: Date): number {
	if (!state?.blockedUntil) return 0;
	return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

export function recordFailure(
	state: ThrottleState | undefined,
	rule: ThrottleRule,
	now: Date
): ThrottleState {
	// The window slides from the latest failure, so an attacker who waits out each block still
	// climbs the backoff instead of starting over.
	const windowOpen = state && now.getTime() - state.lastFailureAt.getTime() < rule.windowMs;
	const failures = windowOpen ? state.failures + 1 : 1;
	const blockedUntil =
		failures >= rule.maxFailures ? new Date(now.getTime() + rule.blockMs(failures)) : null;
	return { failures, lastFailureAt: now, blockedUntil };
}

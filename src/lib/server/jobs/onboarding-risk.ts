import type { Db } from '../db/database';
import { markOnboardingRisk } from '../onboarding/onboarding-risk';

/**
 * Onboardings fall at risk as days pass (a phase over its target, a required item overdue), with
 * no edit to notice it: the sweep looks at every active one. The marks, not the timer, keep each
 * episode announced once, whichever instance sweeps.
 */
export function runOnboardingRiskSweep(db: Db, now = new Date()) {
	return db.transaction().execute((trx) => markOnboardingRisk(trx, now));
}

/** Days turn over at different moments in different zones; a few minutes late is on time here. */
const SWEEP_MS = 5 * 60 * 1000;

export function scheduleOnboardingRiskSweep(getDb: () => Promise<Db>) {
	const tick = async () => {
		try {
			await runOnboardingRiskSweep(await getDb());
		} catch (cause) {
			console.error('[keel] onboarding risk sweep failed; it will be retried', cause);
		}
	};
	const timer = setInterval(tick, SWEEP_MS);
	timer.unref();
	return () => clearInterval(timer);
}

import { canReadAccount, type Actor } from '../../domain/access';
import { trendOf } from '../../domain/adoption';
import { daysBetween, todayIn } from '../../domain/dates';
import { NotFoundError } from '../../domain/errors';
import {
	DEFAULT_HEALTH_MODEL,
	adoptionComponent,
	engagementComponent,
	progressComponent,
	scoreHealth
} from '../../domain/health';
import { findAccount } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { healthFacts, recentAdoption } from './health.repository';

/** Months of adoption the trend compares: the last three against the three before. */
const TREND_MONTHS = 6;

/**
 * The account's health, computed from its current data on every read, so it is never stale:
 * each component's score and the facts behind it, the overall score and band, the share of the
 * model's weight the data backs, and the biggest drag.
 */
export async function getForAccount(db: Db, actor: Actor, accountId: number, now = new Date()) {
	const account = await findAccount(db, accountId);
	if (!account || !canReadAccount(actor, { resellerId: account.reseller_id })) {
		throw new NotFoundError('account');
	}
	const today = todayIn(account.time_zone, now);
	const [adoptionRows, facts] = await Promise.all([
		recentAdoption(db, accountId, TREND_MONTHS),
		healthFacts(db, accountId, today, now)
	]);

	const latestAdoption = adoptionRows[0] ?? null;
	const trend = trendOf([...adoptionRows].reverse().map((r) => r.adoption));
	const touches = [
		facts.lastMeeting && { kind: 'meeting' as const, at: facts.lastMeeting },
		facts.lastTaskDone && { kind: 'task' as const, at: facts.lastTaskDone }
	].filter((t) => !!t);
	const lastTouch = touches.sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null;
	const touchDay = lastTouch ? todayIn(account.time_zone, lastTouch.at) : null;
	const daysSinceTouch = touchDay ? Math.max(0, daysBetween(touchDay, today)) : null;
	const progress = {
		overdueItems: facts.overdueItems,
		openObjectives: facts.openObjectives,
		atRiskObjectives: facts.atRiskObjectives,
		overdueObjectives: facts.overdueObjectives,
		hasWork: facts.onboardingActive || facts.openObjectives > 0
	};

	const model = DEFAULT_HEALTH_MODEL;
	const health = scoreHealth(
		{
			adoption: adoptionComponent(latestAdoption?.adoption ?? null, trend),
			engagement: engagementComponent(daysSinceTouch),
			progress: progressComponent(progress),
			// Escalations and feedback are not recorded in Keel yet: honestly missing.
			support: null,
			sentiment: null
		},
		model
	);
	return {
		account,
		today,
		model,
		health,
		inputs: {
			adoption: latestAdoption?.adoption == null ? null : { ...latestAdoption, trend },
			engagement: lastTouch && { kind: lastTouch.kind, day: touchDay!, days: daysSinceTouch! },
			progress: progress.hasWork ? { ...progress, onboardingActive: facts.onboardingActive } : null
		}
	};
}

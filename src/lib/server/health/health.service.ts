import { canEditAccount, type Actor } from '../../domain/access';
import { addDays, todayIn } from '../../domain/dates';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { componentScores, healthDelta, scoreHealth, type HealthBand } from '../../domain/health';
import { trendOf } from '../../domain/adoption';
import { findReadableAccount, lockEditableAccount } from '../accounts/account-guard';
import { isOnTeam } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import { countActiveFlags } from '../churn/churn.repository';
import type { Db } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { gatherHealthInputs } from './health-inputs.repository';
import { loadHealthModels, modelFor } from './health-model.repository';
import { findOverride, lockOverride, snapshotsBetween } from './health.repository';

/** Days of daily scores the trend chart shows. */
const TREND_DAYS = 90;
/** How far back "change since last week" looks. */
const WEEK = 7;

/**
 * The account's health computed from its current data at the moment of reading (the same facts
 * and model the stored score uses), with the facts behind each component, the change since a
 * week ago, the daily trend, the CSM's own judgement and the churn flags still open.
 */
export async function getForAccount(db: Db, actor: Actor, accountId: number, now = new Date()) {
	const account = await findReadableAccount(db, actor, accountId);
	const today = todayIn(account.time_zone, now);
	const [[inputs], models, history, override, openFlags, actorOnTeam] = await Promise.all([
		gatherHealthInputs(db, [accountId], now, 'sections'),
		loadHealthModels(db),
		snapshotsBetween(db, accountId, addDays(today, -TREND_DAYS), today),
		findOverride(db, accountId, today),
		countActiveFlags(db, accountId),
		isOnTeam(db, accountId, actor.id)
	]);
	if (!inputs) throw new NotFoundError('account');
	const model = modelFor(models, account.segment);
	const health = scoreHealth(componentScores(inputs.facts), model);
	const weekAgo = history.findLast((s) => s.day <= addDays(today, -WEEK)) ?? null;
	const { facts } = inputs;
	return {
		account,
		today,
		model,
		health,
		delta: { since: weekAgo?.day ?? null, ...healthDelta(health, weekAgo) },
		history: history.map((s) => ({ day: s.day, score: s.score, band: s.band })),
		override,
		openFlags,
		canJudge: canEditAccount(actor, { resellerId: account.reseller_id, actorOnTeam }),
		inputs: {
			adoption:
				facts.adoption === null
					? null
					: {
							adoption: facts.adoption,
							month: facts.adoptionMonth!,
							trend: trendOf(facts.adoptionHistory)
						},
			engagement: facts.touch,
			progress: facts.progress.hasWork ? facts.progress : null,
			support: facts.support.hasData ? facts.support : null,
			sentiment:
				facts.sentiment.nps === null && facts.sentiment.csat === null ? null : facts.sentiment
		}
	};
}

export interface OverrideInput {
	band: HealthBand;
	reason: string;
	/** 'YYYY-MM-DD', inclusive; today or later. */
	expires_on: string;
	/** The version of the override the form showed, or null when there was none. */
	version: number | null;
}

/**
 * A CSM's (or manager's) own assessment, shown beside the data's until it expires. One per
 * account: setting it again replaces it, guarded by the version the form showed.
 */
export async function setOverride(
	db: Db,
	actor: Actor,
	accountId: number,
	input: OverrideInput,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, accountId);
		const today = todayIn(account.time_zone, now);
		if (input.expires_on < today) throw new ConflictError('expires_on', 'error.expiryInPast');
		const existing = await lockOverride(trx, accountId);
		// An expired assessment is history: a new one replaces it without asking for its version.
		const current = existing && existing.expires_on >= today ? existing : null;
		if (current) {
			if (input.version === null) throw new ConflictError('band', 'error.overrideExists');
			assertVersion(current, input.version, 'override');
		} else if (input.version !== null && !existing) {
			throw new NotFoundError('override');
		}
		const values = {
			band: input.band,
			reason: input.reason.trim(),
			expires_on: input.expires_on,
			set_by: actor.id
		};
		const after = await trx
			.insertInto('health_overrides')
			.values({ account_id: accountId, ...values })
			.onConflict((oc) =>
				oc.column('account_id').doUpdateSet((eb) => ({
					...values,
					...bumpVersion(),
					// Qualified: a bare `version` is ambiguous beside `excluded.version` here.
					version: eb('health_overrides.version', '+', 1)
				}))
			)
			.returningAll()
			.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'health_override',
			entityId: accountId,
			action: existing ? 'update' : 'create',
			before: existing ?? null,
			after: { ...after, name: account.name }
		});
	});
}

/** Withdraws the assessment, so the data's band stands alone again. */
export async function clearOverride(db: Db, actor: Actor, accountId: number, version: number) {
	await db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, accountId);
		const before = assertVersion(await lockOverride(trx, accountId), version, 'override');
		await trx.deleteFrom('health_overrides').where('account_id', '=', accountId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'health_override',
			entityId: accountId,
			action: 'delete',
			before: { ...before, name: account.name }
		});
	});
}

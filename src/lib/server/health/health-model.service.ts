import { canManageUsers, type Actor } from '../../domain/access';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../domain/errors';
import type { HealthModel } from '../../domain/health';
import { SEGMENTS, type Segment } from '../../domain/vocabulary';
import { writeAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { bumpVersion } from '../db/versioned';
import { refreshHealth } from './health-refresh';
import { loadHealthModels, toHealthModel } from './health-model.repository';

/** Configuration is the admin's (DESIGN.md roles: "health model weights"). */
function assertAdmin(actor: Actor) {
	if (!canManageUsers(actor)) throw new ForbiddenError();
}

/** The default model and each segment's: its own row, or the default it falls back to. */
export async function getModels(db: Db, actor: Actor) {
	assertAdmin(actor);
	const models = await loadHealthModels(db);
	return {
		fallback: models.fallback,
		segments: SEGMENTS.map((segment) => ({ segment, own: models.bySegment[segment] ?? null }))
	};
}

export interface ModelInput extends HealthModel {
	/** The version the form showed; 0 when the model (a segment's own) did not exist yet. */
	version: number;
}

function columns(model: HealthModel) {
	return {
		w_adoption: model.weights.adoption,
		w_engagement: model.weights.engagement,
		w_progress: model.weights.progress,
		w_support: model.weights.support,
		w_sentiment: model.weights.sentiment,
		red_up_to: model.redUpTo,
		yellow_up_to: model.yellowUpTo
	};
}

/**
 * Saves the default model (segment null) or a segment's own, then recomputes every account's
 * health in the same transaction, so no score is ever shown under a model that is not the
 * current one. Audited with the model before and after.
 */
export async function saveModel(
	db: Db,
	actor: Actor,
	segment: Segment | null,
	input: ModelInput,
	now = new Date()
) {
	assertAdmin(actor);
	if (Object.values(input.weights).every((w) => w === 0)) {
		throw new ConflictError('w_adoption', 'error.weightsAllZero');
	}
	if (input.redUpTo >= input.yellowUpTo) {
		throw new ConflictError('yellow_up_to', 'error.bandsOrder');
	}
	await db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('health_models')
			.selectAll()
			.where((eb) => (segment === null ? eb('segment', 'is', null) : eb('segment', '=', segment)))
			.forUpdate()
			.executeTakeFirst();
		if ((existing?.version ?? 0) !== input.version) throw new StaleVersionError('model');
		const values = { ...columns(input), updated_by: actor.id };
		const after = existing
			? await trx
					.updateTable('health_models')
					.set({ ...values, ...bumpVersion() })
					.where('id', '=', existing.id)
					.returningAll()
					.executeTakeFirstOrThrow()
			: await trx
					.insertInto('health_models')
					.values({ segment, ...values })
					.returningAll()
					.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'health_model',
			entityId: after.id,
			action: existing ? 'update' : 'create',
			before: existing ? toHealthModel(existing) : null,
			after: toHealthModel(after)
		});
		await refreshHealth(trx, 'all', now);
	});
}

/** A segment goes back to the default model; every score is recomputed with it. */
export async function removeSegmentModel(
	db: Db,
	actor: Actor,
	segment: Segment,
	version: number,
	now = new Date()
) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('health_models')
			.selectAll()
			.where('segment', '=', segment)
			.forUpdate()
			.executeTakeFirst();
		if (!existing) throw new NotFoundError('model');
		if (existing.version !== version) throw new StaleVersionError('model');
		await trx.deleteFrom('health_models').where('id', '=', existing.id).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId: null,
			entity: 'health_model',
			entityId: existing.id,
			action: 'delete',
			before: toHealthModel(existing)
		});
		await refreshHealth(trx, 'all', now);
	});
}

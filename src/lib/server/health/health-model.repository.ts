import { DEFAULT_HEALTH_MODEL, type HealthModel } from '../../domain/health';
import type { Segment } from '../../domain/vocabulary';
import type { Executor } from '../db/database';
import type { HealthModelRow } from './health.table';

/** A stored model in the domain's shape, with the row it came from. */
export interface StoredHealthModel extends HealthModel {
	/** Null for the built-in default when no row holds it. */
	id: number | null;
	segment: Segment | null;
	version: number;
}

export function toHealthModel(row: HealthModelRow): StoredHealthModel {
	return {
		id: row.id,
		segment: row.segment,
		version: row.version,
		weights: {
			adoption: row.w_adoption,
			engagement: row.w_engagement,
			progress: row.w_progress,
			support: row.w_support,
			sentiment: row.w_sentiment
		},
		redUpTo: row.red_up_to,
		yellowUpTo: row.yellow_up_to
	};
}

export interface HealthModels {
	fallback: StoredHealthModel;
	bySegment: Partial<Record<Segment, StoredHealthModel>>;
}

/** The default model and each segment's own, if it has one. */
export async function loadHealthModels(db: Executor): Promise<HealthModels> {
	const rows = await db.selectFrom('health_models').selectAll().orderBy('id').execute();
	const models = rows.map(toHealthModel);
	// The migration inserts the default row; a wiped table (seed --reset) falls back to the code's.
	const fallback = models.find((m) => m.segment === null) ?? {
		...DEFAULT_HEALTH_MODEL,
		id: null,
		segment: null,
		version: 0
	};
	return {
		fallback,
		bySegment: Object.fromEntries(models.filter((m) => m.segment).map((m) => [m.segment, m]))
	};
}

export function modelFor(models: HealthModels, segment: Segment): StoredHealthModel {
	return models.bySegment[segment] ?? models.fallback;
}

import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { HealthBand, HealthComponent } from '../../domain/health';
import type { StoredHealthInputs } from '../../domain/health-inputs';
import type { Region, Segment } from '../../domain/vocabulary';

/** One 0–100 score per component, null where the account has no data for it. */
type ComponentScoreColumns = Record<HealthComponent, number | null>;

/** Weights and bands; `segment` null is the default model, a segment row overrides it. */
export interface HealthModelTable {
	id: Generated<number>;
	segment: Segment | null;
	w_adoption: number;
	w_engagement: number;
	w_progress: number;
	w_support: number;
	w_sentiment: number;
	red_up_to: number;
	yellow_up_to: number;
	version: Generated<number>;
	updated_by: number | null;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** Each account's current health, kept by the transactions that change its inputs. */
export interface AccountHealthTable extends ComponentScoreColumns {
	account_id: number;
	score: number | null;
	band: HealthBand | null;
	/** Share of the model's weight backed by data, 0–1. */
	coverage: number;
	biggest_drag: HealthComponent | null;
	/** The account's own, copied by each write: what the portfolio review filters and sums by. */
	segment: Segment;
	region: Region;
	arr: number;
	/** When the values last changed: a recompute that finds the same score leaves the row be. */
	changed_at: Date;
	/** The drop rule's high: the highest score seen in its 30 days, and the day it was seen. */
	recent_high: number | null;
	/** 'YYYY-MM-DD' */
	recent_high_on: string | null;
}

/** Each account's health inputs as last read from its sections (see domain/health-inputs). */
export interface HealthInputsTable {
	account_id: number;
	inputs: JSONColumnType<StoredHealthInputs>;
	read_at: Date;
}

/** One row per account and day: the trend and the week-on-week change. */
export interface HealthSnapshotTable extends ComponentScoreColumns {
	account_id: number;
	/** 'YYYY-MM-DD' */
	day: string;
	score: number | null;
	band: HealthBand | null;
	coverage: number;
}

/** A CSM's own assessment, shown beside the data's until it expires. */
export interface HealthOverrideTable {
	account_id: number;
	band: HealthBand;
	reason: string;
	/** 'YYYY-MM-DD', inclusive. */
	expires_on: string;
	set_by: number | null;
	version: Generated<number>;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type HealthModelRow = Selectable<HealthModelTable>;

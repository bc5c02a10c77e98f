import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MetricKey, UsageContribution } from '../../domain/adoption';

export interface UsageRecordTable {
	id: Generated<number>;
	account_id: number;
	metric: MetricKey;
	/** 'YYYY-MM-01': usage is recorded per calendar month. */
	month: string;
	entitled: number;
	used: number;
	version: Generated<number>;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** An account's adoption in one month, derived from its usage records (never typed in). */
export interface AccountAdoptionTable {
	account_id: number;
	month: string;
	/** Mean utilisation of its metrics, each counted up to 100 %; null with no entitlement. */
	adoption: number | null;
	metrics: number;
	under_used: number;
	over_cap: number;
}

/**
 * Portfolio totals per month and metric: the unfiltered portfolio view's rows, each the sum of
 * its readings' contributions (domain/adoption's UsageContribution).
 */
export interface AdoptionMonthTotalTable extends UsageContribution {
	month: string;
	metric: MetricKey;
}

export type UsageRecord = Selectable<UsageRecordTable>;

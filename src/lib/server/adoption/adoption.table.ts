import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MetricKey } from '../../domain/adoption';

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

/** Portfolio totals per month and metric: the unfiltered portfolio view's rows. */
export interface AdoptionMonthTotalTable {
	month: string;
	metric: MetricKey;
	accounts: number;
	used: number;
	entitled: number;
	/** Σ min(used, entitled) ÷ entitled over the readings with an entitlement… */
	utilisation_sum: number;
	/** …and how many readings that is, so the mean is sum ÷ count. */
	utilisation_count: number;
	under_used: number;
	over_cap: number;
}

export type UsageRecord = Selectable<UsageRecordTable>;

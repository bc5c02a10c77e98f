import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
	FeedbackKind,
	FeedbackSource,
	FeedbackStatus,
	FeedbackTeam
} from '../../domain/feedback';
import type { Region, SalesChannel, Segment } from '../../domain/vocabulary';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface FeedbackTable {
	id: Generated<number>;
	account_id: number;
	kind: FeedbackKind;
	/** NPS 0–10, CSAT 1–5; null for free text. */
	score: number | null;
	comment: Generated<string>;
	source: FeedbackSource;
	contact_id: number | null;
	/** The business review it was given in, if any. */
	review_id: number | null;
	received_on: string;
	/** Library theme codes and normalised free tags. */
	themes: Generated<string[]>;
	routed_team: FeedbackTeam | null;
	status: Generated<FeedbackStatus>;
	/** The account's group and CSM on the day it was given: what the trends compare. */
	segment: Segment;
	region: Region;
	sales_channel: SalesChannel;
	csm_id: number | null;
	/** The CSM's task raised for a detractor or a low CSAT. */
	follow_up_task_id: number | null;
	created_by: number | null;
	/** The response's id in the system an import brought it from; null when captured in Keel. */
	external_id: string | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}
export type Feedback = Selectable<FeedbackTable>;

/** The customer group a monthly total is kept for; `csm_id` 0 stands for "no CSM". */
interface MonthlyGroup {
	month: string;
	segment: Segment;
	region: Region;
	sales_channel: SalesChannel;
}

export interface FeedbackMonthlyTable extends MonthlyGroup {
	csm_id: number;
	responses: Generated<number>;
	promoters: Generated<number>;
	passives: Generated<number>;
	detractors: Generated<number>;
	csat_count: Generated<number>;
	csat_sum: Generated<number>;
}

export interface FeedbackThemeMonthlyTable extends MonthlyGroup {
	theme: string;
	mentions: Generated<number>;
}

/** Theme mentions by CSM too: what a view narrowed to one CSM reads. */
export interface FeedbackThemeCsmMonthlyTable extends FeedbackThemeMonthlyTable {
	csm_id: number;
}

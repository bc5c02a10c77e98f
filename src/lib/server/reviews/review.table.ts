import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ReviewKind, ReviewStatus } from '../../domain/review';
import type { Segment } from '../../domain/vocabulary';
import type { Attendee } from '../onboarding/onboarding.table';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** jsonb: written as a JSON string, read back as the value. */
type Json<T> = ColumnType<T, string, string>;

export interface BusinessReviewTable {
	id: Generated<number>;
	account_id: number;
	kind: ReviewKind;
	title: Generated<string>;
	status: Generated<ReviewStatus>;
	/** The wall-clock time asked for in `time_zone` (the account's), as an instant. */
	starts_at: Date;
	duration_minutes: Generated<number>;
	time_zone: string;
	location: Generated<string>;
	agenda: Generated<string>;
	notes: Generated<string>;
	decisions: Generated<string>;
	cancel_reason: Generated<string>;
	attendees: Json<Attendee[]>;
	created_by: number | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}
export type BusinessReview = Selectable<BusinessReviewTable>;

/** A follow-up action: a task owned by its review. */
export interface ReviewActionTable {
	task_id: number;
	review_id: number;
}

/** Per account and kind, what the cadence rule reads: kept in step with the account's reviews. */
export interface AccountReviewFactsTable {
	account_id: number;
	kind: ReviewKind;
	/** Local days, in the zone each review was scheduled in. */
	last_held_on: string | null;
	next_planned_on: string | null;
}

export interface ReviewCadenceTable {
	segment: Segment;
	kind: ReviewKind;
	every_months: number;
	version: Generated<number>;
	updated_at: UpdatedAt;
}

import type { ColumnType } from 'kysely';

/** A user's private calendar feed: the SHA-256 of its secret token, never the token itself. */
export interface CalendarFeedTable {
	user_id: number;
	token_hash: string;
	/** When the current address was made: a new address replaces the old one and this date. */
	created_at: ColumnType<Date, Date | string | undefined, Date>;
}

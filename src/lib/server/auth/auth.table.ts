import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { Locale, UserRole } from '../../domain/vocabulary';

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	role: UserRole;
	/** Set for partner users only: the reseller whose end customers they see. */
	reseller_id: number | null;
	password_hash: string;
	locale: Generated<Locale>;
	time_zone: Generated<string>;
	disabled_at: Date | null;
	version: Generated<number>;
	created_at: ColumnType<Date, Date | string | undefined, never>;
	updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SessionTable {
	/** SHA-256 of the session token, hex: the token itself is never stored. */
	id: string;
	user_id: number;
	expires_at: Date;
	created_at: ColumnType<Date, Date | string | undefined, never>;
}

export interface LoginThrottleTable {
	key: string;
	failures: number;
	last_failure_at: Date;
	blocked_until: Date | null;
}

export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;

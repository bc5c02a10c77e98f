import type { Locale, UserRole } from '../../domain/vocabulary';

/** The signed-in user as every service sees it. */
export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: UserRole;
	resellerId: number | null;
	locale: Locale;
	timeZone: string;
}

/**
 * What a session or an API token query selects of its user (joined as `u`) to make a
 * `SessionUser`, and whether the user is disabled.
 */
export const SESSION_USER_COLUMNS = [
	'u.id as user_id',
	'u.email',
	'u.name',
	'u.role',
	'u.reseller_id',
	'u.locale',
	'u.time_zone',
	'u.disabled_at'
] as const;

/** The user of a row selected with `SESSION_USER_COLUMNS`. */
export function sessionUserOf(row: {
	user_id: number;
	email: string;
	name: string;
	role: UserRole;
	reseller_id: number | null;
	locale: Locale;
	time_zone: string;
}): SessionUser {
	return {
		id: row.user_id,
		email: row.email,
		name: row.name,
		role: row.role,
		resellerId: row.reseller_id,
		locale: row.locale,
		timeZone: row.time_zone
	};
}

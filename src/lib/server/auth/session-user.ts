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

import type { Locale } from '$lib/domain/vocabulary';
import type { Messages } from '$lib/i18n/catalogue';
import type { SessionUser } from '$lib/server/auth/session-user';
import type { Db } from '$lib/server/db/database';

declare global {
	namespace App {
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			db: Db;
			user: SessionUser | null;
			sessionId: string | null;
			locale: Locale;
		}
		interface PageData {
			/**
			 * Core and the route's sections, from the root layout's universal load (catalogue.ts,
			 * route-sections.ts); server loads do not send it.
			 */
			messages?: Partial<Messages>;
			locale: Locale;
			timeZone: string;
		}
	}
}

export {};

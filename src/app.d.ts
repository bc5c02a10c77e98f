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
			/** From the root layout's universal load (catalogue.ts); server loads do not send it. */
			messages?: Messages;
			locale: Locale;
			timeZone: string;
		}
	}
}

export {};

import { redirect } from '@sveltejs/kit';
import { isOneOf, LOCALES } from '$lib/domain/vocabulary';
import { LOCALE_COOKIE } from '$lib/i18n/locale';
import { safePath } from '$lib/server/http/safe-path';
import * as users from '$lib/server/users/user.service';
import type { RequestHandler } from './$types';

/** The locale switcher posts here; signed-in users keep the choice in their profile too. */
export const POST = (async ({ request, locals, cookies }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	const back = form.get('redirectTo');
	if (isOneOf(LOCALES, locale)) {
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 365
		});
		if (locals.user) await users.setLocale(locals.db, locals.user, locale);
	}
	redirect(303, safePath(typeof back === 'string' ? back : null, '/'));
}) satisfies RequestHandler;

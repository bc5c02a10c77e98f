import { redirect } from '@sveltejs/kit';
import { isOneOf, LOCALES } from '$lib/domain/vocabulary';
import { LOCALE_COOKIE } from '$lib/i18n/locale';
import type { RequestHandler } from './$types';

/** The locale switcher posts here; signed-in users keep the choice in their profile too. */
export const POST = (async ({ request, locals, cookies }) => {
	const form = await request.formData();
	const locale = form.get('locale');
	const back = String(form.get('redirectTo') ?? '/');
	if (isOneOf(LOCALES, locale)) {
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: 60 * 60 * 24 * 365
		});
		if (locals.user) {
			await locals.db
				.updateTable('users')
				.set({ locale })
				.where('id', '=', locals.user.id)
				.execute();
		}
	}
	redirect(303, back.startsWith('/') && !back.startsWith('//') ? back : '/');
}) satisfies RequestHandler;

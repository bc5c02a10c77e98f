import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE } from '$lib/i18n/locale';
import { createSession, generateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { passwordChangeFields, preferencesFields } from '$lib/server/users/user.schema';
import * as users from '$lib/server/users/user.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	const user = requireUser(locals, url);
	return { preferences: { locale: user.locale, time_zone: user.timeZone } };
}) satisfies PageServerLoad;

export const actions = {
	preferences: async ({ locals, request, cookies }) => {
		const user = requireUser(locals);
		return handleForm('preferences', await request.formData(), preferencesFields, async (input) => {
			await users.setPreferences(locals.db, user, input);
			cookies.set(LOCALE_COOKIE, input.locale, { path: '/', httpOnly: false, sameSite: 'lax' });
			redirect(303, '/settings?saved=preferences');
		});
	},
	password: async ({ locals, request, cookies, url }) => {
		const user = requireUser(locals);
		return handleForm('password', await request.formData(), passwordChangeFields, async (input) => {
			// Every session ends, this one too; the user goes on in a fresh one.
			await users.changeOwnPassword(locals.db, user, input);
			const token = generateSessionToken();
			const session = await createSession(locals.db, token, user.id);
			setSessionCookie(cookies, url, token, session.expires_at);
			redirect(303, '/settings?saved=password');
		});
	}
} satisfies Actions;

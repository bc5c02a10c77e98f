import { fail, redirect } from '@sveltejs/kit';
import { email, parseForm, text } from '$lib/domain/validation';
import * as auth from '$lib/server/auth/auth.service';
import { setSessionCookie } from '$lib/server/auth/cookies';
import { safePath } from '$lib/server/http/safe-path';
import type { Actions, PageServerLoad } from './$types';

const safeNext = (raw: string | null) => safePath(raw, '/');

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {};
}) satisfies PageServerLoad;

const signInFields = {
	email: email({ required: true }),
	password: text({ required: true, max: 200 })
};

export const actions = {
	default: async ({ request, locals, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const values = { email: String(form.get('email') ?? '') };
		const parsed = parseForm(signInFields, form);
		if (!parsed.ok) return fail(400, { errors: parsed.errors, values });

		const result = await auth.signIn(locals.db, { ...parsed.data, ip: getClientAddress() });
		if (!result.ok && result.reason === 'throttled') {
			return fail(429, { throttled: result.retryAfterSeconds, values });
		}
		if (!result.ok) return fail(400, { invalid: true, values });

		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeNext(url.searchParams.get('next')));
	}
} satisfies Actions;

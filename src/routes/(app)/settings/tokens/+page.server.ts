import { redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { newTokenFields, revokeTokenFields } from '$lib/server/api/api-token.schema';
import * as tokens from '$lib/server/api/api-token.service';
import { handleForm } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	return { tokens: await tokens.listTokens(locals.db, user), now: new Date() };
}) satisfies PageServerLoad;

export const actions = {
	create: async ({ locals, request }) => {
		const user = requireUser(locals);
		return handleForm('create', await request.formData(), newTokenFields, async (input) => {
			const created = await tokens.createToken(locals.db, user, input);
			// The token goes back in this one answer only; it is never stored or put in a URL.
			return { form: 'create', created: { name: input.name, token: created.token } };
		});
	},
	revoke: async ({ locals, request }) => {
		const user = requireUser(locals);
		return handleForm('revoke', await request.formData(), revokeTokenFields, async (input) => {
			await tokens.revokeToken(locals.db, user, input.id);
			redirect(303, '/settings/tokens?revoked=1');
		});
	}
} satisfies Actions;

import { error, redirect } from '@sveltejs/kit';
import { canCreateAccount } from '$lib/domain/access';
import * as accounts from '$lib/server/accounts/account.service';
import { accountFormFields } from '$lib/server/accounts/account.schema';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	if (!canCreateAccount(user)) error(403, 'You may not do this.');
	return accounts.formOptions(locals.db);
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, request }) => {
		const user = requireRole(locals, ['manager']);
		return handleForm('account', await request.formData(), accountFormFields, async (input) => {
			const id = await accounts.create(locals.db, user, input);
			redirect(303, `/accounts/${id}`);
		});
	}
} satisfies Actions;

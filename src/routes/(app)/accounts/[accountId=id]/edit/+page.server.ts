import { error, redirect } from '@sveltejs/kit';
import * as accounts from '$lib/server/accounts/account.service';
import { accountUpdateFields } from '$lib/server/accounts/account.schema';
import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const id = Number(params.accountId);
	const [detail, options] = await Promise.all([
		loadOr404(accounts.get(locals.db, user, id)),
		accounts.formOptions(locals.db)
	]);
	if (!detail.can.edit) error(403, 'You may not do this.');
	return { account: detail.account, resellers: options.resellers };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		const id = Number(params.accountId);
		return handleForm('account', await request.formData(), accountUpdateFields, async (input) => {
			const { version, ...fields } = input;
			await accounts.update(locals.db, user, id, version, fields);
			redirect(303, `/accounts/${id}?saved=account`);
		});
	}
} satisfies Actions;

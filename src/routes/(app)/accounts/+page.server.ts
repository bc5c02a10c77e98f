import { parseAccountListQuery } from '$lib/domain/account-list-query';
import * as accounts from '$lib/server/accounts/account.service';
import { requireUser } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseAccountListQuery(url.searchParams);
	return { query, ...(await accounts.list(locals.db, user, query)) };
}) satisfies PageServerLoad;

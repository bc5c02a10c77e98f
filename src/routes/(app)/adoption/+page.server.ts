import { parsePortfolioAdoptionQuery } from '$lib/domain/portfolio-adoption-query';
import * as adoption from '$lib/server/adoption/adoption.service';
import { requireUser } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parsePortfolioAdoptionQuery(url.searchParams);
	return { query, ...(await loadOr404(adoption.portfolio(locals.db, user, query))) };
}) satisfies PageServerLoad;

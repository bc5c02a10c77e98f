import { parseBoardQuery } from '$lib/domain/onboarding-board-query';
import { requireUser } from '$lib/server/auth/guard';
import * as onboardingBoard from '$lib/server/onboarding/board.service';
import type { PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const query = parseBoardQuery(url.searchParams);
	return { query, ...(await onboardingBoard.board(locals.db, user, query)) };
}) satisfies PageServerLoad;

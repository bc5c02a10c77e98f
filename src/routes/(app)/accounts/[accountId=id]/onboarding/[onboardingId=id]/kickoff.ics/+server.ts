import { requireUser } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import { kickoffIcs } from '$lib/server/onboarding/kickoff.service';
import type { RequestHandler } from './$types';

/** The kick-off meeting as a calendar file, for anyone who may read the account. */
export const GET = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const ics = await loadOr404(
		kickoffIcs(locals.db, user, Number(params.accountId), Number(params.onboardingId))
	);
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="kickoff-${params.onboardingId}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;

import { requireUser } from '$lib/server/auth/guard';
import { loadOr404 } from '$lib/server/http/load';
import { reviewIcs } from '$lib/server/reviews/review-view.service';
import type { RequestHandler } from './$types';

/** The review as a calendar file, for anyone who may read the account. */
export const GET = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const ics = await loadOr404(
		reviewIcs(locals.db, user, Number(params.accountId), Number(params.reviewId), locals.locale)
	);
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="review-${params.reviewId}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
}) satisfies RequestHandler;

// Business reviews: planned ones, upcoming or overdue, and one with its follow-ups.
// Each endpoint reads its parameters and calls the section's own service (or the repository
// its export reads by keyset) with the token's user, so access is the web app's.
import { NotFoundError } from '../../domain/errors';
import { parseReviewListQuery } from '../../domain/review-list-query';
import { plannedPage, type PlannedPosition } from '../reviews/review-list.repository';
import { reviewListFilter } from '../reviews/review-list.service';
import * as reviewView from '../reviews/review-view.service';
import { ok, pathId, type ApiContext } from './api-handler';
import { keysetPage, positionDecoder } from './api-pagination';

export async function listReviewsEndpoint({ db, actor, url }: ApiContext) {
	const query = parseReviewListQuery(url.searchParams);
	const { filter } = reviewListFilter(actor, query);
	const planned = {
		...filter,
		when: query.view === 'overdue' ? ('overdue' as const) : ('upcoming' as const)
	};
	const now = new Date();
	return ok(
		await keysetPage(url, {
			read: (after: PlannedPosition | null, size) => plannedPage(db, planned, now, size, 0, after),
			positionOf: (last) => ({ startsAt: last.starts_at, id: last.id }),
			decode: positionDecoder<PlannedPosition>({ startsAt: 'instant', id: 'id' }),
			present: (rows) =>
				rows.map((r) => ({
					id: r.id,
					account_id: r.account_id,
					account_name: r.account_name,
					kind: r.kind,
					title: r.title,
					starts_at: r.starts_at,
					duration_minutes: r.duration_minutes,
					time_zone: r.time_zone,
					csm_name: r.csm_name
				}))
		})
	);
}

export async function getReviewEndpoint(ctx: ApiContext) {
	const reviewId = pathId(ctx, 'id');
	const row = await ctx.db
		.selectFrom('business_reviews')
		.select('account_id')
		.where('id', '=', reviewId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('review');
	const view = await reviewView.getReview(ctx.db, ctx.actor, row.account_id, reviewId);
	const r = view.review;
	return ok({
		id: r.id,
		account_id: r.account_id,
		account_name: view.account.name,
		kind: r.kind,
		title: r.title,
		status: r.status,
		starts_at: r.starts_at,
		duration_minutes: r.duration_minutes,
		time_zone: r.time_zone,
		notes: r.notes,
		version: r.version,
		actions: view.actions.map((a) => ({
			task_id: a.id,
			title: a.title,
			status: a.status,
			due_date: a.due_date,
			owner_name: a.owner_name,
			version: a.version
		}))
	});
}

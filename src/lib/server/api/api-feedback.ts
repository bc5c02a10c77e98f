// Feedback: an account's responses, one response, and recording one.
// Each endpoint reads its parameters and calls the section's own service (or the repository
// its export reads by keyset) with the token's user, so access is the web app's.
import { NotFoundError } from '../../domain/errors';
import { parseFeedbackListQuery } from '../../domain/feedback-list-query';
import { findReadableAccount } from '../accounts/account-guard';
import {
	findFeedback,
	listAccountFeedback,
	type FeedbackPosition
} from '../feedback/feedback.repository';
import { feedbackFields } from '../feedback/feedback.schema';
import * as feedback from '../feedback/feedback.service';
import { ok, bodyForm, parseBody, pathId, type ApiContext } from './api-handler';
import { keysetPage, positionDecoder } from './api-pagination';

function feedbackItem(
	accountId: number,
	f: Pick<
		Awaited<ReturnType<typeof listAccountFeedback>>[number],
		| 'id'
		| 'kind'
		| 'score'
		| 'comment'
		| 'source'
		| 'received_on'
		| 'themes'
		| 'routed_team'
		| 'status'
		| 'follow_up_task_id'
		| 'version'
	>
) {
	return {
		id: f.id,
		account_id: accountId,
		kind: f.kind,
		score: f.score,
		comment: f.comment,
		source: f.source,
		received_on: f.received_on,
		themes: f.themes,
		routed_team: f.routed_team,
		status: f.status,
		follow_up_task_id: f.follow_up_task_id,
		version: f.version
	};
}

export async function listAccountFeedbackEndpoint(ctx: ApiContext) {
	const accountId = pathId(ctx, 'id');
	// The account's Feedback tab's access: whoever may read the account.
	await findReadableAccount(ctx.db, ctx.actor, accountId);
	const query = parseFeedbackListQuery(ctx.url.searchParams);
	return ok(
		await keysetPage(ctx.url, {
			read: (after: FeedbackPosition | null, size) =>
				listAccountFeedback(ctx.db, accountId, query, { after, size }),
			positionOf: (last) => ({ receivedOn: last.received_on, id: last.id }),
			decode: positionDecoder<FeedbackPosition>({ receivedOn: 'string', id: 'id' }),
			present: (rows) => rows.map((r) => feedbackItem(accountId, r))
		})
	);
}

async function readableFeedback(ctx: ApiContext, feedbackId: number) {
	const row = await findFeedback(ctx.db, feedbackId);
	if (!row) throw new NotFoundError('feedback');
	await findReadableAccount(ctx.db, ctx.actor, row.account_id);
	return feedbackItem(row.account_id, row);
}

export async function getFeedbackEndpoint(ctx: ApiContext) {
	return ok(await readableFeedback(ctx, pathId(ctx, 'id')));
}

export async function createFeedbackEndpoint(ctx: ApiContext) {
	const accountId = pathId(ctx, 'id');
	const form = await bodyForm(ctx);
	const input = await parseBody(feedbackFields(form), form);
	const { id } = await feedback.capture(ctx.db, ctx.actor, accountId, input);
	return { status: 201, body: await readableFeedback(ctx, id) };
}

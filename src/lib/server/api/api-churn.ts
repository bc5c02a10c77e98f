// Churn flags: the risk list, one flag with its log, and notes on it.
// Each endpoint reads its parameters and calls the section's own service (or the repository
// its export reads by keyset) with the token's user, so access is the web app's.
import { todayIn } from '../../domain/dates';
import { NotFoundError } from '../../domain/errors';
import { parseRiskListQuery } from '../../domain/risk-list-query';
import { oneOf } from '../../domain/validation';
import * as churn from '../churn/churn.service';
import { riskPage, riskPosition } from '../churn/risk-list.repository';
import { riskListScope } from '../churn/risk-list.service';
import { flagNoteFields } from '../churn/churn.schema';
import type { KeysetValue } from '../db/keyset';
import { ok, pathId, readBody, type ApiContext } from './api-handler';
import { keysetPage, positionDecoder } from './api-pagination';

type RiskRow = Awaited<ReturnType<typeof riskPage>>[number];
type RiskPosition = { values: KeysetValue[]; id: number };

function flagSummary(r: RiskRow) {
	return {
		id: r.id,
		account_id: r.account_id,
		account_name: r.account_name,
		rule: r.rule,
		severity: r.severity,
		reason: r.reason,
		status: r.status,
		arr_at_risk: r.arr_at_risk,
		currency: r.currency,
		renewal_date: r.renewal_date,
		summary: r.summary,
		next_step: r.next_step,
		next_step_owner: r.owner_name,
		next_step_due: r.next_step_due,
		health_score: r.score,
		health_band: r.band,
		acknowledged_by_me: Boolean(r.acknowledged_by_me),
		created_at: r.created_at
	};
}

export async function listChurnFlagsEndpoint({ db, actor, url }: ApiContext) {
	const { scope, query } = riskListScope(actor, parseRiskListQuery(url.searchParams));
	const today = todayIn(actor.timeZone, new Date());
	return ok(
		await keysetPage(url, {
			read: (after: RiskPosition | null, size) =>
				riskPage(db, scope, query, today, actor.id, { after, size }),
			positionOf: (last) => riskPosition(query.sort, last),
			decode: positionDecoder<RiskPosition>({ values: ['value', 'value'], id: 'id' }),
			present: (rows) => rows.map(flagSummary)
		})
	);
}

/** The flag's account, so the account-scoped churn service can be asked; unknown ids are 404. */
async function flagAccount(ctx: ApiContext, flagId: number) {
	const row = await ctx.db
		.selectFrom('churn_flags')
		.select('account_id')
		.where('id', '=', flagId)
		.executeTakeFirst();
	if (!row) throw new NotFoundError('churn flag');
	return row.account_id;
}

async function flagView(ctx: ApiContext, accountId: number, flagId: number) {
	const view = await churn.getForAccount(ctx.db, ctx.actor, accountId);
	const flag = view.flags.find((f) => f.id === flagId);
	if (!flag) throw new NotFoundError('churn flag');
	return {
		id: flag.id,
		account_id: accountId,
		account_name: view.account.name,
		rule: flag.rule,
		severity: flag.severity,
		reason: flag.reason,
		status: flag.status,
		arr_at_risk: flag.arr_at_risk,
		summary: flag.summary,
		next_step: flag.next_step,
		next_step_owner: flag.owner_name,
		next_step_due: flag.next_step_due,
		raised_by: flag.raised_by_name,
		version: flag.version,
		created_at: flag.created_at,
		events: flag.events.map((e) => ({
			id: e.id,
			kind: e.kind,
			actor: e.actor_name,
			body: e.body,
			at: e.at
		}))
	};
}

export async function getChurnFlagEndpoint(ctx: ApiContext) {
	const flagId = pathId(ctx, 'id');
	return ok(await flagView(ctx, await flagAccount(ctx, flagId), flagId));
}

const flagNoteBody = { kind: oneOf(['comment', 'mitigation'] as const), body: flagNoteFields.body };

export async function addChurnFlagNoteEndpoint(ctx: ApiContext) {
	const flagId = pathId(ctx, 'id');
	const accountId = await flagAccount(ctx, flagId);
	const input = await readBody(ctx, flagNoteBody);
	await churn.addNote(ctx.db, ctx.actor, accountId, flagId, input.kind, input.body);
	return { status: 201, body: await flagView(ctx, accountId, flagId) };
}

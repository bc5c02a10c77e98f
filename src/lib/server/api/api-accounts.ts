// Accounts and their health: the accounts list and page, an account's health breakdown, and the
// managers' portfolio health review.
// Each endpoint reads its parameters and calls the section's own service (or the repository
// its export reads by keyset) with the token's user, so access is the web app's.
import { parseAccountListQuery } from '../../domain/account-list-query';
import { todayIn } from '../../domain/dates';
import { addDays } from '../../domain/dates';
import { parseHealthReviewQuery } from '../../domain/health-review-query';
import { reviewPage, reviewPosition } from '../health/health-review.repository';
import { assertReviewer } from '../health/health-review.service';
import { readableReseller } from '../../domain/access';
import * as accounts from '../accounts/account.service';
import { listAccounts } from '../accounts/account.repository';
import type { KeysetPosition } from '../db/keyset';
import * as health from '../health/health.service';
import { ok, pathId, type ApiContext } from './api-handler';
import { keysetPage, positionDecoder } from './api-pagination';

type AccountRow = Awaited<ReturnType<typeof listAccounts>>[number];

function accountSummary(
	r: Omit<AccountRow, 'csm_id' | 'csm_name'> & { csm_id: number | null; csm_name: string | null }
) {
	return {
		id: r.id,
		external_id: r.external_id,
		name: r.name,
		segment: r.segment,
		region: r.region,
		lifecycle_stage: r.lifecycle_stage,
		sales_channel: r.sales_channel,
		reseller_name: r.reseller_name,
		arr: r.arr,
		currency: r.currency,
		renewal_date: r.renewal_date,
		csm: r.csm_id === null || r.csm_name === null ? null : { id: r.csm_id, name: r.csm_name }
	};
}

export async function listAccountsEndpoint({ db, actor, url }: ApiContext) {
	const query = parseAccountListQuery(url.searchParams);
	const today = todayIn(actor.timeZone, new Date());
	const scope = readableReseller(actor);
	return ok(
		await keysetPage(url, {
			read: (after: KeysetPosition | null, size) =>
				listAccounts(db, query, scope, today, { after, size }),
			positionOf: (last) => ({ value: last[query.sort], id: last.id }),
			decode: positionDecoder<KeysetPosition>({ value: 'value', id: 'id' }),
			present: (rows) => rows.map(accountSummary)
		})
	);
}

export async function getAccountEndpoint(ctx: ApiContext) {
	const { account, team } = await accounts.get(ctx.db, ctx.actor, pathId(ctx, 'id'));
	const csm = team.find((m) => m.team_role === 'CSM');
	return ok({
		...accountSummary({ ...account, csm_id: csm?.user_id ?? null, csm_name: csm?.name ?? null }),
		time_zone: account.time_zone,
		support_package: account.support_package,
		notes: account.notes,
		version: account.version,
		team: team.map((m) => ({ user_id: m.user_id, name: m.name, team_role: m.team_role }))
	});
}

export async function getAccountHealthEndpoint(ctx: ApiContext) {
	const accountId = pathId(ctx, 'id');
	const view = await health.getForAccount(ctx.db, ctx.actor, accountId);
	const { health: h, delta, override } = view;
	return ok({
		account_id: accountId,
		score: h.score,
		band: h.band,
		coverage: h.coverage,
		biggest_drag: h.biggestDrag,
		components: h.components.map((c) => ({
			component: c.component,
			weight: c.weight,
			score: c.score,
			contribution: c.contribution,
			drag: c.drag,
			change: delta.components[c.component]
		})),
		change: delta.score,
		change_since: delta.since,
		override: override
			? { band: override.band, reason: override.reason, expires_on: override.expires_on }
			: null,
		open_churn_flags: view.openFlags
	});
}

export async function listHealthEndpoint({ db, actor, url }: ApiContext) {
	assertReviewer(actor);
	const query = parseHealthReviewQuery(url.searchParams);
	const today = todayIn(actor.timeZone, new Date());
	const days = { today, weekAgo: addDays(today, -7) };
	return ok(
		await keysetPage(url, {
			read: (after: KeysetPosition | null, size) => reviewPage(db, query, days, { after, size }),
			positionOf: (last) => reviewPosition(query.sort, last),
			decode: positionDecoder<KeysetPosition>({ value: 'value', id: 'id' }),
			present: (rows) =>
				rows.map((r) => ({
					account_id: r.id,
					account_name: r.name,
					segment: r.segment,
					region: r.region,
					arr: r.arr,
					currency: r.currency,
					renewal_date: r.renewal_date,
					csm_name: r.csm_name,
					score: r.score,
					band: r.band,
					coverage: r.coverage,
					biggest_drag: r.biggest_drag,
					change: r.change,
					override_band: r.override_band
				}))
		})
	);
}

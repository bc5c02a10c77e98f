import type { Actor } from '../../domain/access';
import { renewalCheckpoint } from '../../domain/churn';
import { daysBetween, todayIn } from '../../domain/dates';
import { ForbiddenError } from '../../domain/errors';
import type { RiskListQuery } from '../../domain/risk-list-query';
import { listCsms } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { riskPage, riskTotals, type RiskScope } from './risk-list.repository';

type Viewer = Actor & { timeZone: string };

/** Sales see the flags on accounts whose team they are on; managers see every account's. */
function scopeOf(viewer: Actor): RiskScope {
	if (viewer.role === 'sales') return { teamMember: viewer.id };
	if (viewer.role === 'manager') return 'all';
	throw new ForbiddenError();
}

/**
 * Whose flags the viewer's list shows and the query as it applies to them: the CSM filter is a
 * manager's tool; for sales it would only narrow their own accounts. Refuses other roles.
 */
export function riskListScope(viewer: Actor, query: RiskListQuery) {
	const scope = scopeOf(viewer);
	return { scope, query: viewer.role === 'manager' ? query : { ...query, csm: null } };
}

/**
 * The churn risk list: flags sorted by ARR at risk or by renewal, each with its renewal
 * checkpoint (six or three months out), the account's health, and whether the viewer has
 * acknowledged it. Three queries, whatever the portfolio.
 */
export async function riskList(db: Db, viewer: Viewer, query: RiskListQuery, now = new Date()) {
	const { scope, query: effective } = riskListScope(viewer, query);
	const today = todayIn(viewer.timeZone, now);
	const [rows, totals, csms] = await Promise.all([
		riskPage(db, scope, effective, today, viewer.id),
		riskTotals(db, scope, effective, today),
		viewer.role === 'manager' ? listCsms(db) : Promise.resolve([])
	]);
	return {
		today,
		totals,
		csms,
		flags: rows.map((r) => {
			const days = r.renewal_date ? daysBetween(today, r.renewal_date) : null;
			return { ...r, daysToRenewal: days, checkpoint: renewalCheckpoint(days) };
		})
	};
}

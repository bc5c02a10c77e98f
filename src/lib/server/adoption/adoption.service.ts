import {
	METRIC_KEYS,
	METRICS,
	PRODUCTS,
	addMonths,
	contributionDelta,
	contributionOf,
	flagsFor,
	monthOf,
	monthsEnding,
	trendOf,
	utilisation,
	type MetricKey,
	type Product
} from '../../domain/adoption';
import { canEditAccount, type Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { ConflictError, ForbiddenError, NotFoundError } from '../../domain/errors';
import type { PortfolioAdoptionQuery } from '../../domain/portfolio-adoption-query';
import { findReadableAccount, lockEditableAccount } from '../accounts/account-guard';
import { isOnTeam, listCsms } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import {
	addToMonthTotals,
	countAdoptedAccounts,
	latestPortfolioMonths,
	leastAdopted,
	listUsage,
	lockReading,
	refreshAdoption,
	utilisationByMetric
} from './adoption.repository';
import { healthInputsChanged } from '../health/health-refresh';

/** Months the Adoption tab charts. */
export const WINDOW_MONTHS = 12;

/** A reading the user asked to correct, from the tab's URL (`?metric=…&month=YYYY-MM`). */
export interface UsageFocus {
	metric: MetricKey;
	month: string;
}

/**
 * The account's Adoption tab: each metric's last 12 months, utilisation, flags and trend, and
 * the reading to correct when one was asked for.
 */
export async function getForAccount(
	db: Db,
	actor: Actor,
	accountId: number,
	focus: UsageFocus | null = null,
	now = new Date()
) {
	const account = await findReadableAccount(db, actor, accountId);
	const thisMonth = monthOf(todayIn(account.time_zone, now));
	// Twice the window back, so an account whose data stopped (churned) still shows its last year.
	const [rows, onTeam] = await Promise.all([
		listUsage(db, accountId, addMonths(thisMonth, -2 * WINDOW_MONTHS)),
		isOnTeam(db, accountId, actor.id)
	]);
	const lastMonth = rows.reduce<string | null>(
		(m, r) => (m === null || r.month > m ? r.month : m),
		null
	);
	const months = monthsEnding(lastMonth ?? thisMonth, WINDOW_MONTHS);

	const byMetric = new Map<MetricKey, typeof rows>();
	for (const row of rows) {
		if (row.month < months[0]!) continue;
		const readings = byMetric.get(row.metric) ?? [];
		readings.push(row);
		byMetric.set(row.metric, readings);
	}
	const metrics = [...byMetric.entries()].map(([metric, readings]) => {
		const latest = readings.at(-1)!;
		const series = months.map((month) => {
			const r = readings.find((x) => x.month === month);
			return r
				? {
						month,
						used: r.used,
						entitled: r.entitled,
						utilisation: utilisation(r),
						id: r.id,
						version: r.version
					}
				: { month, used: null, entitled: null, utilisation: null, id: null, version: null };
		});
		return {
			metric,
			...METRICS[metric],
			latest: { month: latest.month, used: latest.used, entitled: latest.entitled },
			utilisation: utilisation(latest),
			flags: flagsFor(metric, latest),
			trend: trendOf(series.map((s) => s.used)),
			series
		};
	});
	const products = PRODUCTS.map((product: Product) => ({
		product,
		metrics: metrics.filter((m) => m.product === product)
	})).filter((p) => p.metrics.length > 0);

	const focused = focus
		? rows.find((r) => r.metric === focus.metric && r.month === focus.month)
		: undefined;
	return {
		account,
		months,
		thisMonth,
		editing: focused
			? {
					metric: focused.metric,
					month: focused.month,
					used: focused.used,
					entitled: focused.entitled,
					version: focused.version
				}
			: null,
		products,
		underUsed: metrics.filter((m) => m.flags.underUsed).length,
		overCap: metrics.filter((m) => m.flags.overCap).length,
		can: {
			record: canEditAccount(actor, { resellerId: account.reseller_id, actorOnTeam: onTeam })
		}
	};
}

export interface UsageInput {
	metric: MetricKey;
	/** 'YYYY-MM-01' */
	month: string;
	entitled: number;
	used: number;
	/** The reading's version when correcting one; null when recording a new month. */
	version: number | null;
}

/**
 * Records (or corrects) one month's reading of one metric, and refreshes the account's adoption
 * for that month in the same transaction. A month that already has a reading is only changed by
 * a form that showed it (its version), so two people cannot overwrite each other unseen.
 */
export async function recordUsage(
	db: Db,
	actor: Actor,
	accountId: number,
	input: UsageInput,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, accountId);
		const thisMonth = monthOf(todayIn(account.time_zone, now));
		if (input.month > thisMonth) throw new ConflictError('month', 'error.monthInFuture');
		const existing = await lockReading(trx, accountId, input.metric, input.month);
		const values = { entitled: input.entitled, used: input.used };
		if (existing) {
			if (input.version === null) throw new ConflictError('month', 'error.usageExists');
			const before = assertVersion(existing, input.version, 'usage');
			const after = await trx
				.updateTable('usage_records')
				.set({ ...values, ...bumpVersion() })
				.where('id', '=', existing.id)
				.returningAll()
				.executeTakeFirstOrThrow();
			await writeAudit(trx, {
				actorId: actor.id,
				accountId,
				entity: 'usage_record',
				entityId: after.id,
				action: 'update',
				before: { ...before, name: before.metric },
				after: { ...after, name: after.metric }
			});
		} else {
			if (input.version !== null) throw new NotFoundError('usage');
			const row = await trx
				.insertInto('usage_records')
				.values({ account_id: accountId, metric: input.metric, month: input.month, ...values })
				.returningAll()
				.executeTakeFirstOrThrow();
			await writeAudit(trx, {
				actorId: actor.id,
				accountId,
				entity: 'usage_record',
				entityId: row.id,
				action: 'create',
				after: { ...row, name: row.metric }
			});
		}
		await refreshAdoption(trx, { accountIds: [accountId], months: [input.month] });
		const delta = contributionDelta(
			existing ? contributionOf(input.metric, existing) : null,
			contributionOf(input.metric, values)
		);
		await addToMonthTotals(trx, input.month, input.metric, delta);
		await healthInputsChanged(trx, accountId, now);
	});
}

/** Managers review adoption across the portfolio; CSMs and the rest work account by account. */
export function assertPortfolioReader(actor: Actor) {
	if (actor.role !== 'manager') throw new ForbiddenError();
}

/**
 * The month the portfolio view shows: the one asked for, else the newest complete one (the
 * current holds only the few readings already in, and would make the portfolio look
 * unadopted), else the newest; null before any usage. The view and its exports share it.
 */
export async function portfolioMonth(
	db: Db,
	actor: { timeZone: string },
	query: PortfolioAdoptionQuery,
	now = new Date()
) {
	const thisMonth = monthOf(todayIn(actor.timeZone, now));
	const { newest, complete } = await latestPortfolioMonths(db, thisMonth);
	return { month: newest === null ? null : (query.month ?? complete ?? newest), newest };
}

/** Utilisation by metric with each metric's product, unit and limit, products in their order. */
export async function metricUtilisation(db: Db, query: PortfolioAdoptionQuery, month: string) {
	const byMetric = await utilisationByMetric(db, query, month);
	return byMetric
		.map((m) => ({
			...m,
			...METRICS[m.metric],
			utilisation: utilisation({ used: m.used, entitled: m.entitled })
		}))
		.sort(
			(a, b) =>
				PRODUCTS.indexOf(a.product) - PRODUCTS.indexOf(b.product) ||
				METRIC_KEYS.indexOf(a.metric) - METRIC_KEYS.indexOf(b.metric)
		);
}

/**
 * The portfolio adoption view: utilisation by metric across the filtered accounts in one month
 * (portfolioMonth), and those accounts least adopted first. A fixed number of queries, whatever
 * the portfolio.
 */
export async function portfolio(
	db: Db,
	actor: Actor & { timeZone: string },
	query: PortfolioAdoptionQuery,
	now = new Date()
) {
	assertPortfolioReader(actor);
	const [{ month, newest }, csms] = await Promise.all([
		portfolioMonth(db, actor, query, now),
		listCsms(db)
	]);
	if (month === null || newest === null) {
		return { month: null, newest, months: [], metrics: [], accounts: [], total: 0, csms };
	}
	const [metrics, accounts, total] = await Promise.all([
		metricUtilisation(db, query, month),
		leastAdopted(db, query, month),
		countAdoptedAccounts(db, query, month)
	]);
	return {
		month,
		newest,
		months: monthsEnding(newest, WINDOW_MONTHS).reverse(),
		metrics,
		accounts,
		total,
		csms
	};
}

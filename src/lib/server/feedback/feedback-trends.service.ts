import type { Actor } from '../../domain/access';
import { todayIn } from '../../domain/dates';
import { ForbiddenError } from '../../domain/errors';
import { csatAverage, netPromoterScore } from '../../domain/feedback';
import { monthOf, monthsEnding } from '../../domain/adoption';
import type { FeedbackTrendsQuery } from '../../domain/feedback-trends-query';
import { listCsms } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { monthlyTotals, themeMentions, type MonthlyTotals } from './feedback-trends.repository';

/** Themes the volume chart shows: the most mentioned in the range. */
const TOP_THEMES = 8;
/** Groups a comparison shows at most (CSMs can be many): those with the most responses. */
const MAX_GROUPS = 8;

/** Portfolio-wide trends are for managers and CSMs; sales and partners read accounts, not these. */
export function assertTrendsReader(actor: Actor) {
	if (actor.role !== 'manager' && actor.role !== 'csm') throw new ForbiddenError();
}

/** One month's NPS and CSAT: the counts, and the scores they make. */
function monthTotals(month: string, row: MonthlyTotals | undefined) {
	const counts = {
		promoters: row?.promoters ?? 0,
		passives: row?.passives ?? 0,
		detractors: row?.detractors ?? 0
	};
	return {
		month,
		responses: row?.responses ?? 0,
		...counts,
		nps: netPromoterScore(counts),
		csatResponses: row?.csat_count ?? 0,
		csat: csatAverage(row?.csat_count ?? 0, row?.csat_sum ?? 0)
	};
}

/** Totals over every month of a series. */
function overall(rows: MonthlyTotals[]) {
	const sum = (pick: (r: MonthlyTotals) => number) => rows.reduce((n, r) => n + pick(r), 0);
	return monthTotals('', {
		month: '',
		grp: null,
		responses: sum((r) => r.responses),
		promoters: sum((r) => r.promoters),
		passives: sum((r) => r.passives),
		detractors: sum((r) => r.detractors),
		csat_count: sum((r) => r.csat_count),
		csat_sum: sum((r) => r.csat_sum)
	});
}

/**
 * Feedback trends across customers: NPS (promoters, passives, detractors and the score) and
 * CSAT by month, the themes raised most, and the same NPS and CSAT per customer group when
 * comparing. Aggregated in SQL from the monthly rollups; no response leaves the server.
 */
export async function trends(
	db: Db,
	actor: Actor & { timeZone: string },
	query: FeedbackTrendsQuery,
	now = new Date()
) {
	assertTrendsReader(actor);
	const months = monthsEnding(monthOf(todayIn(actor.timeZone, now)), query.months);
	const [from, to] = [months[0]!, months.at(-1)!];
	const [totals, mentions, csms] = await Promise.all([
		monthlyTotals(db, query, from, to),
		themeMentions(db, query, from, to, TOP_THEMES),
		listCsms(db)
	]);
	const all = totals.filter((r) => r.grp === null);
	const series = months.map((month) =>
		monthTotals(
			month,
			all.find((r) => r.month === month)
		)
	);

	const themes: { theme: string; total: number; mentions: number[] }[] = [];
	for (const row of mentions) {
		let theme = themes.find((t) => t.theme === row.theme);
		if (!theme) {
			theme = { theme: row.theme, total: row.total, mentions: months.map(() => 0) };
			themes.push(theme);
		}
		theme.mentions[months.indexOf(row.month)] = row.mentions;
	}

	const grouped = new Map<string, MonthlyTotals[]>();
	for (const row of totals) {
		if (row.grp !== null) grouped.set(row.grp, [...(grouped.get(row.grp) ?? []), row]);
	}
	const groups = [...grouped.entries()]
		.map(([key, rows]) => ({
			key,
			// A CSM by name; 0 is feedback from accounts that had none.
			csmName:
				query.compare === 'csm' ? (csms.find((c) => String(c.id) === key)?.name ?? null) : null,
			total: overall(rows),
			months: months.map((month) =>
				monthTotals(
					month,
					rows.find((r) => r.month === month)
				)
			)
		}))
		.sort((a, b) => b.total.responses - a.total.responses || a.key.localeCompare(b.key))
		.slice(0, MAX_GROUPS);

	return { months, series, total: overall(all), themes, groups, csms };
}

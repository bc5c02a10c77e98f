import { sql, type RawBuilder } from 'kysely';

/** Which responses each NPS group counts: domain/feedback's npsGroup, as SQL over `f`. */
const NPS_GROUPS = {
	promoters: sql`f.kind = 'nps' and f.score >= 9`,
	passives: sql`f.kind = 'nps' and f.score between 7 and 8`,
	detractors: sql`f.kind = 'nps' and f.score <= 6`
};

/**
 * What NPS and mean CSAT are made of, as aggregates over responses `f`, each response counted
 * `weight` times: once for an account's own figures, +1 or −1 where the monthly rollups add or
 * take a response's share. One definition, so the two can never count differently.
 */
export function feedbackTotals(weight: RawBuilder<number> = sql<number>`1`) {
	const total = (where?: RawBuilder<unknown>) =>
		sql<number>`coalesce(sum(${weight})${where ? sql` filter (where ${where})` : sql``}, 0)`;
	return {
		responses: total(),
		promoters: total(NPS_GROUPS.promoters),
		passives: total(NPS_GROUPS.passives),
		detractors: total(NPS_GROUPS.detractors),
		csat_count: total(sql`f.kind = 'csat'`),
		csat_sum: sql<number>`coalesce(sum(${weight} * f.score) filter (where f.kind = 'csat'), 0)`
	};
}

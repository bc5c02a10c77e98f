import { sql } from 'kysely';
import { readableReseller, type Actor } from '../../domain/access';
import { POSTMORTEM_PAGE_SIZE, type PostmortemQuery } from '../../domain/postmortem-query';
import type { Db } from '../db/database';

/**
 * Post-mortems across the accounts the viewer may read (a partner: their reseller's), newest
 * first, searched by words of the root cause, the summary or the escalation's title.
 */
export async function listPostmortems(db: Db, actor: Actor, query: PostmortemQuery) {
	const resellerId = readableReseller(actor);
	const words = query.q.trim();
	// The matching post-mortems, as ids: sorted and cut to a page before anything is joined to
	// them, so a search with thousands of matches reads only a page of rows.
	const hits = db
		.selectFrom('postmortems as p')
		.$if(resellerId !== null || query.priority !== null, (qb) =>
			qb.where('p.escalation_id', 'in', (eb) =>
				eb
					.selectFrom('escalations as e')
					.innerJoin('accounts as a', 'a.id', 'e.account_id')
					.select('e.id')
					.$if(resellerId !== null, (qb) => qb.where('a.reseller_id', '=', resellerId!))
					.$if(query.priority !== null, (qb) => qb.where('e.priority', '=', query.priority!))
			)
		)
		.$if(words !== '', (qb) =>
			// Each side on its own full-text index: an `or` across a join would read them all.
			qb.where('p.escalation_id', 'in', (eb) =>
				eb
					.selectFrom('postmortems as m')
					.select('m.escalation_id')
					.where(
						sql<boolean>`to_tsvector('simple', m.root_cause || ' ' || m.summary) @@ websearch_to_tsquery('simple', ${words})`
					)
					.unionAll(
						eb
							.selectFrom('escalations as t')
							.select('t.id as escalation_id')
							.where(
								sql<boolean>`to_tsvector('simple', t.title) @@ websearch_to_tsquery('simple', ${words})`
							)
					)
			)
		);
	const page = hits
		.select(['p.escalation_id', 'p.updated_at'])
		.orderBy('p.updated_at', 'desc')
		.orderBy('p.escalation_id', 'desc')
		.limit(POSTMORTEM_PAGE_SIZE)
		.offset((query.page - 1) * POSTMORTEM_PAGE_SIZE)
		.as('h');
	const [rows, count] = await Promise.all([
		db
			.selectFrom(page)
			.innerJoin('postmortems as p', 'p.escalation_id', 'h.escalation_id')
			.innerJoin('escalations as e', 'e.id', 'h.escalation_id')
			.innerJoin('accounts as a', 'a.id', 'e.account_id')
			.leftJoin('users as u', 'u.id', 'p.written_by')
			.select([
				'e.id',
				'e.title',
				'e.priority',
				'e.opened_at',
				'a.id as account_id',
				'a.name as account_name',
				'p.root_cause',
				'p.summary',
				'p.updated_at',
				'u.name as written_by_name'
			])
			.orderBy('h.updated_at', 'desc')
			.orderBy('h.escalation_id', 'desc')
			.execute(),
		hits.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: count.n };
}

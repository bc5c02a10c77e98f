import { sql } from 'kysely';
import { readableReseller, type Actor } from '../../domain/access';
import { POSTMORTEM_PAGE_SIZE, type PostmortemQuery } from '../../domain/postmortem-query';
import type { Db } from '../db/database';

/**
 * Post-mortems across the accounts the viewer may read (a partner: their reseller's), newest
 * first, searched by words (the full-text index over root cause and summary, and the title).
 */
export async function listPostmortems(db: Db, actor: Actor, query: PostmortemQuery) {
	const resellerId = readableReseller(actor);
	const words = query.q.trim();
	const base = db
		.selectFrom('postmortems as p')
		.innerJoin('escalations as e', 'e.id', 'p.escalation_id')
		.innerJoin('accounts as a', 'a.id', 'e.account_id')
		.$if(resellerId !== null, (qb) => qb.where('a.reseller_id', '=', resellerId!))
		.$if(query.priority !== null, (qb) => qb.where('e.priority', '=', query.priority!))
		.$if(words !== '', (qb) =>
			qb.where(
				sql<boolean>`(to_tsvector('simple', p.root_cause || ' ' || p.summary)
					@@ websearch_to_tsquery('simple', ${words})
					or e.title ilike ${`%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`
			)
		);
	const [rows, count] = await Promise.all([
		base
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
			.orderBy('p.updated_at', 'desc')
			.orderBy('e.id', 'desc')
			.limit(POSTMORTEM_PAGE_SIZE)
			.offset((query.page - 1) * POSTMORTEM_PAGE_SIZE)
			.execute(),
		base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows, total: count.n };
}

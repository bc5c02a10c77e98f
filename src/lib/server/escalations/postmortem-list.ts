import { sql } from 'kysely';
import { readableReseller, type Actor } from '../../domain/access';
import { POSTMORTEM_PAGE_SIZE, type PostmortemQuery } from '../../domain/postmortem-query';
import type { Db, Executor } from '../db/database';
import { exactInstant, keysetAfterColumns, type KeysetColumn } from '../db/keyset';

/**
 * The post-mortems a search matches, across the accounts a viewer may read (`resellerId`: a
 * partner's reseller), as a query on `postmortems as p` to page or count.
 */
function matching(db: Executor, resellerId: number | null, query: PostmortemQuery) {
	const words = query.q.trim();
	return db
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
}

/**
 * The list's order, newest first, for an export's keyset. Ties go by escalation id descending,
 * so the id is a key of its own here: keysetAfterColumns' closing "id ascending" never decides.
 */
const POSTMORTEM_KEYS: KeysetColumn[] = [
	{ column: 'p.updated_at', direction: 'desc' },
	{ column: 'p.escalation_id', direction: 'desc' }
];

/** Where an export's last batch ended: that post-mortem's `exactInstant` time and escalation. */
export interface PostmortemPosition {
	updatedAt: string;
	escalationId: number;
}

/**
 * One page of post-mortems, newest first; or with `batch` the ones after a position (an export's
 * next batch), each with its exact time. Sorted and cut to a page as ids before anything is
 * joined to them, so a search with thousands of matches reads only a page of rows.
 */
export function postmortemPage(
	db: Executor,
	resellerId: number | null,
	query: PostmortemQuery,
	batch?: { after: PostmortemPosition | null; size: number }
) {
	const after = batch?.after;
	const page = matching(db, resellerId, query)
		.$if(after != null, (qb) =>
			qb.where(
				keysetAfterColumns(POSTMORTEM_KEYS, 'p.escalation_id', {
					values: [after!.updatedAt, after!.escalationId],
					id: after!.escalationId
				})
			)
		)
		.select(['p.escalation_id', 'p.updated_at'])
		.orderBy('p.updated_at', 'desc')
		.orderBy('p.escalation_id', 'desc')
		.limit(batch?.size ?? POSTMORTEM_PAGE_SIZE)
		.offset(batch ? 0 : (query.page - 1) * POSTMORTEM_PAGE_SIZE)
		.as('h');
	return db
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
		.$if(batch !== undefined, (qb) => qb.select(exactInstant('p.updated_at').as('updated_key')))
		.orderBy('h.updated_at', 'desc')
		.orderBy('h.escalation_id', 'desc')
		.execute();
}

/**
 * Post-mortems across the accounts the viewer may read (a partner: their reseller's), newest
 * first, searched by words of the root cause, the summary or the escalation's title.
 */
export async function listPostmortems(db: Db, actor: Actor, query: PostmortemQuery) {
	const resellerId = readableReseller(actor);
	const [rows, count] = await Promise.all([
		postmortemPage(db, resellerId, query),
		matching(db, resellerId, query)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return { rows, total: count.n };
}

import { readableReseller, type Actor } from '../../domain/access';
import type { EscalationQueueQuery } from '../../domain/escalation-queue-query';
import { listCsms } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { listed, withClocks } from './escalation-clock';
import { queueCount, queuePage } from './escalation-queue.repository';

/**
 * The escalation queue across the accounts the viewer may read (a partner: their reseller's),
 * soonest due first, each with its clocks; four queries whatever its length.
 */
export async function queue(db: Db, actor: Actor, query: EscalationQueueQuery, now = new Date()) {
	const resellerId = readableReseller(actor);
	const [rows, total, owners] = await Promise.all([
		queuePage(db, query, resellerId, now),
		queueCount(db, query, resellerId, now),
		listCsms(db)
	]);
	const clocked = await withClocks(db, rows, now);
	return {
		rows: clocked.map((row) => ({
			...listed(row),
			account_name: row.account_name,
			account_time_zone: row.account_time_zone
		})),
		total,
		owners
	};
}

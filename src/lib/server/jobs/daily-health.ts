import type { Db } from '../db/database';
import { refreshHealth } from '../health/health-refresh';

const JOB = 'daily_health';

/**
 * The daily pass: recomputes every account (engagement decays with time even when nothing
 * changes), which writes today's snapshot and acts on the churn rules. Claimed by the UTC day in
 * `scheduled_runs` inside the same transaction, so of several instances exactly one runs it, a
 * crash mid-run leaves the day unclaimed for the next attempt, and a restart never repeats it.
 */
export async function runDailyHealth(db: Db, now = new Date()): Promise<'ran' | 'already-ran'> {
	const day = now.toISOString().slice(0, 10);
	return db.transaction().execute(async (trx) => {
		const claimed = await trx
			.insertInto('scheduled_runs')
			.values({ name: JOB, last_day: day, started_at: now })
			.onConflict((oc) =>
				oc
					.column('name')
					.doUpdateSet({ last_day: day, started_at: now, finished_at: null })
					.where('scheduled_runs.last_day', '<', day)
			)
			.returning('name')
			.executeTakeFirst();
		if (!claimed) return 'already-ran';
		await refreshHealth(trx, 'all', now);
		await trx
			.updateTable('scheduled_runs')
			.set({ finished_at: new Date() })
			.where('name', '=', JOB)
			.execute();
		return 'ran';
	});
}

/** How often an instance checks whether today's run is due; the database decides, not this. */
const POLL_MS = 15 * 60 * 1000;

/**
 * Wakes the daily pass at start and then periodically. The timer only asks; `runDailyHealth`'s
 * claim is the source of truth, so nothing is lost on restart and instances never double up.
 */
export function scheduleDailyHealth(getDb: () => Promise<Db>) {
	const tick = async () => {
		try {
			const outcome = await runDailyHealth(await getDb());
			if (outcome === 'ran') console.log('[keel] daily health pass done');
		} catch (cause) {
			console.error('[keel] daily health pass failed; it will be retried', cause);
		}
	};
	const first = setTimeout(tick, 5_000);
	const timer = setInterval(tick, POLL_MS);
	first.unref();
	timer.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}

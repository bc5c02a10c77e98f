import type { Db } from '../db/database';
import { refreshAllHealth } from '../health/health-refresh';

const JOB = 'daily_health';
/** A run that started this long ago and never finished is taken to have died with its process. */
const STALE_MS = 60 * 60 * 1000;

/**
 * The daily pass: recomputes every account (engagement decays with time even when nothing
 * changes), which writes today's snapshot and acts on the churn rules. Claimed by the UTC day in
 * `scheduled_runs`, so of several instances exactly one runs it and a restart never repeats it;
 * a run that died midway (claimed, never finished) is claimed again an hour later.
 */
export async function runDailyHealth(db: Db, now = new Date()): Promise<'ran' | 'already-ran'> {
	const day = now.toISOString().slice(0, 10);
	const staleBefore = new Date(now.getTime() - STALE_MS);
	const claimed = await db
		.insertInto('scheduled_runs')
		.values({ name: JOB, last_day: day, started_at: now })
		.onConflict((oc) =>
			oc
				.column('name')
				.doUpdateSet({ last_day: day, started_at: now, finished_at: null })
				.where((eb) =>
					eb.or([
						eb('scheduled_runs.last_day', '<', day),
						eb.and([
							eb('scheduled_runs.finished_at', 'is', null),
							eb('scheduled_runs.started_at', '<', staleBefore)
						])
					])
				)
		)
		.returning('name')
		.executeTakeFirst();
	if (!claimed) return 'already-ran';
	await refreshAllHealth(db, now);
	await db
		.updateTable('scheduled_runs')
		.set({ finished_at: new Date() })
		.where('name', '=', JOB)
		.execute();
	return 'ran';
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

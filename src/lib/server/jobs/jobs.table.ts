/** Periodic work claimed by day; see jobs/daily-health.ts. */
export interface ScheduledRunTable {
	name: string;
	/** 'YYYY-MM-DD' (UTC) of the last run claimed. */
	last_day: string;
	started_at: Date;
	finished_at: Date | null;
}

// The escalation tables at a support organisation's volume: the SLA sweep and the queue read
// indexes instead of every open escalation, and post-mortems are searched on full-text indexes.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	// The earliest instant an escalation's running clocks can reach their warning share: the SLA
	// sweep reads only the escalations whose moment has come, instead of measuring every open
	// one each minute. Any earlier instant is safe (the sweep measures, then sets the exact one),
	// so the open ones already here start at their opening.
	await db.schema.alterTable('escalations').addColumn('warn_at', 'timestamptz').execute();
	await sql`update escalations set warn_at = opened_at where warned_at is null and status not in ('resolved', 'closed')`.execute(
		db
	);
	await sql`create index escalations_warn_due on escalations (warn_at) where warned_at is null and warn_at is not null`.execute(
		db
	);
	// The sweep's response breaches: only first responses still awaited and not yet breached
	// (the open ones already answered are most of them, and need no look).
	await sql`drop index escalations_open_due`.execute(db);
	await sql`create index escalations_response_due on escalations (response_due_at) where acknowledged_at is null and response_breached_at is null and status not in ('resolved', 'closed')`.execute(
		db
	);
	// The sweep's resolution breaches, found by due time among the open ones not yet breached.
	await sql`create index escalations_resolution_due on escalations (resolution_due_at) where resolution_breached_at is null and status not in ('resolved', 'closed')`.execute(
		db
	);
	// The queue's order, stored: the clock that runs next (the first response until it is given,
	// then the resolution; none once resolved), so a page of the queue is read off an index in
	// order instead of sorting every escalation that matches. The filters' columns ride along in
	// the index, so counting a filtered queue need not visit the wide rows.
	await sql`alter table escalations add column next_due_at timestamptz generated always as (case when status in ('resolved', 'closed') then null when acknowledged_at is null then response_due_at else resolution_due_at end) stored`.execute(
		db
	);
	await sql`create index escalations_queue on escalations (next_due_at, priority, opened_at desc, id) include (status, owner_id, response_breached_at, resolution_breached_at, warned_at)`.execute(
		db
	);
	// The managers' critical view: P1 and P2 still open (read off the open ones' partial
	// indexes) or breached lately, read off this one (whole, so the planner can join the two).
	await sql`create index escalations_breached on escalations ((greatest(response_breached_at, resolution_breached_at)))`.execute(
		db
	);
	// Post-mortems are searched by words in their text or in the escalation's title: each side
	// has its own full-text index, so the search reads the matches instead of every post-mortem.
	await sql`create index escalations_title_search on escalations using gin (to_tsvector('simple', title))`.execute(
		db
	);
	// Newest first, the list's order: a page of post-mortems is read off it.
	await sql`create index postmortems_recent on postmortems (updated_at desc, escalation_id desc)`.execute(
		db
	);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index postmortems_recent`.execute(db);
	await sql`drop index escalations_title_search`.execute(db);
	await sql`drop index escalations_breached`.execute(db);
	await sql`drop index escalations_queue`.execute(db);
	await db.schema.alterTable('escalations').dropColumn('next_due_at').execute();
	await sql`drop index escalations_resolution_due`.execute(db);
	await sql`drop index escalations_response_due`.execute(db);
	await sql`create index escalations_open_due on escalations (response_due_at, id) where status not in ('resolved', 'closed')`.execute(
		db
	);
	await sql`drop index escalations_warn_due`.execute(db);
	await db.schema.alterTable('escalations').dropColumn('warn_at').execute();
}

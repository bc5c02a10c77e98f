import { canManageUsers, type Actor } from '../../domain/access';
import { ConflictError, ForbiddenError } from '../../domain/errors';
import {
	REVIEW_KINDS,
	cadenceStanding,
	reviewDueOn,
	type CadenceStanding,
	type ReviewKind
} from '../../domain/review';
import { SEGMENTS, type Segment } from '../../domain/vocabulary';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import {
	accountCadenceFacts,
	flaggedPage,
	listCadences,
	lockCadence,
	type CadenceFilter
} from './cadence.repository';

export interface CadenceRow {
	kind: ReviewKind;
	everyMonths: number;
	lastHeld: string | null;
	nextPlanned: string | null;
	dueOn: string;
	standing: CadenceStanding;
}

/**
 * Where one account stands against each cadence of its segment, by the domain's rule: its page
 * shows this beside the reviews. The portfolio list asks the same rule of SQL (`flaggedPage`).
 */
export async function accountStandings(
	db: Executor,
	accountId: number,
	now: Date
): Promise<CadenceRow[]> {
	const rows = await accountCadenceFacts(db, accountId, now);
	return rows.map((row) => {
		const lastHeld = row.has_held ? row.counted_from : null;
		const dueOn = reviewDueOn(row.every_months, lastHeld, row.counted_from);
		return {
			kind: row.kind,
			everyMonths: row.every_months,
			lastHeld,
			nextPlanned: row.next_planned,
			dueOn,
			standing: cadenceStanding({ dueOn, nextPlanned: row.next_planned, today: row.today })
		};
	});
}

/** Accounts late, unscheduled or overdue against their segment's cadences: one page, one query. */
export async function flags(
	db: Executor,
	filter: Omit<CadenceFilter, 'accountId'>,
	now: Date,
	limit: number,
	offset: number
) {
	const rows = await flaggedPage(db, { ...filter, accountId: null }, now, limit, offset);
	const first = rows[0];
	return {
		rows,
		total: first?.total ?? 0,
		counts: {
			overdue: first?.overdue ?? 0,
			unscheduled: first?.unscheduled ?? 0,
			late: first?.late ?? 0
		}
	};
}

/** Configuration is the admin's, as the health model and SLA policies are. */
function assertAdmin(actor: Actor) {
	if (!canManageUsers(actor)) throw new ForbiddenError();
}

/** Audit rows need a number: the cadence's place in the segment × kind grid, stable as both lists. */
export const cadenceEntityId = (segment: Segment, kind: ReviewKind) =>
	SEGMENTS.indexOf(segment) * REVIEW_KINDS.length + REVIEW_KINDS.indexOf(kind) + 1;

/** Every cadence, by segment then kind as the vocabularies order them, for the admin page. */
export async function getCadences(db: Db, actor: Actor) {
	assertAdmin(actor);
	const rows = await listCadences(db);
	const order = (r: { segment: Segment; kind: ReviewKind }) => cadenceEntityId(r.segment, r.kind);
	return { cadences: rows.sort((a, b) => order(a) - order(b)) };
}

export interface CadenceInput {
	segment: Segment;
	kind: ReviewKind;
	every_months: number;
}

export async function addCadence(db: Db, actor: Actor, input: CadenceInput) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		if (await lockCadence(trx, input.segment, input.kind)) {
			throw new ConflictError('kind', 'cadence.error.exists');
		}
		const after = await trx
			.insertInto('review_cadences')
			.values(input)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, 'create', null, after);
	});
}

export async function saveCadence(db: Db, actor: Actor, input: CadenceInput & { version: number }) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(
			await lockCadence(trx, input.segment, input.kind),
			input.version,
			'cadence'
		);
		const after = await trx
			.updateTable('review_cadences')
			.set({ every_months: input.every_months, ...bumpVersion() })
			.where('segment', '=', input.segment)
			.where('kind', '=', input.kind)
			.returningAll()
			.executeTakeFirstOrThrow();
		await audit(trx, actor, 'update', before, after);
	});
}

export async function removeCadence(
	db: Db,
	actor: Actor,
	input: { segment: Segment; kind: ReviewKind; version: number }
) {
	assertAdmin(actor);
	await db.transaction().execute(async (trx) => {
		const before = assertVersion(
			await lockCadence(trx, input.segment, input.kind),
			input.version,
			'cadence'
		);
		await trx
			.deleteFrom('review_cadences')
			.where('segment', '=', input.segment)
			.where('kind', '=', input.kind)
			.execute();
		await audit(trx, actor, 'delete', before, null);
	});
}

function audit(
	trx: Executor,
	actor: Actor,
	action: 'create' | 'update' | 'delete',
	before: { segment: Segment; kind: ReviewKind } | null,
	after: { segment: Segment; kind: ReviewKind } | null
) {
	const row = (after ?? before)!;
	return writeAudit(trx, {
		actorId: actor.id,
		accountId: null,
		entity: 'review_cadence',
		entityId: cadenceEntityId(row.segment, row.kind),
		action,
		before,
		after
	});
}

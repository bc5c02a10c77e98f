import { readableReseller, type Actor } from '../../domain/access';
import { daysBetween, todayIn } from '../../domain/dates';
import type { BoardQuery } from '../../domain/onboarding-board-query';
import { riskFromSummary } from '../../domain/onboarding-rules';
import { PHASES } from '../../domain/onboarding-template';
import { listCsms } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { countByPhase, listBoard, type BoardFilter } from './board.repository';

/** Cards per phase column, most urgent first; the column's total says how many more a filter finds. */
export const CARDS_PER_PHASE = 25;

type Viewer = Actor & { timeZone: string };

/**
 * What the board's queries filter by: the accounts the viewer may read (a partner: their
 * reseller's), and a CSM's own unless they ask for everyone's. The board and its export share it.
 */
export function boardFilter(viewer: Viewer, query: BoardQuery) {
	const csm = query.csm ?? (viewer.role === 'csm' ? viewer.id : 'all');
	const filter: BoardFilter = {
		csmId: csm === 'all' ? null : csm,
		region: query.region,
		segment: query.segment,
		resellerId: readableReseller(viewer)
	};
	return { csm, filter };
}

/** A card's facts as the board shows them: days in its phase, and why it is at risk. */
export function toCard(row: Awaited<ReturnType<typeof listBoard>>[number], today: string) {
	const daysInPhase = row.started_on ? daysBetween(row.started_on, today) : 0;
	return {
		...row,
		total: row.total ?? 0,
		settled: row.settled ?? 0,
		overdue: row.overdue ?? 0,
		daysInPhase,
		risk: riskFromSummary({
			daysInPhase,
			targetDays: row.target_days,
			requiredOverdue: row.required_overdue ?? false
		})
	};
}

/** Active onboardings grouped by phase. CSMs see their own unless they ask for everyone's. */
export async function board(db: Db, viewer: Viewer, query: BoardQuery, now = new Date()) {
	const today = todayIn(viewer.timeZone, now);
	const { csm, filter } = boardFilter(viewer, query);
	const [counts, rows, csms] = await Promise.all([
		countByPhase(db, filter),
		listBoard(db, filter, today, CARDS_PER_PHASE),
		listCsms(db)
	]);
	const cards = rows.map((row) => toCard(row, today));
	const inPhase = (phase: number) => counts.find((c) => c.phase === phase)?.n ?? 0;
	return {
		today,
		total: counts.reduce((sum, c) => sum + c.n, 0),
		csm,
		csms,
		columns: PHASES.map((phase) => ({
			phase,
			total: inPhase(phase),
			cards: cards.filter((c) => c.phase === phase)
		}))
	};
}

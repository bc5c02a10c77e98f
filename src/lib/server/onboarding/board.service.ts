import type { Actor } from '../../domain/access';
import { daysBetween, todayIn } from '../../domain/dates';
import type { BoardQuery } from '../../domain/onboarding-board-query';
import { riskFromSummary } from '../../domain/onboarding-rules';
import { PHASES } from '../../domain/onboarding-template';
import { listCsms } from '../accounts/account.repository';
import type { Db } from '../db/database';
import { countBoard, listBoard } from './board.repository';

/** More than this and the board asks for a filter rather than render a wall of cards. */
export const BOARD_LIMIT = 300;

type Viewer = Actor & { timeZone: string };

/** Active onboardings grouped by phase. CSMs see their own unless they ask for everyone's. */
export async function board(db: Db, viewer: Viewer, query: BoardQuery, now = new Date()) {
	const today = todayIn(viewer.timeZone, now);
	const csm = query.csm ?? (viewer.role === 'csm' ? viewer.id : 'all');
	const filter = {
		csmId: csm === 'all' ? null : csm,
		region: query.region,
		segment: query.segment,
		resellerId: viewer.role === 'partner' ? (viewer.resellerId ?? -1) : null
	};
	const [total, rows, csms] = await Promise.all([
		countBoard(db, filter),
		listBoard(db, filter, today, BOARD_LIMIT),
		listCsms(db)
	]);
	const cards = rows.map((row) => {
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
	});
	return {
		today,
		total,
		shown: cards.length,
		csm,
		csms,
		columns: PHASES.map((phase) => ({ phase, cards: cards.filter((c) => c.phase === phase) }))
	};
}

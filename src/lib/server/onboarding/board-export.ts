import { todayIn } from '../../domain/dates';
import type { BoardQuery } from '../../domain/onboarding-board-query';
import { loadCatalogue } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { listBoard, type BoardPosition } from './board.repository';
import { boardFilter, toCard } from './board.service';

/**
 * The onboarding board's cards as CSV: every onboarding in progress its filters match, not only
 * the most urgent the columns show, phase by phase in the board's order, with its access (a
 * partner, their reseller's customers). Days ISO, counts plain numbers, labels in the user's
 * language.
 */
export async function exportBoard(
	db: Executor,
	actor: SessionUser,
	query: BoardQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const today = todayIn(actor.timeZone, now);
	const { filter } = boardFilter(actor, query);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['onboarding.currentPhase'],
		m['account.name'],
		m['account.segment'],
		m['account.region'],
		m['team.CSM'],
		m['onboarding.targetGoLive'],
		m['board.export.phaseStarted'],
		m['board.export.daysInPhase'],
		m['board.export.targetDays'],
		m['board.export.items'],
		m['board.export.settled'],
		m['board.export.overdue'],
		m['board.export.atRisk']
	];
	const batches = keysetBatches(
		(after: BoardPosition | null, size: number) => listBoard(db, filter, today, 0, { after, size }),
		(last) => ({ phase: last.phase, slack: last.slack, id: last.id }),
		(rows) =>
			rows.map((row) => {
				const card = toCard(row, today);
				return [
					m[`onboarding.phase.${card.phase}`],
					card.account_name,
					m[`segment.${card.segment}`],
					m[`region.${card.region}`],
					card.csm_name,
					card.target_go_live,
					card.started_on,
					card.daysInPhase,
					card.target_days,
					card.total,
					card.settled,
					card.overdue,
					card.risk.map((reason) => m[`onboarding.risk.${reason}`]).join('; ')
				];
			}),
		batchSize
	);
	return { filename: exportFilename('onboarding', today), header, batches };
}

import { todayIn } from '../../domain/dates';
import type { RiskListQuery } from '../../domain/risk-list-query';
import { loadCatalogue } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { riskPage, riskPosition } from './risk-list.repository';
import { riskListScope } from './risk-list.service';

/**
 * The churn risk list as CSV: every flag the page's filters match, in its sort, with the same
 * access (sales see the flags on their own accounts; other roles but managers are refused before
 * anything is read). Labels in the user's language; dates ISO (the day raised in the user's time
 * zone) and amounts plain numbers.
 */
export async function exportRisks(
	db: Executor,
	actor: SessionUser,
	query: RiskListQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const { scope, query: effective } = riskListScope(actor, query);
	const today = todayIn(actor.timeZone, now);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['review.account'],
		m['churn.severity'],
		m['churn.reason'],
		m['risks.rule'],
		m['churn.status'],
		m['churn.arrAtRiskShort'],
		m['field.currency'],
		m['risks.renewal'],
		m['health.score'],
		m['health.band'],
		m['churn.summary'],
		m['churn.nextStep'],
		m['churn.nextStepOwner'],
		m['churn.nextStepDue'],
		m['churn.raised']
	];
	const batches = keysetBatches(
		(after: ReturnType<typeof riskPosition> | null, size: number) =>
			riskPage(db, scope, effective, today, actor.id, { after, size }),
		(last) => riskPosition(effective.sort, last),
		(rows) =>
			rows.map((r) => [
				r.account_name,
				m[`churn.severity.${r.severity}`],
				m[`churn.reason.${r.reason}`],
				r.rule && m[`churn.rule.${r.rule}`],
				m[`churn.status.${r.status}`],
				r.arr_at_risk,
				r.currency,
				r.renewal_date,
				r.score,
				r.band && m[`health.band.${r.band}`],
				r.summary,
				r.next_step,
				r.owner_name,
				r.next_step_due,
				todayIn(actor.timeZone, r.created_at)
			]),
		batchSize
	);
	return { filename: exportFilename('churn-risks', today), header, batches };
}

import { readableReseller } from '../../domain/access';
import type { AccountListQuery } from '../../domain/account-list-query';
import { todayIn } from '../../domain/dates';
import { loadCatalogue } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH, type KeysetPosition } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { listAccounts } from './account.repository';

/**
 * The accounts list as CSV: every row the page's filters match, in its sort, with the same
 * access (a partner sees their own customers). Labels in the user's language; dates ISO and
 * amounts plain numbers, so a spreadsheet reads them as such.
 */
export async function exportAccounts(
	db: Executor,
	actor: SessionUser,
	query: AccountListQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	const today = todayIn(actor.timeZone, now);
	const scope = readableReseller(actor);
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['field.external_id'],
		m['account.name'],
		m['account.segment'],
		m['account.region'],
		m['account.lifecycleStage'],
		m['account.salesChannel'],
		m['account.reseller'],
		m['account.arr'],
		m['field.currency'],
		m['account.renewalDate'],
		m['team.CSM']
	];
	const batches = keysetBatches(
		(after: KeysetPosition | null, size: number) =>
			listAccounts(db, query, scope, today, { after, size }),
		(last) => ({ value: last[query.sort], id: last.id }),
		(rows) =>
			rows.map((r) => [
				r.external_id,
				r.name,
				m[`segment.${r.segment}`],
				m[`region.${r.region}`],
				m[`stage.${r.lifecycle_stage}`],
				m[`channel.${r.sales_channel}`],
				r.reseller_name,
				r.arr,
				r.currency,
				r.renewal_date,
				r.csm_name
			]),
		batchSize
	);
	return { filename: exportFilename('accounts', today), header, batches };
}

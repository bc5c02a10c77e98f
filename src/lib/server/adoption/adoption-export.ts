import type { CsvCell } from '../../domain/csv';
import { todayIn } from '../../domain/dates';
import type { PortfolioAdoptionQuery, PortfolioTable } from '../../domain/portfolio-adoption-query';
import { loadCatalogue, type Messages } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Db } from '../db/database';
import { EXPORT_BATCH, type KeysetPosition } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import { leastAdopted } from './adoption.repository';
import { assertPortfolioReader, metricUtilisation, portfolioMonth } from './adoption.service';

/** A share as a percentage to one decimal, as a spreadsheet reads a plain number. */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * One table of the portfolio adoption view as CSV, for its filters and the month it shows;
 * managers only, as the view. The least-adopted accounts are read in batches by keyset; the
 * utilisation table is a handful of rows (one per metric), read in one query.
 */
export async function exportPortfolioTable(
	db: Db,
	actor: SessionUser,
	query: PortfolioAdoptionQuery,
	table: PortfolioTable,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	assertPortfolioReader(actor);
	const { month } = await portfolioMonth(db, actor, query, now);
	const m = await loadCatalogue(actor.locale);
	// The file is of the month the table shows, as the feedback trends' files are.
	const filename = exportFilename(
		`adoption-${table}`,
		month?.slice(0, 7) ?? todayIn(actor.timeZone, now)
	);
	const rows =
		table === 'utilisation'
			? utilisationRows(db, m, query, month)
			: leastAdoptedRows(db, m, query, month, batchSize);
	return { filename, ...rows };
}

function leastAdoptedRows(
	db: Db,
	m: Messages,
	query: PortfolioAdoptionQuery,
	month: string | null,
	batchSize: number
) {
	const header = [
		m['account.name'],
		m['team.CSM'],
		m['account.segment'],
		m['account.region'],
		m['account.arr'],
		m['field.currency'],
		m['portfolio.export.adoptionPercent'],
		m['portfolio.export.metrics'],
		m['adoption.underUsed'],
		m['adoption.overCap']
	];
	if (month === null) return { header, batches: noBatches() };
	const batches = keysetBatches(
		(after: KeysetPosition | null, size: number) => leastAdopted(db, query, month, { after, size }),
		(last) => ({ value: last.adoption, id: last.id }),
		(rows) =>
			rows.map((r) => [
				r.name,
				r.csm_name,
				m[`segment.${r.segment}`],
				m[`region.${r.region}`],
				r.arr,
				r.currency,
				percent(r.adoption),
				r.metrics,
				r.under_used,
				r.over_cap
			]),
		batchSize
	);
	return { header, batches };
}

/** No month to show: a file of the header alone, nothing read. */
async function* noBatches(): AsyncGenerator<CsvCell[][]> {}

function utilisationRows(db: Db, m: Messages, query: PortfolioAdoptionQuery, month: string | null) {
	const header = [
		m['adoption.metric'],
		m['portfolio.export.product'],
		m['portfolio.accounts'],
		m['adoption.used'],
		m['adoption.entitlement'],
		m['portfolio.export.unit'],
		m['portfolio.export.utilisationPercent'],
		m['adoption.underUsed'],
		m['adoption.overCap']
	];
	async function* batches(): AsyncGenerator<CsvCell[][]> {
		if (month === null) return;
		const metrics = await metricUtilisation(db, query, month);
		if (metrics.length === 0) return;
		yield metrics.map((r) => [
			m[`metric.${r.metric}`],
			m[`product.${r.product}`],
			r.accounts,
			r.used,
			r.entitled,
			m[`unit.${r.unit}`],
			percent(r.utilisation),
			r.under_used,
			// Only a cap can be near: an entitlement has no "over".
			r.limit === 'cap' ? r.over_cap : null
		]);
	}
	return { header, batches: batches() };
}

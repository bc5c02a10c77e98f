import type { CsvCell } from '../../domain/csv';
import { addDays, todayIn } from '../../domain/dates';
import { HEALTH_BANDS, HEALTH_COMPONENTS } from '../../domain/health';
import type { HealthReviewQuery, HealthReviewTable } from '../../domain/health-review-query';
import { loadCatalogue } from '../../i18n/catalogue';
import type { SessionUser } from '../auth/session-user';
import type { Executor } from '../db/database';
import { EXPORT_BATCH, type KeysetPosition } from '../db/keyset';
import { exportFilename } from '../export/csv-download';
import { keysetBatches } from '../export/keyset-batches';
import {
	healthByCsm,
	portfolioGroups,
	reviewPage,
	reviewPosition
} from './health-review.repository';
import { assertReviewer } from './health-review.service';

/**
 * The review's accounts as CSV: every account the page's filters match, in its sort, for
 * managers only (anyone else is refused before anything is read). Labels in the user's
 * language; scores, change, coverage (0–1) and ARR plain numbers, the renewal ISO.
 */
export async function exportHealthReview(
	db: Executor,
	actor: SessionUser,
	query: HealthReviewQuery,
	{ now = new Date(), batchSize = EXPORT_BATCH } = {}
) {
	assertReviewer(actor);
	const today = todayIn(actor.timeZone, now);
	const days = { today, weekAgo: addDays(today, -7) };
	const m = await loadCatalogue(actor.locale);
	const header = [
		m['review.account'],
		m['account.segment'],
		m['account.region'],
		m['health.score'],
		m['health.band'],
		m['review.thisWeek'],
		m['review.coverage'],
		m['review.drag'],
		...HEALTH_COMPONENTS.map((c) => m[`model.component.${c}`]),
		m['health.csmSays'],
		m['review.arr'],
		m['field.currency'],
		m['account.renewalDate'],
		m['team.CSM']
	];
	const batches = keysetBatches(
		(after: KeysetPosition | null, size: number) => reviewPage(db, query, days, { after, size }),
		(last) => reviewPosition(query.sort, last),
		(rows) =>
			rows.map((r) => [
				r.name,
				m[`segment.${r.segment}`],
				m[`region.${r.region}`],
				r.score,
				r.band && m[`health.band.${r.band}`],
				r.change,
				r.coverage,
				r.biggest_drag && m[`model.component.${r.biggest_drag}`],
				...HEALTH_COMPONENTS.map((c) => r[c]),
				r.override_band && m[`health.band.${r.override_band}`],
				r.arr,
				r.currency,
				r.renewal_date,
				r.csm_name
			]),
		batchSize
	);
	return { filename: exportFilename('health-review', today), header, batches };
}

/** A share to four places, or nothing when there is no whole to share. */
const share = (part: number, whole: number) =>
	whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/**
 * One of the review's small tables as CSV, as the page shows it: accounts and ARR per band (and
 * without a score, when there are any), or mean score and band counts per CSM, segment or
 * region. One query, a handful of rows: no batches. Managers only.
 */
export async function exportHealthTable(
	db: Executor,
	actor: SessionUser,
	query: HealthReviewQuery,
	table: HealthReviewTable,
	{ now = new Date() } = {}
) {
	assertReviewer(actor);
	const today = todayIn(actor.timeZone, now);
	const m = await loadCatalogue(actor.locale);
	let header: string[];
	let rows: CsvCell[][];
	if (table === 'bands') {
		const { bands } = await portfolioGroups(db, query);
		const all = [...HEALTH_BANDS, null].map((band) => {
			const row = bands.find((b) => b.band === band);
			return { band, accounts: row?.accounts ?? 0, arr: row?.arr ?? 0 };
		});
		const shown = all.filter((r) => r.band !== null || r.accounts > 0);
		const accounts = all.reduce((sum, r) => sum + r.accounts, 0);
		const arr = all.reduce((sum, r) => sum + r.arr, 0);
		header = [
			m['health.band'],
			m['review.accounts'],
			m['review.shareOfAccounts'],
			m['review.arr'],
			m['review.shareOfArr']
		];
		rows = shown.map((r) => [
			r.band ? m[`health.band.${r.band}`] : m['health.band.none'],
			r.accounts,
			share(r.accounts, accounts),
			r.arr,
			share(r.arr, arr)
		]);
	} else {
		const groups =
			table === 'csm'
				? (await healthByCsm(db, query)).map((g) => ({ ...g, label: g.name }))
				: table === 'segment'
					? (await portfolioGroups(db, query)).bySegment.map((g) => ({
							...g,
							label: m[`segment.${g.segment!}`]
						}))
					: (await portfolioGroups(db, query)).byRegion.map((g) => ({
							...g,
							label: m[`region.${g.region!}`]
						}));
		const groupLabel = {
			csm: 'team.CSM',
			segment: 'account.segment',
			region: 'account.region'
		} as const;
		header = [
			m[groupLabel[table]],
			m['review.accounts'],
			m['review.meanScore'],
			m['health.band.red'],
			m['health.band.yellow'],
			m['health.band.green']
		];
		rows = groups.map((g) => [
			g.label,
			g.accounts,
			// Rounded as the page shows it.
			g.mean === null ? null : Math.round(g.mean),
			g.red,
			g.yellow,
			g.green
		]);
	}
	const what = table === 'bands' ? 'health-bands' : `health-by-${table}`;
	async function* batches(): AsyncGenerator<CsvCell[][]> {
		yield rows;
	}
	return { filename: exportFilename(what, today), header, batches: batches() };
}

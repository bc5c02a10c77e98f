import { error } from '@sveltejs/kit';
import {
	PORTFOLIO_TABLES,
	parsePortfolioAdoptionQuery
} from '$lib/domain/portfolio-adoption-query';
import { isOneOf } from '$lib/domain/vocabulary';
import { exportPortfolioTable } from '$lib/server/adoption/adoption-export';
import { requireUser } from '$lib/server/auth/guard';
import { csvDownload } from '$lib/server/export/csv-download';
import { loadOr404 } from '$lib/server/http/load';
import type { RequestHandler } from './$types';

/** One table of the portfolio adoption view (`table` names which) for the URL's filters, as CSV. */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const table = url.searchParams.get('table');
	if (!isOneOf(PORTFOLIO_TABLES, table)) error(400, 'Unknown table');
	const { filename, header, batches } = await loadOr404(
		exportPortfolioTable(locals.db, user, parsePortfolioAdoptionQuery(url.searchParams), table)
	);
	return csvDownload(filename, header, batches);
};

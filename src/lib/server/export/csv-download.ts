import { csvLine, type CsvCell } from '../../domain/csv';

/**
 * A CSV file streamed to the browser batch by batch: the next batch is read only when the
 * client has taken the last one (the stream's pull), so memory stays flat whatever the number
 * of rows, and a download the user cancels stops reading. UTF-8 with a byte-order mark, so
 * spreadsheets open accented names correctly.
 */
export function csvDownload(
	filename: string,
	header: readonly string[],
	batches: AsyncIterable<CsvCell[][]>
): Response {
	const encoder = new TextEncoder();
	const iterator = batches[Symbol.asyncIterator]();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(encoder.encode(`\uFEFF${csvLine(header)}`));
		},
		async pull(controller) {
			try {
				const next = await iterator.next();
				if (next.done) controller.close();
				else controller.enqueue(encoder.encode(next.value.map(csvLine).join('')));
			} catch (cause) {
				// Headers are gone by now: the truncated download is the only signal left.
				controller.error(cause);
			}
		},
		async cancel() {
			await iterator.return?.();
		}
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${filename}"`,
			'cache-control': 'private, no-store'
		}
	});
}

/** `keel-accounts-2026-11-22.csv`: what a file is of, and the day it was taken. */
export function exportFilename(what: string, today: string) {
	return `keel-${what}-${today}.csv`;
}

import type { CsvCell } from '../../domain/csv';
import { EXPORT_BATCH } from '../db/keyset';

/**
 * An export's batches: `read` the `size` rows after the last batch's position (null first) until a
 * batch comes back short, each turned into CSV cells by `cells` (which may read more for the
 * batch, e.g. clocks). Only one batch is in memory at a time; csvDownload pulls the next one
 * when the client has taken the last.
 */
export async function* keysetBatches<Row, Position>(
	read: (after: Position | null, size: number) => Promise<Row[]>,
	positionOf: (last: Row) => Position,
	cells: (rows: Row[]) => CsvCell[][] | Promise<CsvCell[][]>,
	size: number = EXPORT_BATCH
): AsyncGenerator<CsvCell[][]> {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`keysetBatches: size ${size}`);
	let after: Position | null = null;
	for (;;) {
		const rows = await read(after, size);
		// A batch of exactly `size` ends the list only when the next read comes back empty.
		if (rows.length > 0) yield await cells(rows);
		if (rows.length < size) return;
		after = positionOf(rows.at(-1)!);
	}
}

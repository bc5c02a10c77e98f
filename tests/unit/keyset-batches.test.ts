import { describe, expect, it } from 'vitest';
import type { CsvCell } from '../../src/lib/domain/csv';
import { EXPORT_BATCH } from '../../src/lib/server/db/keyset';
import { keysetBatches } from '../../src/lib/server/export/keyset-batches';

type Row = { id: number; name: string };

const rows = (n: number): Row[] =>
	Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `row ${i + 1}` }));

/** An in-memory list read by keyset on id, recording each read's position and size. */
function list(all: Row[]) {
	const reads: { after: number | null; size: number }[] = [];
	const read = async (after: number | null, size: number) => {
		reads.push({ after, size });
		return all.filter((r) => after === null || r.id > after).slice(0, size);
	};
	return { read, reads };
}

const cells = (batch: Row[]): CsvCell[][] => batch.map((r) => [r.id, r.name]);

async function collect(batches: AsyncIterable<CsvCell[][]>) {
	const out: CsvCell[][][] = [];
	for await (const batch of batches) out.push(batch);
	return out;
}

describe('keysetBatches', () => {
	it('ends an exact multiple of the size with one empty read, and yields no empty batch', async () => {
		const { read, reads } = list(rows(4));
		const out = await collect(keysetBatches(read, (last) => last.id, cells, 2));
		expect(out).toEqual([
			[
				[1, 'row 1'],
				[2, 'row 2']
			],
			[
				[3, 'row 3'],
				[4, 'row 4']
			]
		]);
		expect(reads).toEqual([
			{ after: null, size: 2 },
			{ after: 2, size: 2 },
			{ after: 4, size: 2 }
		]);
	});

	it('stops on a short last batch without reading again', async () => {
		const { read, reads } = list(rows(5));
		const out = await collect(keysetBatches(read, (last) => last.id, cells, 2));
		expect(out.map((batch) => batch.map(([id]) => id))).toEqual([[1, 2], [3, 4], [5]]);
		expect(reads.map((r) => r.after)).toEqual([null, 2, 4]);
	});

	it('reads once and yields nothing for an empty list', async () => {
		const { read, reads } = list([]);
		expect(await collect(keysetBatches(read, (last) => last.id, cells, 3))).toEqual([]);
		expect(reads).toEqual([{ after: null, size: 3 }]);
	});

	it('passes the position the last row gives to the next read, whatever its shape', async () => {
		const seen: ({ name: string; id: number } | null)[] = [];
		const all = rows(3);
		const read = async (after: { name: string; id: number } | null, size: number) => {
			seen.push(after);
			return all.filter((r) => after === null || r.id > after.id).slice(0, size);
		};
		const positionOf = (last: Row) => ({ name: last.name, id: last.id });
		await collect(keysetBatches(read, positionOf, cells, 1));
		expect(seen).toEqual([
			null,
			{ name: 'row 1', id: 1 },
			{ name: 'row 2', id: 2 },
			{ name: 'row 3', id: 3 }
		]);
	});

	it('awaits cells that read more for the batch, once per non-empty batch', async () => {
		const { read } = list(rows(3));
		const calls: number[][] = [];
		const out = await collect(
			keysetBatches(
				read,
				(last) => last.id,
				async (batch) => {
					calls.push(batch.map((r) => r.id));
					await new Promise((resolve) => setTimeout(resolve, 1));
					return batch.map((r) => [r.id, r.name.toUpperCase()]);
				},
				3
			)
		);
		expect(calls).toEqual([[1, 2, 3]]);
		expect(out).toEqual([
			[
				[1, 'ROW 1'],
				[2, 'ROW 2'],
				[3, 'ROW 3']
			]
		]);
	});

	it('reads nothing until pulled, and one batch per pull', async () => {
		const { read, reads } = list(rows(5));
		const batches = keysetBatches(read, (last) => last.id, cells, 2);
		expect(reads).toHaveLength(0);
		await batches.next();
		expect(reads).toHaveLength(1);
		await batches.next();
		expect(reads).toHaveLength(2);
		// A cancelled download stops reading.
		await batches.return(undefined);
		expect(await batches.next()).toEqual({ done: true, value: undefined });
		expect(reads).toHaveLength(2);
	});

	it('reads EXPORT_BATCH rows at a time by default', async () => {
		const { read, reads } = list(rows(3));
		await collect(keysetBatches(read, (last) => last.id, cells));
		expect(reads).toEqual([{ after: null, size: EXPORT_BATCH }]);
	});

	it('refuses a size that could never end a list', async () => {
		const { read, reads } = list(rows(3));
		for (const size of [0, -1, 1.5]) {
			await expect(keysetBatches(read, (last) => last.id, cells, size).next()).rejects.toThrow(
				RangeError
			);
		}
		expect(reads).toHaveLength(0);
	});
});

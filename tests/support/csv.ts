import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CsvCell } from '../../src/lib/domain/csv';
import { CsvReader } from '../../src/lib/domain/csv-parse';
import { csvDownload } from '../../src/lib/server/export/csv-download';

/**
 * CSV text read back as RFC 4180 has it, by the app's own reader: records of fields, quotes
 * undone, CRLF between records (a line break inside quotes stays in its field). Strict where a
 * download must be: no quote left open (the reader throws), and the last record ends with CRLF.
 * Blank lines are no records (the exports write none: every file has several columns).
 */
export function parseCsv(text: string): string[][] {
	const reader = new CsvReader();
	const records = [...reader.push(text), ...reader.end()];
	expect(text === '' || text.endsWith('\r\n'), 'the last record ends with CRLF').toBe(true);
	return records.map((record) => record.fields);
}

/**
 * What the user downloads for an export service's answer: the Response csvDownload makes, its
 * raw text (byte-order mark kept) and its records, header first.
 */
export async function downloadCsv(exported: {
	filename: string;
	header: readonly string[];
	batches: AsyncIterable<CsvCell[][]>;
}) {
	const response = csvDownload(exported.filename, exported.header, exported.batches);
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
	expect(text.startsWith('\uFEFF')).toBe(true);
	const [header, ...rows] = parseCsv(text.slice(1));
	return { response, text, header: header!, rows };
}

/**
 * Clicks an export link in the browser and reads the file it downloads: its suggested name,
 * header and records (the byte-order mark checked and dropped).
 */
export async function clickDownload(page: Page, link: Locator) {
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	const chunks: Buffer[] = [];
	for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8');
	expect(text.startsWith('\uFEFF')).toBe(true);
	const [header, ...rows] = parseCsv(text.slice(1));
	return { name: download.suggestedFilename(), header: header!, rows };
}

/** The first whole number in a text ("1,234 reviews coming up" → 1234). */
export function firstNumber(text: string | null): number {
	const match = /\d[\d,.\u00a0\u202f]*/.exec(text ?? '');
	if (!match) throw new Error(`no number in ${JSON.stringify(text)}`);
	return Number(match[0].replace(/\D/g, ''));
}

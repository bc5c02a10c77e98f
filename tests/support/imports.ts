import type { ImportKind } from '../../src/lib/domain/import-kinds';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import * as imports from '../../src/lib/server/imports/import.service';
import { uniqueTag } from './factories';

export const encode = (text: string) => new TextEncoder().encode(text);

/** The bytes as a request body would bring them: in two chunks, cut anywhere. */
export async function* asChunks(bytes: Uint8Array) {
	const half = Math.floor(bytes.length / 2);
	if (half > 0) yield bytes.subarray(0, half);
	if (bytes.length > half) yield bytes.subarray(half);
}

/**
 * Creates an import and sends the file in parts of `partSize` bytes, as the browser does. Each
 * file comes from a source of its own unless told, so no test inherits another's matching.
 */
export async function uploadCsv(
	db: Db,
	actor: SessionUser,
	file: string | Uint8Array,
	{ partSize = 64, source = `Test CRM ${uniqueTag()}`, kind = 'accounts' as ImportKind } = {}
) {
	const bytes = typeof file === 'string' ? encode(file) : file;
	const id = await imports.create(db, actor, { kind, source }, `${kind}.csv`);
	let offset = 0;
	do {
		const end = Math.min(offset + partSize, bytes.length);
		await imports.uploadPart(
			db,
			actor,
			id,
			{ offset, final: end >= bytes.length },
			asChunks(bytes.subarray(offset, end))
		);
		offset = end;
	} while (offset < bytes.length);
	return id;
}

/**
 * Checks the import with the matching its page offers (remembered or guessed), on `now`'s day
 * (what is in the future depends on it).
 */
export async function checkAsOffered(db: Db, actor: SessionUser, id: number, now = new Date()) {
	const page = await imports.get(db, actor, id);
	const form = Object.fromEntries(
		Object.entries(page.mapping ?? {}).map(([field, column]) => [
			`map.${field}`,
			column === null ? '' : String(column)
		])
	);
	const result = await imports.check(
		db,
		actor,
		id,
		page.import.version,
		(name) => form[name] ?? null,
		now
	);
	return { page, result, after: await imports.get(db, actor, id) };
}

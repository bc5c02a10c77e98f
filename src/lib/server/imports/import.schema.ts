import { IMPORT_KINDS } from '../../domain/import-kinds';
import { oneOf, text, version } from '../../domain/validation';

/** The new-import form; the file itself is read apart (streamed, or sent in parts). */
export const newImportFields = {
	kind: oneOf(IMPORT_KINDS),
	source: text({ required: true, max: 100 }),
	filename: text({ max: 255 })
};

/** Checking (with the column matching, read by the kind's fields) and committing an import. */
export const importVersionFields = { version: version() };

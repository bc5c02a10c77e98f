import {
	vocabularyLookup,
	type VocabularyLabels,
	type VocabularyLookup
} from '../../domain/import-values';
import { LOCALES } from '../../domain/vocabulary';
import { loadCatalogue, type MessageKey, type Messages } from '../../i18n/catalogue';
import type { ImportFieldDef } from './import-kind';

/**
 * Files come from people working in any of Keel's languages, whatever the language of the person
 * importing: labels and header names are read in all of them.
 */
export function everyCatalogue(): Promise<Messages[]> {
	return Promise.all(LOCALES.map((locale) => loadCatalogue(locale)));
}

/** A vocabulary's labels per code, in every language. */
export function vocabularyLabels(
	field: ImportFieldDef,
	catalogues: readonly Messages[]
): VocabularyLabels {
	const labels: Record<string, string[]> = {};
	for (const code of field.vocabulary?.codes ?? []) {
		const key = `${field.vocabulary!.prefix}.${code}` as MessageKey;
		labels[code] = catalogues.map((m) => m[key]).filter((label) => label !== undefined);
	}
	return labels;
}

/** Per field with a vocabulary: its code for each code or label. */
export function vocabularyLookups(
	fields: readonly ImportFieldDef[],
	catalogues: readonly Messages[]
): Record<string, VocabularyLookup> {
	return Object.fromEntries(
		fields
			.filter((field) => field.vocabulary)
			.map((field) => [
				field.name,
				vocabularyLookup(field.vocabulary!.codes, vocabularyLabels(field, catalogues))
			])
	);
}

/** Per field: the header names it is guessed from (labels in every language, then aliases). */
export function headerNames(
	fields: readonly ImportFieldDef[],
	catalogues: readonly Messages[]
): Record<string, string[]> {
	return Object.fromEntries(
		fields.map((field) => [
			field.name,
			[
				...new Set([
					...field.labels.flatMap((key) => catalogues.map((m) => m[key])),
					...(field.aliases ?? [])
				])
			]
		])
	);
}

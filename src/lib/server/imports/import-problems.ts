import type { ColumnMapping } from '../../domain/import-mapping';
import type { RowError } from '../../domain/import-rows';
import { format, formatNumber } from '../../i18n/format';
import type { MessageKey, Messages } from '../../i18n/catalogue';
import type { Locale } from '../../domain/vocabulary';
import type { ImportFieldDef } from './import-kind';

/** How the page and the problem report word a row's problem: which column, and what is wrong. */
export interface ProblemText {
	column: string;
	message: string;
}

/**
 * A stored problem in the user's language. The column is the file's (its header name, or its
 * position when unnamed); a field with no column is named by its label; a problem of the whole
 * row has none. A value outside a vocabulary lists the labels the field takes.
 */
export function describeProblem(
	error: RowError,
	context: {
		m: Messages;
		locale: Locale;
		fields: readonly ImportFieldDef[];
		header: readonly string[];
		mapping: ColumnMapping | null;
	}
): ProblemText {
	const { m, locale, fields, header, mapping } = context;
	const field = fields.find((f) => f.name === error.field);
	let column = '';
	if (field) {
		const index = mapping?.[field.name] ?? null;
		column =
			index === null ? m[field.labels[0]!] : header[index] || `#${formatNumber(index + 1, locale)}`;
	}
	const params: Record<string, string | number> = {};
	for (const [name, value] of Object.entries(error.params ?? {})) {
		params[name] = typeof value === 'number' ? formatNumber(value, locale) : value;
	}
	if (field?.vocabulary) {
		const { codes, prefix } = field.vocabulary;
		params.options = codes.map((code) => m[`${prefix}.${code}` as MessageKey]).join(', ');
	}
	const template = m[error.key as MessageKey] ?? error.key;
	return { column, message: format(template, params) };
}

import type { MappedValues, RowError } from '../../domain/import-rows';
import { vocabularyCode, type VocabularyLookup } from '../../domain/import-values';
import type { MessageKey } from '../../i18n/catalogue';
import type { Executor } from '../db/database';
import type { ImportFieldDef, StagedValues } from './import-kind';

/*
 * What the kinds of file that point at accounts share: cells read as the form's rules expect
 * them, and the accounts their rows name by external id.
 */

/** The column naming the account a row belongs to, by its external id: every such kind's key. */
export function accountKeyField(hint: MessageKey): ImportFieldDef {
	return {
		name: 'account_external_id',
		need: 'key',
		labels: ['import.field.accountExternalId'],
		aliases: ['account id', 'account external id', 'account', 'customer id'],
		hint
	};
}

/** The row with each vocabulary cell as its stored code (a label in any language is read too). */
export function withCodes(
	values: MappedValues,
	vocabularies: Record<string, VocabularyLookup>
): MappedValues {
	const readable: MappedValues = { ...values };
	for (const [field, lookup] of Object.entries(vocabularies)) {
		const raw = readable[field];
		if (raw !== undefined) readable[field] = vocabularyCode(raw, lookup);
	}
	return readable;
}

/**
 * The form's "choose one of the options" means little in a file: say what was there (the report
 * lists the options the field takes).
 */
export function explainChoices(errors: readonly RowError[], values: MappedValues): RowError[] {
	return errors.map((error) =>
		error.key === 'error.choice' && error.field !== null && values[error.field] !== undefined
			? {
					field: error.field,
					key: 'import.error.choice',
					params: { value: values[error.field]!.trim() }
				}
			: error
	);
}

/** The account's external id a row names, as stored (trimmed); null when the cell is empty. */
export function accountExternalId(values: MappedValues): string | null {
	const id = values.account_external_id?.trim();
	return id ? id : null;
}

/** The problem of a row naming an account Keel does not have. */
export function unknownAccount(externalId: string): RowError {
	return {
		field: 'account_external_id',
		key: 'import.error.accountUnknown',
		params: { id: externalId }
	};
}

/**
 * The accounts a batch's rows name, by external id, in one query. Committing, they are locked
 * for share: they must not go away (or change reseller) under the rows that point at them.
 */
export async function accountsNamed(db: Executor, rows: readonly StagedValues[], lock: boolean) {
	const ids = [
		...new Set(rows.map((r) => accountExternalId(r.values)).filter((id) => id !== null))
	];
	const accounts =
		ids.length === 0
			? []
			: await db
					.selectFrom('accounts')
					.select([
						'id',
						'external_id',
						'reseller_id',
						'time_zone',
						'segment',
						'region',
						'sales_channel'
					])
					.where('external_id', 'in', ids)
					.$if(lock, (q) => q.forShare())
					.execute();
	return new Map(accounts.map((account) => [account.external_id!, account]));
}

export type NamedAccount =
	Awaited<ReturnType<typeof accountsNamed>> extends Map<string, infer A> ? A : never;

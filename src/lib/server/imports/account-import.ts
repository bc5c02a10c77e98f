import type { CsvSeparator } from '../../domain/csv-parse';
import { ConflictError } from '../../domain/errors';
import type { MappedValues, RowError } from '../../domain/import-rows';
import { parseMapped, remembered } from '../../domain/import-rows';
import { plainNumber, vocabularyCode, type VocabularyLookup } from '../../domain/import-values';
import { text } from '../../domain/validation';
import {
	LIFECYCLE_STAGES,
	REGIONS,
	SALES_CHANNELS,
	SEGMENTS,
	SUPPORT_PACKAGES
} from '../../domain/vocabulary';
import { accountFields } from '../accounts/account.schema';
import { checkChannel, type AccountInput } from '../accounts/account.service';
import type { Account } from '../accounts/account.table';
import { refreshHealth } from '../health/health-refresh';
import {
	auditWritten,
	type CheckedRow,
	type ImportFieldDef,
	type ImportKindModule,
	rowAction,
	splitByAction,
	updateFromRecords
} from './import-kind';
import { everyCatalogue, vocabularyLookups } from './import-labels';

/**
 * Accounts from a CSV file, matched on their external id (the id the customer has in the system
 * the file comes from): a row whose id is in Keel updates that account, any other creates one.
 * An account made in Keel by hand is updated once its form is given the external id.
 */
export const ACCOUNT_IMPORT_FIELDS: readonly ImportFieldDef[] = [
	{
		name: 'external_id',
		need: 'key',
		labels: ['field.external_id'],
		hint: 'imports.needKey',
		aliases: ['id', 'account id', 'customer id']
	},
	{
		name: 'name',
		need: 'new',
		labels: ['field.name', 'account.name'],
		aliases: ['account name', 'account', 'customer', 'company']
	},
	{
		name: 'segment',
		need: 'new',
		labels: ['field.segment'],
		vocabulary: { codes: SEGMENTS, prefix: 'segment' }
	},
	{
		name: 'region',
		need: 'new',
		labels: ['field.region'],
		vocabulary: { codes: REGIONS, prefix: 'region' }
	},
	{
		name: 'time_zone',
		need: 'new',
		labels: ['field.time_zone', 'account.timeZone'],
		aliases: ['timezone', 'tz']
	},
	{
		name: 'lifecycle_stage',
		need: 'new',
		labels: ['field.lifecycle_stage'],
		aliases: ['stage'],
		vocabulary: { codes: LIFECYCLE_STAGES, prefix: 'stage' }
	},
	{
		name: 'sales_channel',
		need: 'new',
		labels: ['field.sales_channel'],
		aliases: ['channel'],
		vocabulary: { codes: SALES_CHANNELS, prefix: 'channel' }
	},
	{ name: 'reseller', need: 'optional', labels: ['field.reseller_id'] },
	{
		name: 'support_package',
		need: 'new',
		labels: ['field.support_package'],
		aliases: ['package'],
		vocabulary: { codes: SUPPORT_PACKAGES, prefix: 'package' }
	},
	{ name: 'arr', need: 'new', labels: ['field.arr', 'account.arrUsd'] },
	{
		name: 'renewal_date',
		need: 'optional',
		labels: ['field.renewal_date', 'account.renewalDate'],
		aliases: ['renewal']
	},
	{ name: 'notes', need: 'optional', labels: ['field.notes'] }
];

/** The account form's rules, plus the external id and the reseller by name. */
const ROW_SCHEMA = {
	external_id: text({ required: true, max: 200 }),
	name: accountFields.name,
	segment: accountFields.segment,
	region: accountFields.region,
	// The form's rule, remembered per zone: a file repeats a few zones over all its rows.
	time_zone: remembered(accountFields.time_zone),
	lifecycle_stage: accountFields.lifecycle_stage,
	sales_channel: accountFields.sales_channel,
	reseller: text({ max: 200 }),
	support_package: accountFields.support_package,
	arr: accountFields.arr,
	renewal_date: accountFields.renewal_date,
	notes: accountFields.notes
};

/** The columns an import writes: the account form's. */
const WRITTEN = [
	'name',
	'segment',
	'region',
	'time_zone',
	'sales_channel',
	'reseller_id',
	'support_package',
	'arr',
	'renewal_date',
	'lifecycle_stage',
	'notes'
] as const satisfies readonly (keyof AccountInput)[];

export interface AccountImportContext {
	separator: CsvSeparator;
	vocabularies: Record<string, VocabularyLookup>;
	/** Reseller ids by name, trimmed and lower-cased. */
	resellers: ReadonlyMap<string, number>;
}

/** What a valid row does: the account's values after the row, and the account it updates. */
export interface AccountRowPlan {
	externalId: string;
	existing: Account | null;
	values: AccountInput;
}

const resellerKey = (name: string) => name.trim().toLowerCase();

/** A row's external id as stored (the text rule trims it); null when the cell is empty. */
function accountKey(values: MappedValues): string | null {
	const key = values.external_id?.trim();
	return key ? key : null;
}

function storedValues(account: Account): AccountInput {
	return Object.fromEntries(WRITTEN.map((column) => [column, account[column]])) as AccountInput;
}

/**
 * One row against the account form's rules. Pure: `existing` is the account with the row's
 * external id, if any. Fields without a column keep the stored value on an update, and must have
 * one to create an account; cells may hold a vocabulary's label in any language and numbers in
 * the file's convention (see import-values.ts).
 */
export function checkAccountRow(
	line: number,
	values: MappedValues,
	existing: Account | null,
	context: AccountImportContext
): CheckedRow<AccountRowPlan> {
	const readable: MappedValues = { ...values };
	for (const [field, lookup] of Object.entries(context.vocabularies)) {
		const raw = readable[field];
		if (raw !== undefined) readable[field] = vocabularyCode(raw, lookup);
	}
	if (readable.arr !== undefined) readable.arr = plainNumber(readable.arr, context.separator);

	const { data, errors } = parseMapped(ROW_SCHEMA, readable);
	const problems: RowError[] = errors.map((error) =>
		// The form's "choose one of the options" means little in a file: say what was there.
		error.key === 'error.choice' && error.field !== null
			? {
					field: error.field,
					key: 'import.error.choice',
					params: { value: values[error.field]!.trim() }
				}
			: error
	);

	let resellerId: number | null | undefined;
	if (data.reseller !== undefined) {
		resellerId =
			data.reseller === '' ? null : (context.resellers.get(resellerKey(data.reseller)) ?? null);
		if (data.reseller !== '' && resellerId === null) {
			problems.push({
				field: 'reseller',
				key: 'import.error.resellerUnknown',
				params: { name: data.reseller.trim() }
			});
		}
	}
	if (!existing) {
		for (const field of ACCOUNT_IMPORT_FIELDS) {
			if (field.need === 'new' && values[field.name] === undefined) {
				problems.push({ field: field.name, key: 'import.error.notMapped' });
			}
		}
	}
	if (problems.length > 0) return { line, ok: false, errors: problems };

	// The row's own cells for the account's columns; the id and reseller name are read above.
	const given = Object.fromEntries(
		Object.entries(data).filter(([field]) => field !== 'external_id' && field !== 'reseller')
	);
	const merged = {
		...(existing ? storedValues(existing) : { renewal_date: null, notes: '', reseller_id: null }),
		...given,
		...(resellerId !== undefined ? { reseller_id: resellerId } : {})
	} as AccountInput;
	let final: AccountInput;
	try {
		final = checkChannel(merged);
	} catch (cause) {
		if (!(cause instanceof ConflictError)) throw cause;
		return {
			line,
			ok: false,
			errors: [{ field: 'reseller', key: 'import.error.resellerRequired' }]
		};
	}
	const action = rowAction(existing, final, WRITTEN);
	return {
		line,
		ok: true,
		action,
		row: { externalId: data.external_id!, existing, values: final }
	};
}

/** Accounts per health pass after a commit. */
const HEALTH_BATCH = 10_000;

/** Columns of the set-based update, as jsonb_to_recordset reads them. */
/** The columns a row updates, with their SQL types. */
const UPDATED_COLUMNS = {
	name: 'text',
	segment: 'text',
	region: 'text',
	time_zone: 'text',
	sales_channel: 'text',
	reseller_id: 'int',
	support_package: 'text',
	arr: 'bigint',
	renewal_date: 'date',
	lifecycle_stage: 'text',
	notes: 'text'
};

export const accountImport: ImportKindModule<AccountImportContext, AccountRowPlan> = {
	kind: 'accounts',
	fields: ACCOUNT_IMPORT_FIELDS,
	duplicate: { field: 'external_id', key: 'import.error.duplicateKey' },

	async prepare(db, separator) {
		const [catalogues, resellers] = await Promise.all([
			everyCatalogue(),
			db.selectFrom('resellers').select(['id', 'name']).execute()
		]);
		return {
			separator,
			vocabularies: vocabularyLookups(ACCOUNT_IMPORT_FIELDS, catalogues),
			resellers: new Map(resellers.map((r) => [resellerKey(r.name), r.id]))
		};
	},

	matchKey: accountKey,

	async check(db, rows, context, lock) {
		const keys = [...new Set(rows.map((r) => accountKey(r.values)).filter((k) => k !== null))];
		const existing =
			keys.length === 0
				? []
				: await db
						.selectFrom('accounts')
						.selectAll()
						.where('external_id', 'in', keys)
						.$if(lock, (q) => q.forUpdate())
						.execute();
		const byKey = new Map(existing.map((account) => [account.external_id!, account]));
		return rows.map(({ line, values }) =>
			checkAccountRow(line, values, byKey.get(accountKey(values) ?? '') ?? null, context)
		);
	},

	async write(trx, actor, rows) {
		const { creates, updates } = splitByAction(rows);
		const created =
			creates.length === 0
				? []
				: await trx
						.insertInto('accounts')
						.values(creates.map((plan) => ({ ...plan.values, external_id: plan.externalId })))
						.returningAll()
						.execute();
		const updated = await updateFromRecords<Account>(
			trx,
			'accounts',
			UPDATED_COLUMNS,
			updates.map((plan) => ({ id: plan.existing!.id, ...plan.values }))
		);
		const before = new Map(updates.map((plan) => [plan.existing!.id, plan.existing!]));
		await auditWritten(trx, actor, 'account', (account) => account.id, {
			created,
			updated,
			before
		});
		return [...created, ...updated].map((account) => account.id);
	},

	async finish(trx, changedIds, now) {
		// A new account gets its health at once, and a changed one (segment, renewal, ARR) anew:
		// a set-based pass per HEALTH_BATCH accounts rather than one per account. A pass holds
		// its accounts' inputs and scores in memory, so one pass for a whole 200,000-row file
		// would not keep the commit's memory flat.
		for (let i = 0; i < changedIds.length; i += HEALTH_BATCH) {
			await refreshHealth(trx, changedIds.slice(i, i + HEALTH_BATCH), now);
		}
	}
};

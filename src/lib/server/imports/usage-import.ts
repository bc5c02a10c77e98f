import {
	METRIC_KEYS,
	contributionDelta,
	contributionOf,
	monthOf,
	type MetricKey,
	type UsageContribution
} from '../../domain/adoption';
import type { CsvSeparator } from '../../domain/csv-parse';
import { todayIn } from '../../domain/dates';
import type { MappedValues } from '../../domain/import-rows';
import { parseMapped } from '../../domain/import-rows';
import { plainNumber, type VocabularyLookup } from '../../domain/import-values';
import { text } from '../../domain/validation';
import { addToMonthTotals, refreshAdoption } from '../adoption/adoption.repository';
import { usageFields } from '../adoption/adoption.schema';
import type { UsageRecord } from '../adoption/adoption.table';
import { refreshHealth } from '../health/health-refresh';
import {
	accountExternalId,
	accountKeyField,
	accountsNamed,
	explainChoices,
	unknownAccount,
	withCodes,
	type NamedAccount
} from './import-cells';
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
 * Usage from a CSV file (billing, monitoring): one reading per row, of one metric of one account
 * in one month. A row for a reading Keel has corrects it; any other row records one. Readings
 * the file does not name stay as they are.
 */
export const USAGE_IMPORT_FIELDS: readonly ImportFieldDef[] = [
	accountKeyField('imports.hintUsageAccount'),
	{
		name: 'metric',
		need: 'key',
		labels: ['field.metric'],
		aliases: ['metric key', 'product metric'],
		vocabulary: { codes: METRIC_KEYS, prefix: 'metric' },
		hint: 'imports.hintUsageMetric'
	},
	{
		name: 'month',
		need: 'key',
		labels: ['field.month'],
		aliases: ['period', 'billing month'],
		hint: 'imports.hintUsageMonth'
	},
	{
		name: 'entitled',
		need: 'new',
		labels: ['field.entitled'],
		aliases: ['entitled', 'entitlement quantity', 'contracted', 'cap', 'limit']
	},
	{
		name: 'used',
		need: 'new',
		labels: ['field.used'],
		aliases: ['usage', 'consumed', 'quantity used']
	}
];

/** The usage form's rules (the reading's version aside: a file corrects by its match key). */
const ROW_SCHEMA = {
	account_external_id: text({ required: true, max: 200 }),
	metric: usageFields.metric,
	month: usageFields.month,
	entitled: usageFields.entitled,
	used: usageFields.used
};

const WRITTEN = ['entitled', 'used'] as const;
type UsageValues = Pick<UsageRecord, (typeof WRITTEN)[number]>;

export interface UsageImportContext {
	separator: CsvSeparator;
	now: Date;
	vocabularies: Record<string, VocabularyLookup>;
}

export interface UsageRowPlan {
	account: NamedAccount;
	metric: MetricKey;
	/** 'YYYY-MM-01' */
	month: string;
	existing: UsageRecord | null;
	values: UsageValues;
}

/**
 * A month as the form takes it (YYYY-MM), or as exports and billing systems write a period, by
 * its first day (YYYY-MM-01); anything else goes to the form's rule as typed.
 */
function formMonth(raw: string): string {
	const typed = raw.trim();
	return /^\d{4}-\d{2}-01$/.test(typed) ? typed.slice(0, 7) : typed;
}

/** The metric's code (a label read as its code) and the month, where the row's cells name them. */
function readingOf(values: MappedValues, context: UsageImportContext) {
	const cells = withCodes(values, context.vocabularies);
	const metric = usageFields.metric(cells.metric ?? '');
	const month = usageFields.month(formMonth(cells.month ?? ''));
	return { metric: metric.ok ? metric.value : null, month: month.ok ? month.value : null };
}

/**
 * The account, metric and month, as matched ("Cabinets" and "colocation_cabinets" are one
 * metric); null unless all three are there.
 */
function usageKey(values: MappedValues, context: UsageImportContext): string | null {
	const account = accountExternalId(values);
	const { metric, month } = readingOf(values, context);
	return account && metric && month ? `${account}\n${metric}\n${month}` : null;
}

/** The key of a stored reading among a batch's. */
const readingKey = (accountId: number, metric: string, month: string) =>
	`${accountId}\n${metric}\n${month}`;

/**
 * The row's cells as the form's rules read them: a metric's label in any language, a month by its
 * first day, numbers in the file's convention.
 */
function readable(values: MappedValues, context: UsageImportContext): MappedValues {
	const cells = withCodes(values, context.vocabularies);
	if (cells.month !== undefined) cells.month = formMonth(cells.month);
	for (const field of ['entitled', 'used'] as const) {
		if (cells[field] !== undefined) cells[field] = plainNumber(cells[field], context.separator);
	}
	return cells;
}

/**
 * One row against the usage form's rules. Pure: `account` is the account with the row's external
 * id (null: none), `existing` its reading of the row's metric and month.
 */
export function checkUsageRow(
	line: number,
	values: MappedValues,
	account: NamedAccount | null,
	existing: UsageRecord | null,
	context: UsageImportContext
): CheckedRow<UsageRowPlan> {
	const { data, errors } = parseMapped(ROW_SCHEMA, readable(values, context));
	const problems = explainChoices(errors, values);
	if (data.account_external_id && !account) problems.push(unknownAccount(data.account_external_id));
	// As the form: usage is recorded for this month or earlier, in the account's zone.
	if (account && data.month && data.month > monthOf(todayIn(account.time_zone, context.now))) {
		problems.push({ field: 'month', key: 'error.monthInFuture' });
	}
	if (!existing) {
		for (const field of WRITTEN) {
			if (values[field] === undefined) problems.push({ field, key: 'import.error.notMapped' });
		}
	}
	if (problems.length > 0) return { line, ok: false, errors: problems };

	const final: UsageValues = {
		entitled: data.entitled ?? existing!.entitled,
		used: data.used ?? existing!.used
	};
	return {
		line,
		ok: true,
		action: rowAction(existing, final, WRITTEN),
		row: { account: account!, metric: data.metric!, month: data.month!, existing, values: final }
	};
}

/** Accounts per health pass after a commit, as the account import does. */
const HEALTH_BATCH = 10_000;

export const usageImport: ImportKindModule<UsageImportContext, UsageRowPlan> = {
	kind: 'usage',
	fields: USAGE_IMPORT_FIELDS,
	duplicate: { field: 'month', key: 'import.error.duplicateUsage' },

	async prepare(_db, separator, now) {
		return {
			separator,
			now,
			vocabularies: vocabularyLookups(USAGE_IMPORT_FIELDS, await everyCatalogue())
		};
	},

	matchKey: usageKey,

	async check(db, rows, context, lock) {
		const accounts = await accountsNamed(db, rows, lock);
		// The readings the batch may name: its accounts' in its months (a few per row at most).
		const months = [
			...new Set(rows.map((r) => readingOf(r.values, context).month).filter((m) => m !== null))
		];
		const readings =
			accounts.size === 0 || months.length === 0
				? []
				: await db
						.selectFrom('usage_records')
						.selectAll()
						.where(
							'account_id',
							'in',
							[...accounts.values()].map((a) => a.id)
						)
						.where('month', 'in', months)
						.$if(lock, (q) => q.forUpdate())
						.execute();
		const byKey = new Map(readings.map((r) => [readingKey(r.account_id, r.metric, r.month), r]));
		return rows.map(({ line, values }) => {
			const account = accounts.get(accountExternalId(values) ?? '') ?? null;
			const { metric, month } = readingOf(values, context);
			const existing =
				account && metric && month ? byKey.get(readingKey(account.id, metric, month)) : undefined;
			return checkUsageRow(line, values, account, existing ?? null, context);
		});
	},

	async write(trx, actor, rows) {
		const { creates, updates } = splitByAction(rows);
		const created =
			creates.length === 0
				? []
				: await trx
						.insertInto('usage_records')
						.values(
							creates.map((plan) => ({
								account_id: plan.account.id,
								metric: plan.metric,
								month: plan.month,
								...plan.values
							}))
						)
						.returningAll()
						.execute();
		const updated = await updateFromRecords<UsageRecord>(
			trx,
			'usage_records',
			{ entitled: 'double precision', used: 'double precision' },
			updates.map((plan) => ({ id: plan.existing!.id, ...plan.values }))
		);
		// The audit trail names a reading by its metric, as the usage form's does.
		const named = (reading: UsageRecord) => ({ ...reading, name: reading.metric });
		await auditWritten(trx, actor, 'usage_record', (reading) => reading.account_id, {
			created: created.map(named),
			updated: updated.map(named),
			before: new Map(updates.map((plan) => [plan.existing!.id, named(plan.existing!)]))
		});

		// What recording a reading keeps in step, for the batch at once: each account's adoption
		// in the months it touched, and the portfolio's totals per month and metric.
		const accountIds = [...new Set(rows.map((r) => r.row.account.id))];
		const months = [...new Set(rows.map((r) => r.row.month))];
		await refreshAdoption(trx, { accountIds, months });
		const deltas = new Map<
			string,
			{ month: string; metric: MetricKey; delta: UsageContribution }
		>();
		for (const { row } of rows) {
			const delta = contributionDelta(
				row.existing ? contributionOf(row.metric, row.existing) : null,
				contributionOf(row.metric, row.values)
			);
			const key = `${row.month}\n${row.metric}`;
			const sum = deltas.get(key);
			deltas.set(key, {
				month: row.month,
				metric: row.metric,
				delta: sum ? add(sum.delta, delta) : delta
			});
		}
		// In key order, as concurrent writers of the totals lock them.
		for (const key of [...deltas.keys()].sort()) {
			const { month, metric, delta } = deltas.get(key)!;
			await addToMonthTotals(trx, month, metric, delta);
		}
		return accountIds;
	},

	async finish(trx, accountIds, now) {
		// Usage is a health input: the accounts' scores anew, set-based per HEALTH_BATCH accounts.
		const distinct = [...new Set(accountIds)];
		for (let i = 0; i < distinct.length; i += HEALTH_BATCH) {
			await refreshHealth(trx, distinct.slice(i, i + HEALTH_BATCH), now);
		}
	}
};

/** Two changes to one month's totals of one metric, as one. */
function add(a: UsageContribution, b: UsageContribution): UsageContribution {
	return {
		accounts: a.accounts + b.accounts,
		used: a.used + b.used,
		entitled: a.entitled + b.entitled,
		utilisation_sum: a.utilisation_sum + b.utilisation_sum,
		utilisation_count: a.utilisation_count + b.utilisation_count,
		under_used: a.under_used + b.under_used,
		over_cap: a.over_cap + b.over_cap
	};
}

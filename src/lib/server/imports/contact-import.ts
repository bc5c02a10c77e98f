import { sql } from 'kysely';
import type { MappedValues, RowError } from '../../domain/import-rows';
import { parseMapped } from '../../domain/import-rows';
import { yesNo } from '../../domain/import-values';
import { email, text } from '../../domain/validation';
import { contactFields } from '../accounts/account.schema';
import type { Contact } from '../accounts/account.table';
import { accountExternalId, accountKeyField, accountsNamed } from './import-cells';
import {
	auditWritten,
	type CheckedRow,
	type ImportFieldDef,
	type ImportKindModule,
	rowAction,
	splitByAction,
	updateFromRecords
} from './import-kind';

/**
 * Contacts from a CSV file, each found by its account's external id and its email: a row whose
 * account already has a contact with that email updates it, any other row adds one to the
 * account. The account must be in Keel already (import accounts first).
 */
export const CONTACT_IMPORT_FIELDS: readonly ImportFieldDef[] = [
	accountKeyField('imports.hintContactAccount'),
	{
		name: 'email',
		need: 'key',
		labels: ['field.email'],
		aliases: ['e-mail', 'email address', 'mail'],
		hint: 'imports.hintContactEmail'
	},
	{
		name: 'name',
		need: 'new',
		labels: ['field.name'],
		aliases: ['contact name', 'full name', 'contact']
	},
	{ name: 'title', need: 'optional', labels: ['field.title'], aliases: ['job title', 'role'] },
	{ name: 'phone', need: 'optional', labels: ['field.phone'], aliases: ['telephone', 'mobile'] },
	{ name: 'is_primary', need: 'optional', labels: ['field.is_primary'], aliases: ['primary'] },
	{ name: 'onboarded_on', need: 'optional', labels: ['field.onboarded_on'] }
];

/** The contact form's rules; the email, being half the match, is required here. */
const ROW_SCHEMA = {
	account_external_id: text({ required: true, max: 200 }),
	email: email({ required: true }),
	name: contactFields.name,
	title: contactFields.title,
	phone: contactFields.phone,
	is_primary: contactFields.is_primary,
	onboarded_on: contactFields.onboarded_on
};

/** The columns an import writes: the contact form's. */
const WRITTEN = ['name', 'title', 'email', 'phone', 'is_primary', 'onboarded_on'] as const;
type ContactValues = Pick<Contact, (typeof WRITTEN)[number]>;

export interface ContactImportContext {
	/**
	 * The line of the row that made each account's primary contact so far in this pass: an account
	 * has one primary contact, so a second row making another one primary is a problem.
	 */
	primaries: Map<string, number>;
}

export interface ContactRowPlan {
	accountId: number;
	existing: Contact | null;
	values: ContactValues;
}

/** The account's external id and the email, as stored; null unless both are there. */
function contactKey(values: MappedValues): string | null {
	const account = values.account_external_id?.trim();
	const address = values.email?.trim().toLowerCase();
	return account && address ? `${account}\n${address}` : null;
}

/**
 * One row against the contact form's rules. Pure but for `context.primaries`, which it keeps:
 * `accountId` is the account with the row's external id (null: none), `existing` the account's
 * contacts with the row's email (one to update; two cannot be told apart).
 */
export function checkContactRow(
	line: number,
	values: MappedValues,
	accountId: number | null,
	existing: readonly Contact[],
	context: ContactImportContext
): CheckedRow<ContactRowPlan> {
	const problems: RowError[] = [];
	const readable: MappedValues = { ...values };
	if (values.is_primary !== undefined) {
		const answer = yesNo(values.is_primary);
		if (answer === null) {
			problems.push({
				field: 'is_primary',
				key: 'import.error.yesNo',
				params: { value: values.is_primary.trim() }
			});
		}
		readable.is_primary = answer ?? '';
	}
	const { data, errors } = parseMapped(ROW_SCHEMA, readable);
	problems.unshift(...errors);
	if (data.account_external_id && accountId === null) {
		problems.push({
			field: 'account_external_id',
			key: 'import.error.accountUnknown',
			params: { id: data.account_external_id }
		});
	}
	if (existing.length > 1) problems.push({ field: 'email', key: 'import.error.contactAmbiguous' });
	const current = existing[0] ?? null;
	if (!current && values.name === undefined) {
		problems.push({ field: 'name', key: 'import.error.notMapped' });
	}
	const primary = data.is_primary ?? current?.is_primary ?? false;
	if (primary && data.account_external_id) {
		const first = context.primaries.get(data.account_external_id);
		if (first === undefined) context.primaries.set(data.account_external_id, line);
		else
			problems.push({
				field: 'is_primary',
				key: 'import.error.twoPrimaries',
				params: { line: first }
			});
	}
	if (problems.length > 0) return { line, ok: false, errors: problems };

	const given = Object.fromEntries(
		Object.entries(data).filter(([field]) => field !== 'account_external_id')
	);
	const final = {
		...(current
			? Object.fromEntries(WRITTEN.map((column) => [column, current[column]]))
			: { title: '', phone: '', is_primary: false, onboarded_on: null }),
		...given
	} as ContactValues;
	const action = rowAction(current, final, WRITTEN);
	return {
		line,
		ok: true,
		action,
		row: { accountId: accountId!, existing: current, values: final }
	};
}

/** The columns a row updates, with their SQL types. */
const UPDATED_COLUMNS = {
	name: 'text',
	title: 'text',
	email: 'text',
	phone: 'text',
	is_primary: 'boolean',
	onboarded_on: 'date'
};

export const contactImport: ImportKindModule<ContactImportContext, ContactRowPlan> = {
	kind: 'contacts',
	fields: CONTACT_IMPORT_FIELDS,
	duplicate: { field: 'email', key: 'import.error.duplicateContact' },

	async prepare() {
		return { primaries: new Map() };
	},

	matchKey: contactKey,

	async check(db, rows, context, lock) {
		const accounts = await accountsNamed(db, rows, lock);
		const accountIds = [...accounts.values()].map((a) => a.id);
		const emails = [
			...new Set(rows.map((r) => r.values.email?.trim().toLowerCase()).filter((e) => !!e))
		] as string[];
		const contacts =
			accountIds.length === 0 || emails.length === 0
				? []
				: await db
						.selectFrom('contacts')
						.selectAll()
						.where('account_id', 'in', accountIds)
						.where(sql<string>`lower(email)`, 'in', emails)
						.orderBy('id')
						.$if(lock, (q) => q.forUpdate())
						.execute();
		const byKey = new Map<string, Contact[]>();
		for (const contact of contacts) {
			const key = `${contact.account_id}\n${contact.email.toLowerCase()}`;
			byKey.set(key, [...(byKey.get(key) ?? []), contact]);
		}
		return rows.map(({ line, values }) => {
			const accountId = accounts.get(accountExternalId(values) ?? '')?.id ?? null;
			const address = values.email?.trim().toLowerCase() ?? '';
			const existing = accountId === null ? [] : (byKey.get(`${accountId}\n${address}`) ?? []);
			return checkContactRow(line, values, accountId, existing, context);
		});
	},

	async write(trx, actor, rows) {
		const { creates, updates } = splitByAction(rows);
		const created =
			creates.length === 0
				? []
				: await trx
						.insertInto('contacts')
						.values(creates.map((plan) => ({ account_id: plan.accountId, ...plan.values })))
						.returningAll()
						.execute();
		const updated = await updateFromRecords<Contact>(
			trx,
			'contacts',
			UPDATED_COLUMNS,
			updates.map((plan) => ({ id: plan.existing!.id, ...plan.values }))
		);
		const before = new Map(updates.map((plan) => [plan.existing!.id, plan.existing!]));
		await auditWritten(trx, actor, 'contact', (contact) => contact.account_id, {
			created,
			updated,
			before
		});
		// An account has one primary contact: making one primary demotes the others, as the
		// contact form does (the pass refused a file making two of one account primary).
		const primaries = [...created, ...updated]
			.filter((contact) => contact.is_primary)
			.map((contact) => ({ account_id: contact.account_id, keep_id: contact.id }));
		if (primaries.length > 0) {
			await sql`
				update contacts c set is_primary = false, version = c.version + 1, updated_at = now()
				from jsonb_to_recordset(${JSON.stringify(primaries)}::jsonb) as p(account_id int, keep_id int)
				where c.account_id = p.account_id and c.is_primary and c.id <> p.keep_id`.execute(trx);
		}
		return [...created, ...updated].map((contact) => contact.id);
	},

	async finish() {
		// Contacts are no health input: nothing depends on all of them at once.
	}
};

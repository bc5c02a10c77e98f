import { sql } from 'kysely';
import { todayIn } from '../../domain/dates';
import { ConflictError } from '../../domain/errors';
import {
	FEEDBACK_KINDS,
	FEEDBACK_SOURCES,
	FEEDBACK_STATUSES,
	FEEDBACK_TEAMS,
	FEEDBACK_THEMES,
	SCORE_RANGE,
	needsFollowUp
} from '../../domain/feedback';
import type { MappedValues, RowError } from '../../domain/import-rows';
import { parseMapped } from '../../domain/import-rows';
import {
	vocabularyCode,
	vocabularyLookup,
	type VocabularyLookup
} from '../../domain/import-values';
import { email, text } from '../../domain/validation';
import { isOneOf } from '../../domain/vocabulary';
import type { Contact } from '../accounts/account.table';
import { followUpOwner, raiseFollowUp } from '../feedback/feedback-follow-up';
import { addToRollup } from '../feedback/feedback-rollup.repository';
import { feedbackFields } from '../feedback/feedback.schema';
import { assertTeamFits, nameOf } from '../feedback/feedback.service';
import { findFollowUpOwner } from '../feedback/feedback.repository';
import type { Feedback } from '../feedback/feedback.table';
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
import { everyCatalogue, vocabularyLabels, vocabularyLookups } from './import-labels';

/**
 * Feedback responses from a CSV file (a survey tool's export), each with the id it has there: a
 * row whose id Keel already has for that account corrects that response; any other row records
 * one, as the capture form does (the account's group and CSM of today, a follow-up task for a
 * detractor or a low CSAT). Responses captured in Keel have no id, so a file cannot change them.
 */
export const FEEDBACK_IMPORT_FIELDS: readonly ImportFieldDef[] = [
	accountKeyField('imports.hintFeedbackAccount'),
	{
		name: 'external_id',
		need: 'key',
		labels: ['import.field.responseId', 'field.external_id'],
		aliases: ['response id', 'feedback id', 'survey response id', 'id'],
		hint: 'imports.hintFeedbackId'
	},
	{
		name: 'kind',
		need: 'new',
		labels: ['import.field.feedbackKind'],
		aliases: ['type', 'feedback type', 'survey type'],
		vocabulary: { codes: FEEDBACK_KINDS, prefix: 'feedbackKind' }
	},
	{ name: 'score', need: 'optional', labels: ['field.score'], aliases: ['rating'] },
	{
		name: 'comment',
		need: 'optional',
		labels: ['field.comment'],
		aliases: ['comments', 'verbatim', 'feedback text', 'text']
	},
	{
		name: 'source',
		need: 'new',
		labels: ['import.field.feedbackSource'],
		aliases: ['collected by', 'channel'],
		vocabulary: { codes: FEEDBACK_SOURCES, prefix: 'feedbackSource' }
	},
	{
		name: 'received_on',
		need: 'new',
		labels: ['field.received_on'],
		aliases: ['date', 'response date', 'submitted on', 'submitted']
	},
	{
		name: 'contact_email',
		need: 'optional',
		labels: ['import.field.contactEmail'],
		aliases: ['contact email', 'respondent email', 'email', 'e-mail'],
		hint: 'imports.hintFeedbackContact'
	},
	{
		name: 'themes',
		need: 'optional',
		labels: ['field.themes'],
		aliases: ['tags', 'theme', 'topics'],
		hint: 'imports.hintFeedbackThemes'
	},
	{
		name: 'routed_team',
		need: 'optional',
		labels: ['field.routed_team'],
		aliases: ['routed team', 'team'],
		vocabulary: { codes: FEEDBACK_TEAMS, prefix: 'feedbackTeam' }
	},
	{
		name: 'status',
		need: 'optional',
		labels: ['field.status'],
		vocabulary: { codes: FEEDBACK_STATUSES, prefix: 'feedbackStatus' }
	}
];

/** The library's themes, by code or label in any language, within the themes column. */
const THEME_WORDS: ImportFieldDef = {
	name: 'themes',
	need: 'optional',
	labels: [],
	vocabulary: { codes: FEEDBACK_THEMES, prefix: 'feedbackTheme' }
};

/** The capture form's rules for a response of `kind`, under the import's field names. */
function rowSchema(kind: string) {
	const form = new FormData();
	form.set('kind', kind);
	const fields = feedbackFields(form);
	return {
		account_external_id: text({ required: true, max: 200 }),
		external_id: text({ required: true, max: 200 }),
		kind: fields.kind,
		score: fields.score,
		comment: fields.comment,
		source: fields.source,
		received_on: fields.received_on,
		contact_email: email(),
		// One column holds both: library themes (by code or label) and free tags, as the form's
		// tags field reads them (a tag naming a library theme is stored as that theme).
		themes: fields.tags,
		routed_team: fields.routed_team,
		status: fields.status
	};
}
type RowSchema = ReturnType<typeof rowSchema>;

/** The columns an import writes: the capture form's. */
const WRITTEN = [
	'kind',
	'score',
	'comment',
	'source',
	'contact_id',
	'received_on',
	'themes',
	'routed_team',
	'status'
] as const;
type FeedbackValues = Pick<Feedback, (typeof WRITTEN)[number]>;

export interface FeedbackImportContext {
	now: Date;
	vocabularies: Record<string, VocabularyLookup>;
	themes: VocabularyLookup;
	/** The form's rules per kind the rows name ('' for none or an unknown one). */
	schemas: Map<string, RowSchema>;
}

export interface FeedbackRowPlan {
	account: NamedAccount;
	externalId: string;
	existing: Feedback | null;
	values: FeedbackValues;
}

/** The account's external id and the response's, as matched; null unless both are there. */
function feedbackKey(values: MappedValues): string | null {
	const account = accountExternalId(values);
	const id = values.external_id?.trim();
	return account && id ? `${account}\n${id}` : null;
}

const emailKey = (address: string) => address.trim().toLowerCase();

/** Values compared as stored: themes as one text, since arrays are never `===`. */
const comparable = (values: FeedbackValues) => ({ ...values, themes: values.themes.join('\n') });

/**
 * One row against the capture form's rules and the service's beyond it. Pure: `account` is the
 * account with the row's external id (null: none), `existing` its response with the row's id,
 * `contacts` the account's contacts with the row's contact email.
 */
export function checkFeedbackRow(
	line: number,
	values: MappedValues,
	account: NamedAccount | null,
	existing: Feedback | null,
	contacts: readonly Pick<Contact, 'id'>[],
	context: FeedbackImportContext
): CheckedRow<FeedbackRowPlan> {
	const cells = withCodes(values, context.vocabularies);
	if (cells.themes !== undefined) {
		// A theme's label in any language names the theme; other tags go on as typed.
		cells.themes = cells.themes
			.split(/[,\n]/)
			.map((tag) => vocabularyCode(tag, context.themes))
			.join(',');
	}
	// A blank status is no change (a new response is 'new'), as a column the file lacks.
	if (cells.status?.trim() === '') cells.status = undefined;
	const kind = cells.kind?.trim() ?? existing?.kind ?? '';
	const schemaKey = isOneOf(FEEDBACK_KINDS, kind) ? kind : '';
	let schema = context.schemas.get(schemaKey);
	if (!schema) {
		schema = rowSchema(schemaKey);
		context.schemas.set(schemaKey, schema);
	}
	const { data, errors } = parseMapped(schema, cells);
	const problems: RowError[] = explainChoices(errors, values);
	if (data.account_external_id && !account) problems.push(unknownAccount(data.account_external_id));
	if (!existing) {
		for (const field of FEEDBACK_IMPORT_FIELDS) {
			if (field.need === 'new' && values[field.name] === undefined) {
				problems.push({ field: field.name, key: 'import.error.notMapped' });
			}
		}
	}

	let contactId = existing?.contact_id ?? null;
	if (data.contact_email !== undefined) {
		contactId = data.contact_email === '' ? null : (contacts[0]?.id ?? null);
		if (data.contact_email !== '' && contacts.length === 0 && account) {
			problems.push({
				field: 'contact_email',
				key: 'import.error.contactUnknown',
				params: { email: data.contact_email }
			});
		}
		if (contacts.length > 1) {
			problems.push({ field: 'contact_email', key: 'import.error.contactAmbiguous' });
		}
	}
	// The row's own cells for the response's columns; fields without a column keep what is
	// stored, or the capture form's defaults.
	const given = Object.fromEntries(
		WRITTEN.filter((column) => column in data).map((column) => [
			column,
			data[column as keyof typeof data]
		])
	);
	const final = {
		...(existing
			? pick(existing)
			: { score: null, comment: '', themes: [], routed_team: null, status: 'new' }),
		...given,
		kind,
		contact_id: contactId
	} as FeedbackValues;

	// The service's rules beyond the form (feedback.service's `checked`), with the same messages,
	// each over fields the form's rules read without a problem, so a row's report is complete
	// but says nothing twice.
	const failed = new Set(problems.map((problem) => problem.field));
	const clean = (...fields: string[]) => fields.every((field) => !failed.has(field));
	if (isOneOf(FEEDBACK_KINDS, kind) && clean('kind', 'score')) {
		const range = SCORE_RANGE[kind];
		const fits =
			range === null
				? final.score === null
				: final.score !== null && final.score >= range.min && final.score <= range.max;
		if (!fits) {
			problems.push(
				values.score === undefined && !existing
					? { field: 'score', key: 'import.error.notMapped' }
					: { field: 'score', key: 'feedback.error.scoreForKind' }
			);
		}
	}
	if (kind === 'comment' && clean('comment') && final.comment.trim() === '') {
		problems.push({
			field: 'comment',
			key: values.comment === undefined && !existing ? 'import.error.notMapped' : 'error.required'
		});
	}
	if (account && final.received_on && clean('received_on')) {
		if (final.received_on > todayIn(account.time_zone, context.now)) {
			problems.push({ field: 'received_on', key: 'feedback.error.future' });
		}
	}
	// A response given in a review (captured in Keel, then given an id) keeps a review's source.
	if (
		existing?.review_id != null &&
		clean('source') &&
		final.source !== 'cbr' &&
		final.source !== 'operational_survey'
	) {
		problems.push({ field: 'source', key: 'feedback.error.reviewNeedsReviewSource' });
	}
	if (clean('status', 'routed_team')) {
		try {
			assertTeamFits(final);
		} catch (cause) {
			if (!(cause instanceof ConflictError)) throw cause;
			problems.push({ field: cause.field, key: cause.messageKey });
		}
	}
	if (problems.length > 0 || !isOneOf(FEEDBACK_KINDS, kind)) {
		return { line, ok: false, errors: problems };
	}

	return {
		line,
		ok: true,
		action: rowAction(existing ? comparable(pick(existing)) : null, comparable(final), WRITTEN),
		row: { account: account!, externalId: data.external_id!, existing, values: final }
	};
}

function pick(row: Feedback): FeedbackValues {
	return Object.fromEntries(WRITTEN.map((column) => [column, row[column]])) as FeedbackValues;
}

/** Accounts per health pass after a commit, as the account import does. */
const HEALTH_BATCH = 10_000;

/** The columns a row updates, with their SQL types. */
const UPDATED_COLUMNS = {
	kind: 'text',
	score: 'smallint',
	comment: 'text',
	source: 'text',
	contact_id: 'int',
	received_on: 'date',
	themes: 'text[]',
	routed_team: 'text',
	status: 'text',
	follow_up_task_id: 'int'
};

export const feedbackImport: ImportKindModule<FeedbackImportContext, FeedbackRowPlan> = {
	kind: 'feedback',
	fields: FEEDBACK_IMPORT_FIELDS,
	duplicate: { field: 'external_id', key: 'import.error.duplicateFeedback' },

	async prepare(_db, _separator, now) {
		const catalogues = await everyCatalogue();
		return {
			now,
			vocabularies: vocabularyLookups(FEEDBACK_IMPORT_FIELDS, catalogues),
			themes: vocabularyLookup(FEEDBACK_THEMES, vocabularyLabels(THEME_WORDS, catalogues)),
			schemas: new Map()
		};
	},

	matchKey: feedbackKey,

	async check(db, rows, context, lock) {
		const accounts = await accountsNamed(db, rows, lock);
		const accountIds = [...accounts.values()].map((a) => a.id);
		const ids = [
			...new Set(rows.map((r) => r.values.external_id?.trim()).filter((id) => !!id))
		] as string[];
		const responses =
			accountIds.length === 0 || ids.length === 0
				? []
				: await db
						.selectFrom('feedback')
						.selectAll()
						.where('account_id', 'in', accountIds)
						.where('external_id', 'in', ids)
						.$if(lock, (q) => q.forUpdate())
						.execute();
		const byKey = new Map(responses.map((f) => [`${f.account_id}\n${f.external_id}`, f]));
		const emails = [
			...new Set(rows.map((r) => (r.values.contact_email ? emailKey(r.values.contact_email) : '')))
		].filter(Boolean);
		const contacts =
			accountIds.length === 0 || emails.length === 0
				? []
				: await db
						.selectFrom('contacts')
						.select(['id', 'account_id', 'email'])
						.where('account_id', 'in', accountIds)
						.where(sql<string>`lower(email)`, 'in', emails)
						.orderBy('id')
						.$if(lock, (q) => q.forShare())
						.execute();
		const contactsByKey = new Map<string, { id: number }[]>();
		for (const contact of contacts) {
			const key = `${contact.account_id}\n${emailKey(contact.email)}`;
			contactsByKey.set(key, [...(contactsByKey.get(key) ?? []), contact]);
		}
		return rows.map(({ line, values }) => {
			const account = accounts.get(accountExternalId(values) ?? '') ?? null;
			const existing = account
				? (byKey.get(`${account.id}\n${values.external_id?.trim() ?? ''}`) ?? null)
				: null;
			const address = values.contact_email ? emailKey(values.contact_email) : '';
			const matches = account ? (contactsByKey.get(`${account.id}\n${address}`) ?? []) : [];
			return checkFeedbackRow(line, values, account, existing, matches, context);
		});
	},

	async write(trx, actor, rows, now) {
		const { creates, updates } = splitByAction(rows);

		// Follow-ups as capturing and editing raise them: for a detractor or a low CSAT without
		// one yet, a task for the account's CSM (the importer is no CSM, so nobody else).
		const csms = new Map<number, Awaited<ReturnType<typeof findFollowUpOwner>>>();
		const csmOf = async (accountId: number) => {
			if (!csms.has(accountId)) csms.set(accountId, await findFollowUpOwner(trx, accountId));
			return csms.get(accountId);
		};
		const followUp = async (plan: FeedbackRowPlan) => {
			if (plan.existing?.follow_up_task_id != null) return plan.existing.follow_up_task_id;
			if (!needsFollowUp(plan.values.kind, plan.values.score)) return null;
			const owner = await followUpOwner(trx, actor, await csmOf(plan.account.id));
			return owner ? raiseFollowUp(trx, actor, plan.account, owner, plan.values, now) : null;
		};

		const inserts = [];
		for (const plan of creates) {
			const csm = await csmOf(plan.account.id);
			inserts.push({
				...plan.values,
				account_id: plan.account.id,
				external_id: plan.externalId,
				segment: plan.account.segment,
				region: plan.account.region,
				sales_channel: plan.account.sales_channel,
				csm_id: csm?.id ?? null,
				follow_up_task_id: await followUp(plan),
				created_by: actor.id
			});
		}
		const created =
			inserts.length === 0
				? []
				: await trx.insertInto('feedback').values(inserts).returningAll().execute();
		await addToRollup(
			trx,
			created.map((row) => row.id),
			1
		);

		const changes = [];
		for (const plan of updates) {
			changes.push({
				id: plan.existing!.id,
				...plan.values,
				follow_up_task_id: await followUp(plan)
			});
		}
		const updateIds = updates.map((plan) => plan.existing!.id);
		// Each response's share of the monthly totals moves as an edit moves it: taken away as
		// it was, added as it is (the group it was captured in stays).
		await addToRollup(trx, updateIds, -1);
		const updated = await updateFromRecords<Feedback>(trx, 'feedback', UPDATED_COLUMNS, changes);
		await addToRollup(trx, updateIds, 1);

		const named = (row: Feedback) => ({ ...row, name: nameOf(row) });
		await auditWritten(trx, actor, 'feedback', (row) => row.account_id, {
			created: created.map(named),
			updated: updated.map(named),
			before: new Map(updates.map((plan) => [plan.existing!.id, named(plan.existing!)]))
		});
		return [...new Set(rows.map((r) => r.row.account.id))];
	},

	async finish(trx, accountIds, now) {
		// Feedback is a health input (sentiment): the accounts' scores anew, set-based.
		const distinct = [...new Set(accountIds)];
		for (let i = 0; i < distinct.length; i += HEALTH_BATCH) {
			await refreshHealth(trx, distinct.slice(i, i + HEALTH_BATCH), now);
		}
	}
};

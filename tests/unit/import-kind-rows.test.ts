import { describe, expect, it } from 'vitest';
import type { AccountTeamMember } from '../../src/lib/server/accounts/account.table';
import type { UsageRecord } from '../../src/lib/server/adoption/adoption.table';
import type { Feedback } from '../../src/lib/server/feedback/feedback.table';
import {
	ACCOUNT_TEAM_IMPORT_FIELDS,
	checkTeamRow,
	type TeamCandidate
} from '../../src/lib/server/imports/account-team-import';
import {
	FEEDBACK_IMPORT_FIELDS,
	checkFeedbackRow,
	type FeedbackImportContext
} from '../../src/lib/server/imports/feedback-import';
import type { NamedAccount } from '../../src/lib/server/imports/import-cells';
import { everyCatalogue, vocabularyLookups } from '../../src/lib/server/imports/import-labels';
import {
	USAGE_IMPORT_FIELDS,
	checkUsageRow,
	type UsageImportContext
} from '../../src/lib/server/imports/usage-import';
import { vocabularyLookup } from '../../src/lib/domain/import-values';
import { FEEDBACK_THEMES } from '../../src/lib/domain/feedback';

const catalogues = await everyCatalogue();
const NOW = new Date('2026-11-20T12:00:00Z');
const ACCOUNT: NamedAccount = {
	id: 4,
	external_id: 'SF-1',
	reseller_id: null,
	time_zone: 'America/Sao_Paulo',
	segment: 'mid_market',
	region: 'latam',
	sales_channel: 'direct'
};

describe('an account team row', () => {
	const context = { vocabularies: vocabularyLookups(ACCOUNT_TEAM_IMPORT_FIELDS, catalogues) };
	const user: TeamCandidate = {
		id: 8,
		name: 'Rui',
		role: 'csm',
		reseller_id: null,
		disabled_at: null
	};
	const member = (team_role: AccountTeamMember['team_role']): AccountTeamMember => ({
		id: 30,
		account_id: 4,
		user_id: 8,
		team_role,
		version: 1,
		created_at: new Date()
	});

	it('leaves a membership alone when the file has no role column', () => {
		const row = { account_external_id: 'SF-1', email: 'rui@example.com', team_role: undefined };
		expect(checkTeamRow(2, row, ACCOUNT, user, [member('TAM')], context)).toMatchObject({
			ok: true,
			action: 'unchanged'
		});
		expect(checkTeamRow(2, row, ACCOUNT, user, [], context)).toEqual({
			line: 2,
			ok: false,
			errors: [{ field: 'team_role', key: 'import.error.notMapped' }]
		});
	});

	it('repeats a membership of someone disabled since without refusing it', () => {
		const disabled = { ...user, disabled_at: new Date() };
		const row = { account_external_id: 'SF-1', email: 'rui@example.com', team_role: 'tam' };
		expect(checkTeamRow(2, row, ACCOUNT, disabled, [member('TAM')], context)).toMatchObject({
			ok: true,
			action: 'unchanged'
		});
		expect(checkTeamRow(2, { ...row, team_role: 'AM' }, ACCOUNT, disabled, [], context)).toEqual({
			line: 2,
			ok: false,
			errors: [
				{
					field: 'email',
					key: 'import.error.userCannotJoin',
					params: { email: 'rui@example.com' }
				}
			]
		});
	});
});

describe('a usage row', () => {
	const context = (separator: ',' | ';'): UsageImportContext => ({
		separator,
		now: NOW,
		vocabularies: vocabularyLookups(USAGE_IMPORT_FIELDS, catalogues)
	});
	const STORED: UsageRecord = {
		id: 5,
		account_id: 4,
		metric: 'colocation_power_kva',
		month: '2026-10-01',
		entitled: 100,
		used: 80,
		version: 1,
		created_at: new Date(),
		updated_at: new Date()
	};

	it("reads a ';' file's decimal comma and keeps what a correction's file lacks", () => {
		const row = {
			account_external_id: 'SF-1',
			metric: 'Consumo de energia',
			month: '2026-10-01',
			entitled: undefined,
			used: '1.250,5'
		};
		const result = checkUsageRow(2, row, ACCOUNT, STORED, context(';'));
		expect(result).toMatchObject({
			ok: true,
			action: 'update',
			row: { month: '2026-10-01', values: { entitled: 100, used: 1250.5 } }
		});
	});

	it('judges "this month or later" in the account\'s time zone', () => {
		// 2026-12-01 03:00 UTC is still November in São Paulo.
		const late = { ...context(','), now: new Date('2026-12-01T02:00:00Z') };
		const row = {
			account_external_id: 'SF-1',
			metric: 'colocation_power_kva',
			month: '2026-12',
			entitled: '100',
			used: '80'
		};
		expect(checkUsageRow(2, row, ACCOUNT, null, late)).toMatchObject({
			ok: false,
			errors: [{ field: 'month', key: 'error.monthInFuture' }]
		});
	});
});

describe('a feedback row', () => {
	const context = (): FeedbackImportContext => ({
		now: NOW,
		vocabularies: vocabularyLookups(FEEDBACK_IMPORT_FIELDS, catalogues),
		themes: vocabularyLookup(
			FEEDBACK_THEMES,
			Object.fromEntries(
				FEEDBACK_THEMES.map((code) => [
					code,
					catalogues.map((m) => m[`feedbackTheme.${code}` as keyof typeof m])
				])
			)
		),
		schemas: new Map()
	});
	const STORED: Feedback = {
		id: 7,
		account_id: 4,
		kind: 'nps',
		score: 9,
		comment: '',
		source: 'cbr',
		contact_id: null,
		review_id: 12,
		received_on: '2026-11-02',
		themes: ['billing'],
		routed_team: null,
		status: 'new',
		segment: 'mid_market',
		region: 'latam',
		sales_channel: 'direct',
		csm_id: null,
		follow_up_task_id: null,
		created_by: null,
		external_id: 'R-1',
		version: 1,
		created_at: new Date(),
		updated_at: new Date()
	};
	const ROW = { account_external_id: 'SF-1', external_id: 'R-1' };

	it('reads theme labels in any language, and a blank status as no change', () => {
		const row = { ...ROW, themes: 'Facturación, portal lento', status: ' ' };
		expect(checkFeedbackRow(2, row, ACCOUNT, STORED, [], context())).toMatchObject({
			ok: true,
			action: 'update',
			row: { values: { themes: ['billing', 'portal-lento'], status: 'new', score: 9 } }
		});
		expect(
			checkFeedbackRow(2, { ...ROW, themes: 'billing' }, ACCOUNT, STORED, [], context())
		).toMatchObject({ ok: true, action: 'unchanged' });
	});

	it('refuses a kind its stored score does not fit, and a review response leaving review sources', () => {
		const row = { ...ROW, kind: 'csat', source: 'email' };
		expect(checkFeedbackRow(2, row, ACCOUNT, STORED, [], context())).toEqual({
			line: 2,
			ok: false,
			errors: [
				{ field: 'score', key: 'feedback.error.scoreForKind' },
				{ field: 'source', key: 'feedback.error.reviewNeedsReviewSource' }
			]
		});
	});
});

import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { MAX_THEMES } from '../../src/lib/domain/feedback';
import { parseFeedbackListQuery } from '../../src/lib/domain/feedback-list-query';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import { rebuildRollup } from '../../src/lib/server/feedback/feedback-rollup.repository';
import * as feedback from '../../src/lib/server/feedback/feedback.service';
import * as feedbackTab from '../../src/lib/server/feedback/feedback-tab.service';
import { completeTask, myWork } from '../../src/lib/server/tasks/my-work.service';
import { actions as listActions } from '../../src/routes/(app)/accounts/[accountId=id]/feedback/+page.server';
import { actions as editActions } from '../../src/routes/(app)/accounts/[accountId=id]/feedback/[feedbackId=id]/+page.server';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { QueryCounter } from '../support/query-counter';
import { useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every test makes its own accounts and users: rows are not rolled back between tests.
// Today is 18 November 2026: 12:00Z is 09:00 that day in São Paulo, 01:00 the 19th in Auckland.
const NOW = new Date('2026-11-18T12:00:00Z');

/** A CSM on the team (as CSM) of a fresh São Paulo account with one contact. */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, {
		time_zone: 'America/Sao_Paulo',
		segment: 'enterprise',
		region: 'latam',
		...values
	});
	await putOnTeam(t.db, account.id, csm);
	const contact = await makeContact(account.id, 'Ana Souza');
	return { csm, account, contact };
}

function makeContact(accountId: number, name: string) {
	return t.db
		.insertInto('contacts')
		.values({ account_id: accountId, name })
		.returningAll()
		.executeTakeFirstOrThrow();
}

/** A response as the capture form gives it; override what the test is about. */
function input(overrides: Partial<feedback.FeedbackInput> = {}): feedback.FeedbackInput {
	return {
		kind: 'nps',
		score: 9,
		comment: 'Smooth migration to the new cage.',
		source: 'survey',
		contact_id: null,
		review_id: null,
		received_on: '2026-11-10',
		themes: ['delivery'],
		tags: [],
		routed_team: null,
		status: 'new',
		...overrides
	};
}

const row = (id: number) =>
	t.db.selectFrom('feedback').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const taskOf = (id: number) =>
	t.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const auditOf = (entity: string, id: number) =>
	t.db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', entity)
		.where('entity_id', '=', id)
		.orderBy('id')
		.execute();

const query = (search = '') => parseFeedbackListQuery(new URLSearchParams(search));

/** Posts `fields` to a route action as `user`, the way SvelteKit would call it. */
async function post(
	action: (event: never) => unknown,
	user: SessionUser,
	params: Record<string, string>,
	fields: Record<string, string | string[]>
) {
	const body = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
	}
	const request = new Request('http://keel.test/', { method: 'POST', body });
	const event = { locals: { db: t.db, user }, request, params };
	try {
		return { result: await action(event as never) };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status };
		if (isRedirect(thrown)) return { redirect: thrown.location };
		throw thrown;
	}
}

/** The capture form's fields, as a browser posts them. */
function captureForm(overrides: Record<string, string | string[]> = {}) {
	return {
		kind: 'nps',
		score: '4',
		comment: 'Remote hands took two days.',
		source: 'call',
		contact_id: '',
		received_on: '2026-11-02',
		themes: ['response_time', 'support_quality'],
		tags: 'Remote hands',
		routed_team: '',
		status: 'new',
		...overrides
	};
}

/** Every monthly total that is not all zeros, in a stable order. */
async function rollupTotals(db: Db) {
	const monthly = await db.selectFrom('feedback_monthly').selectAll().execute();
	const themes = await db.selectFrom('feedback_theme_monthly').selectAll().execute();
	const key = (r: object) => JSON.stringify(r);
	return {
		monthly: monthly
			.filter((r) => r.responses !== 0)
			.map(key)
			.sort(),
		themes: themes
			.filter((r) => r.mentions !== 0)
			.map(key)
			.sort()
	};
}

describe('capturing feedback', () => {
	it("stores a response with the account's group and CSM as of today, audited", async () => {
		const { csm, account, contact } = await setup({ sales_channel: 'direct' });
		const { id, followUp } = await feedback.capture(
			t.db,
			csm,
			account.id,
			input({ contact_id: contact.id, tags: ['cage-access', 'delivery'] }),
			NOW
		);
		expect(followUp).toBeNull();
		const stored = await row(id);
		expect(stored).toMatchObject({
			account_id: account.id,
			kind: 'nps',
			score: 9,
			contact_id: contact.id,
			received_on: '2026-11-10',
			themes: ['delivery', 'cage-access'],
			status: 'new',
			segment: 'enterprise',
			region: 'latam',
			sales_channel: 'direct',
			csm_id: csm.id,
			follow_up_task_id: null,
			created_by: csm.id,
			version: 1
		});
		const audit = await auditOf('feedback', id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'create', actor_id: csm.id, account_id: account.id });
		expect(audit[0]!.after).toMatchObject({ name: 'NPS 9', score: 9 });

		// Moving the account later does not rewrite the group the response was given in.
		await t.db
			.updateTable('accounts')
			.set({ segment: 'smb' })
			.where('id', '=', account.id)
			.execute();
		expect((await row(id)).segment).toBe('enterprise');
	});

	it("gives a detractor's follow-up to the account's first CSM, due in two days in its zone", async () => {
		const { csm, account, contact } = await setup();
		const second = await makeUser(t.db, 'csm');
		await putOnTeam(t.db, account.id, second);
		await t.db.updateTable('users').set({ locale: 'pt-BR' }).where('id', '=', csm.id).execute();
		const manager = await makeUser(t.db, 'manager');
		const { id, followUp } = await feedback.capture(
			t.db,
			manager,
			account.id,
			input({ score: 4, contact_id: contact.id, comment: 'Remote hands were slow.' }),
			NOW
		);
		expect(followUp).toEqual({ task: 'created', owner: csm.name });
		const stored = await row(id);
		expect(stored.csm_id).toBe(csm.id);
		const forThem = await feedbackTab.getForAccount(t.db, manager, account.id, query(), NOW);
		expect(forThem.followUpOwner).toEqual({ name: csm.name, self: false, accountCsm: true });
		const forMe = await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW);
		expect(forMe.followUpOwner).toMatchObject({ self: true, accountCsm: true });
		const task = await taskOf(stored.follow_up_task_id!);
		expect(task).toMatchObject({
			account_id: account.id,
			owner_user_id: csm.id,
			due_date: '2026-11-20',
			source: 'feedback',
			status: 'open',
			description: 'Remote hands were slow.',
			// In the owner's language, naming the score and who gave it.
			title: 'Dar retorno sobre NPS 4 de Ana Souza'
		});
		expect(await auditOf('task', task.id)).toMatchObject([
			{ action: 'create', actor_id: manager.id }
		]);
		const work = await myWork(t.db, { ...csm, timeZone: 'UTC' }, NOW);
		expect(work.groups.flatMap((g) => g.tasks).map((x) => x.id)).toContain(task.id);
	});

	it('gives a CSAT of 2 or less a follow-up, and not a 3 or free text', async () => {
		const { csm, account } = await setup();
		const low = await feedback.capture(
			t.db,
			csm,
			account.id,
			input({ kind: 'csat', score: 2 }),
			NOW
		);
		expect(low.followUp).toEqual({ task: 'created', owner: csm.name });
		expect((await taskOf((await row(low.id)).follow_up_task_id!)).title).toBe(
			'Follow up on CSAT 2'
		);
		for (const ok of [
			input({ kind: 'csat', score: 3 }),
			input({ kind: 'comment', score: null, comment: 'Please add an API for cross-connects' })
		]) {
			const { id, followUp } = await feedback.capture(t.db, csm, account.id, ok, NOW);
			expect(followUp).toBeNull();
			expect((await row(id)).follow_up_task_id).toBeNull();
		}
	});

	it('without a CSM: the capturing CSM takes the follow-up; a manager gets none and is told', async () => {
		const account = await makeAccount(t.db, { time_zone: 'UTC' });
		const am = await makeUser(t.db, 'csm');
		await putOnTeam(t.db, account.id, am, 'AM');
		const asAm = await feedbackTab.getForAccount(t.db, am, account.id, query(), NOW);
		expect(asAm.followUpOwner).toEqual({ name: am.name, self: true, accountCsm: false });
		const mine = await feedback.capture(t.db, am, account.id, input({ score: 0 }), NOW);
		expect(mine.followUp).toEqual({ task: 'created', owner: am.name });
		expect((await row(mine.id)).csm_id).toBeNull();
		expect((await taskOf((await row(mine.id)).follow_up_task_id!)).owner_user_id).toBe(am.id);

		const manager = await makeUser(t.db, 'manager');
		const theirs = await feedback.capture(t.db, manager, account.id, input({ score: 1 }), NOW);
		expect(theirs.followUp).toEqual({ task: 'no_owner' });
		expect((await row(theirs.id)).follow_up_task_id).toBeNull();
		const page = await feedbackTab.getForAccount(t.db, manager, account.id, query(), NOW);
		expect(page.followUpOwner).toBeNull();
		expect(page.rows.find((r) => r.id === theirs.id)?.needsFollowUp).toBe(true);
	});

	it("refuses a date after today in the account's zone, a stranger's contact and review", async () => {
		const { csm, account } = await setup();
		await expectConflict(
			() => feedback.capture(t.db, csm, account.id, input({ received_on: '2026-11-19' }), NOW),
			'received_on'
		);
		// In Auckland it is already the 19th.
		const auckland = await setup({ time_zone: 'Pacific/Auckland' });
		const { id } = await feedback.capture(
			t.db,
			auckland.csm,
			auckland.account.id,
			input({ received_on: '2026-11-19' }),
			NOW
		);
		expect((await row(id)).received_on).toBe('2026-11-19');

		await expectConflict(
			() =>
				feedback.capture(t.db, csm, account.id, input({ contact_id: auckland.contact.id }), NOW),
			'contact_id'
		);
		await expectConflict(
			() => feedback.capture(t.db, csm, account.id, input({ status: 'routed' }), NOW),
			'routed_team'
		);
		await expectConflict(
			() =>
				feedback.capture(
					t.db,
					csm,
					account.id,
					input({
						themes: ['billing', 'pricing'],
						tags: Array.from({ length: 7 }, (_, i) => `t${i}`)
					}),
					NOW
				),
			'tags'
		);
		await expectConflict(
			() => feedback.capture(t.db, csm, account.id, input({ kind: 'csat', score: 7 }), NOW),
			'score'
		);
	});

	it('links feedback from a CBR to one of the account’s planned or held reviews', async () => {
		const { csm, account } = await setup();
		const other = await makeAccount(t.db);
		const review = async (accountId: number, status: 'planned' | 'held' | 'cancelled') =>
			(
				await t.db
					.insertInto('business_reviews')
					.values({
						account_id: accountId,
						kind: 'cbr',
						status,
						starts_at: new Date('2026-11-05T13:00:00Z'),
						time_zone: 'America/Sao_Paulo',
						attendees: '[]'
					})
					.returning('id')
					.executeTakeFirstOrThrow()
			).id;
		const held = await review(account.id, 'held');
		const page = await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW);
		expect(page.reviews).toEqual([{ id: held, kind: 'cbr', title: '', on: '2026-11-05' }]);

		const { id } = await feedback.capture(
			t.db,
			csm,
			account.id,
			input({ source: 'cbr', review_id: held }),
			NOW
		);
		expect((await row(id)).review_id).toBe(held);
		await expectConflict(
			() =>
				feedback.capture(t.db, csm, account.id, input({ source: 'call', review_id: held }), NOW),
			'review_id'
		);
		for (const stranger of [
			await review(other.id, 'held'),
			await review(account.id, 'cancelled')
		]) {
			await expectConflict(
				() =>
					feedback.capture(
						t.db,
						csm,
						account.id,
						input({ source: 'cbr', review_id: stranger }),
						NOW
					),
				'review_id'
			);
		}
	});
});

describe('who may do what', () => {
	it('lets CSMs on the team and managers write; refuses other CSMs, sales, partners and admins', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, account } = await setup({ reseller_id: reseller.id });
		const manager = await makeUser(t.db, 'manager');
		const { id } = await feedback.capture(t.db, manager, account.id, input(), NOW);
		await feedback.capture(t.db, csm, account.id, input(), NOW);
		const version = (await row(id)).version;

		const outsider = await makeUser(t.db, 'csm');
		const sales = await makeUser(t.db, 'sales');
		await putOnTeam(t.db, account.id, sales, 'AM');
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const admin = await makeUser(t.db, 'admin');
		const otherPartner = await makeUser(t.db, 'partner');

		for (const [who, refusal] of [
			[outsider, ForbiddenError],
			[sales, ForbiddenError],
			[partner, ForbiddenError],
			[admin, ForbiddenError],
			[otherPartner, NotFoundError]
		] as const) {
			await expect(feedback.capture(t.db, who, account.id, input(), NOW), who.role).rejects.toThrow(
				refusal
			);
			await expect(
				feedback.edit(t.db, who, account.id, id, version, input({ score: 0 }), NOW)
			).rejects.toThrow(refusal);
			await expect(
				feedback.route(t.db, who, account.id, id, version, {
					status: 'routed',
					routed_team: 'product'
				})
			).rejects.toThrow(refusal);
			await expect(feedback.remove(t.db, who, account.id, id, version)).rejects.toThrow(refusal);
		}
		// A CSM on the team edits but does not delete.
		await expect(feedback.remove(t.db, csm, account.id, id, version)).rejects.toThrow(
			ForbiddenError
		);
		expect(await row(id)).toMatchObject({ version: 1, score: 9, status: 'new' });
	});

	it('lets sales, admins and the reseller’s partner read the tab without a form; others 404', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, account } = await setup({ reseller_id: reseller.id });
		await feedback.capture(t.db, csm, account.id, input(), NOW);
		const readers = {
			csm,
			manager: await makeUser(t.db, 'manager'),
			sales: await makeUser(t.db, 'sales'),
			partner: await makeUser(t.db, 'partner', { resellerId: reseller.id }),
			admin: await makeUser(t.db, 'admin')
		};
		const can = async (who: SessionUser) =>
			(await feedbackTab.getForAccount(t.db, who, account.id, query(), NOW)).can;
		expect(await can(readers.csm)).toEqual({ write: true, remove: false });
		expect(await can(readers.manager)).toEqual({ write: true, remove: true });
		for (const who of [readers.sales, readers.partner, readers.admin]) {
			const page = await feedbackTab.getForAccount(t.db, who, account.id, query(), NOW);
			expect(page.can, who.role).toEqual({ write: false, remove: false });
			expect(page.total).toBe(1);
		}
		const otherPartner = await makeUser(t.db, 'partner');
		await expect(
			feedbackTab.getForAccount(t.db, otherPartner, account.id, query(), NOW)
		).rejects.toThrow(NotFoundError);
		// The edit page is for writers only.
		const [first] = (await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW)).rows;
		await expect(
			feedbackTab.getFeedback(t.db, readers.sales, account.id, first!.id)
		).rejects.toThrow(ForbiddenError);
		// A response is reached through its own account only.
		const elsewhere = await setup();
		await expect(
			feedbackTab.getFeedback(t.db, elsewhere.csm, elsewhere.account.id, first!.id)
		).rejects.toThrow(NotFoundError);
	});
});

describe('the form actions', () => {
	it('refuse sales and admins before reading the form', async () => {
		const { account } = await setup();
		const params = { accountId: String(account.id) };
		for (const role of ['sales', 'admin', 'partner'] as const) {
			const who = await makeUser(t.db, role);
			expect((await post(listActions.capture, who, params, captureForm())).status).toBe(403);
			expect(
				(await post(listActions.status, who, params, { id: '1', version: '1', status: 'new' }))
					.status
			).toBe(403);
		}
		const csm = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const { id } = await feedback.capture(t.db, manager, account.id, input(), NOW);
		const edit = { accountId: String(account.id), feedbackId: String(id) };
		expect((await post(editActions.delete, csm, edit, { version: '1' })).status).toBe(403);
		// A CSM off the team passes the role check, and the service refuses.
		expect((await post(listActions.capture, csm, params, captureForm())).status).toBe(403);
	});

	it('answer bad input at the field, keeping everything typed', async () => {
		const { csm, account } = await setup();
		const stranger = await setup();
		const params = { accountId: String(account.id) };
		const cases: [Record<string, string | string[]>, string, string][] = [
			[{ score: '11' }, 'score', 'feedback.error.npsScore'],
			[{ kind: 'csat', score: '0' }, 'score', 'feedback.error.csatScore'],
			[{ received_on: '2999-01-01' }, 'received_on', 'feedback.error.future'],
			[{ contact_id: String(stranger.contact.id) }, 'contact_id', 'error.contactNotOnAccount'],
			[
				{ tags: Array.from({ length: MAX_THEMES }, (_, i) => `tag ${i}`).join(', ') },
				'tags',
				'feedback.error.tooManyThemes'
			],
			[{ tags: 'x'.repeat(41) }, 'tags', 'feedback.error.tagTooLong'],
			[{ themes: ['billing', 'astrology'] }, 'themes', 'error.choice'],
			[{ status: 'acknowledged' }, 'routed_team', 'feedback.error.teamRequired']
		];
		for (const [change, field, key] of cases) {
			const fields = captureForm(change);
			const { result } = await post(listActions.capture, csm, params, fields);
			expect(isActionFailure(result), field).toBe(true);
			if (!isActionFailure(result)) continue;
			const data = result.data as unknown as {
				form: string;
				errors: Record<string, { key: string }>;
				values: Record<string, string>;
			};
			expect(result.status).toBe(400);
			expect(data.form).toBe('capture');
			expect(data.errors[field]?.key, JSON.stringify(change)).toBe(key);
			expect(data.values).toMatchObject({
				kind: fields.kind,
				score: fields.score,
				comment: fields.comment,
				received_on: fields.received_on,
				tags: fields.tags,
				themes: (fields.themes as string[]).join(',')
			});
		}
		const page = await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW);
		expect(page.total).toBe(0);

		const { result } = await post(listActions.capture, csm, params, captureForm());
		expect(result).toEqual({
			form: 'capture',
			saved: true,
			followUp: { task: 'created', owner: csm.name }
		});
		const [stored] = (await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW)).rows;
		expect(stored!.themes).toEqual(['response_time', 'support_quality', 'remote-hands']);
	});

	it('edit redirects to the list, and a stale version is refused with the input kept', async () => {
		const { csm, account } = await setup();
		const { id } = await feedback.capture(t.db, csm, account.id, input(), NOW);
		const params = { accountId: String(account.id), feedbackId: String(id) };
		const fields = captureForm({ score: '10', version: '1' });
		expect(await post(editActions.edit, csm, params, fields)).toEqual({
			redirect: `/accounts/${account.id}/feedback`
		});
		const { result } = await post(editActions.edit, csm, params, { ...fields, score: '8' });
		expect(isActionFailure(result) && result.status).toBe(409);
		expect(isActionFailure(result) && result.data).toMatchObject({
			stale: true,
			values: { score: '8' }
		});
		expect((await row(id)).score).toBe(10);
	});
});

describe('changing a response', () => {
	it('edits every field, version-checked and audited; a new detractor gets its follow-up', async () => {
		const { csm, account, contact } = await setup();
		const { id } = await feedback.capture(t.db, csm, account.id, input(), NOW);
		await feedback.edit(
			t.db,
			csm,
			account.id,
			id,
			1,
			input({
				score: 3,
				contact_id: contact.id,
				comment: 'Actually unhappy with the ticket handling',
				themes: ['support_quality'],
				tags: ['tickets'],
				routed_team: 'service_desk',
				status: 'routed'
			}),
			NOW
		);
		const after = await row(id);
		expect(after).toMatchObject({
			version: 2,
			score: 3,
			contact_id: contact.id,
			themes: ['support_quality', 'tickets'],
			routed_team: 'service_desk',
			status: 'routed'
		});
		expect((await taskOf(after.follow_up_task_id!)).title).toBe(
			'Follow up on NPS 3 from Ana Souza'
		);
		const audit = await auditOf('feedback', id);
		expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
		expect(audit[1]!.before).toMatchObject({ score: 9, version: 1 });
		expect(audit[1]!.after).toMatchObject({ score: 3, version: 2, name: 'NPS 3' });

		await expect(
			feedback.edit(t.db, csm, account.id, id, 1, input({ score: 10 }), NOW)
		).rejects.toThrow(StaleVersionError);
		// A second correction keeps the one follow-up.
		await feedback.edit(t.db, csm, account.id, id, 2, input({ score: 2 }), NOW);
		expect((await row(id)).follow_up_task_id).toBe(after.follow_up_task_id);
	});

	it('routes and moves the status from the row form; routed needs a team; stale is refused', async () => {
		const { csm, account } = await setup();
		const { id } = await feedback.capture(t.db, csm, account.id, input(), NOW);
		await expectConflict(
			() => feedback.route(t.db, csm, account.id, id, 1, { status: 'routed', routed_team: null }),
			'routed_team'
		);
		await feedback.route(t.db, csm, account.id, id, 1, {
			status: 'routed',
			routed_team: 'billing'
		});
		expect(await row(id)).toMatchObject({ status: 'routed', routed_team: 'billing', version: 2 });
		await expect(
			feedback.route(t.db, csm, account.id, id, 1, { status: 'closed_loop', routed_team: null })
		).rejects.toThrow(StaleVersionError);
		await feedback.route(t.db, csm, account.id, id, 2, {
			status: 'closed_loop',
			routed_team: 'billing'
		});
		expect((await auditOf('feedback', id)).map((a) => a.action)).toEqual([
			'create',
			'update',
			'update'
		]);
		// Through another account's URL it is not found.
		const other = await setup();
		await expect(
			feedback.route(t.db, other.csm, other.account.id, id, 3, {
				status: 'new',
				routed_team: null
			})
		).rejects.toThrow(NotFoundError);
	});

	it('lets a manager delete a response with its open follow-up, audited', async () => {
		const { csm, account } = await setup();
		const manager = await makeUser(t.db, 'manager');
		const { id } = await feedback.capture(t.db, csm, account.id, input({ score: 2 }), NOW);
		const taskId = (await row(id)).follow_up_task_id!;
		await expect(feedback.remove(t.db, manager, account.id, id, 2)).rejects.toThrow(
			StaleVersionError
		);
		await feedback.remove(t.db, manager, account.id, id, 1);
		expect(
			await t.db.selectFrom('feedback').select('id').where('id', '=', id).executeTakeFirst()
		).toBeUndefined();
		expect(
			await t.db.selectFrom('tasks').select('id').where('id', '=', taskId).executeTakeFirst()
		).toBeUndefined();
		expect((await auditOf('feedback', id)).map((a) => a.action)).toEqual(['create', 'delete']);
		expect((await auditOf('task', taskId)).map((a) => a.action)).toEqual(['create', 'delete']);
	});
});

describe('the follow-up in My work', () => {
	it('completes as a plain task: version-checked, audited, for those who may work it', async () => {
		const { csm, account } = await setup();
		const { id } = await feedback.capture(t.db, csm, account.id, input({ score: 5 }), NOW);
		const taskId = (await row(id)).follow_up_task_id!;
		const sales = await makeUser(t.db, 'sales');
		await expect(completeTask(t.db, sales, taskId, 1)).rejects.toThrow(ForbiddenError);
		await expect(completeTask(t.db, csm, taskId, 2)).rejects.toThrow(StaleVersionError);
		await completeTask(t.db, csm, taskId, 1);
		expect(await taskOf(taskId)).toMatchObject({
			status: 'done',
			completed_by: csm.id,
			version: 2
		});
		expect((await auditOf('task', taskId)).map((a) => a.action)).toEqual(['create', 'update']);
		const page = await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW);
		expect(page.rows.find((r) => r.id === id)).toMatchObject({ task_status: 'done' });
	});
});

describe('the Feedback tab', () => {
	it('pages and filters in SQL, newest first, and sums NPS, CSAT and themes', async () => {
		const { csm, account } = await setup();
		// 2025-11-18 is more than 12 months before today; 2025-11-19 is within them.
		const given: Partial<feedback.FeedbackInput>[] = [
			{ score: 10, received_on: '2026-11-01', themes: ['billing'] },
			{ score: 9, received_on: '2026-10-01', themes: ['billing', 'pricing'] },
			{ score: 7, received_on: '2026-07-15', themes: [] },
			{ score: 3, received_on: '2026-02-01', themes: ['billing'] },
			{ score: 0, received_on: '2025-11-18', themes: ['pricing'] },
			{ kind: 'csat', score: 5, received_on: '2026-09-09', themes: [] },
			{ kind: 'csat', score: 2, received_on: '2025-11-19', themes: ['reliability'] },
			{ kind: 'comment', score: null, received_on: '2026-11-02', themes: [], tags: ['api'] }
		];
		const manager = await makeUser(t.db, 'manager');
		for (const one of given) await feedback.capture(t.db, manager, account.id, input(one), NOW);
		for (let i = 0; i < 22; i++) {
			await feedback.capture(
				t.db,
				manager,
				account.id,
				input({ kind: 'comment', score: null, received_on: '2024-01-01', themes: [] }),
				NOW
			);
		}
		const first = await feedbackTab.getForAccount(t.db, csm, account.id, query(), NOW);
		expect(first.total).toBe(30);
		expect(first.pageCount).toBe(2);
		expect(first.rows).toHaveLength(25);
		expect(first.rows.slice(0, 3).map((r) => r.received_on)).toEqual([
			'2026-11-02',
			'2026-11-01',
			'2026-10-01'
		]);
		const second = await feedbackTab.getForAccount(t.db, csm, account.id, query('page=2'), NOW);
		expect(second.rows).toHaveLength(5);
		const csat = await feedbackTab.getForAccount(t.db, csm, account.id, query('kind=csat'), NOW);
		expect(csat.rows.map((r) => r.score)).toEqual([5, 2]);
		expect(csat.total).toBe(2);

		const { summary } = first;
		expect(summary.since).toBe('2025-11-19');
		// 12 months: promoters 10, 9; passive 7; detractor 3 → (2 − 1) / 4 = +25.
		expect(summary).toMatchObject({
			nps: 25,
			promoters: 2,
			passives: 1,
			detractors: 1,
			csat: 3.5,
			csatCount: 2,
			responses: 7
		});
		expect(summary.themes).toEqual([
			{ theme: 'billing', mentions: 3 },
			{ theme: 'api', mentions: 1 },
			{ theme: 'pricing', mentions: 1 },
			{ theme: 'reliability', mentions: 1 }
		]);
		expect(summary.quarters).toHaveLength(8);
		expect(summary.quarters[0]!.quarter).toBe('2025-01-01');
		const byQuarter = Object.fromEntries(summary.quarters.map((q) => [q.quarter, q]));
		expect(byQuarter['2026-10-01']).toEqual({ quarter: '2026-10-01', nps: 100, responses: 2 });
		expect(byQuarter['2026-07-01']).toEqual({ quarter: '2026-07-01', nps: 0, responses: 1 });
		expect(byQuarter['2026-01-01']).toEqual({ quarter: '2026-01-01', nps: -100, responses: 1 });
		expect(byQuarter['2025-10-01']).toEqual({ quarter: '2025-10-01', nps: -100, responses: 1 });
		expect(byQuarter['2026-04-01']).toEqual({ quarter: '2026-04-01', nps: null, responses: 0 });
	});

	it('costs the same number of queries for 3 responses as for 40', async () => {
		const queriesFor = async (n: number) => {
			const { csm, account } = await setup();
			for (let i = 0; i < n; i++) {
				await feedback.capture(t.db, csm, account.id, input({ score: i % 11 }), NOW);
			}
			const counter = new QueryCounter();
			await feedbackTab.getForAccount(t.db.withPlugin(counter), csm, account.id, query(), NOW);
			return counter.count;
		};
		expect(await queriesFor(40)).toBe(await queriesFor(3));
	});
});

describe('the monthly totals', () => {
	it('match a rebuild after captures, edits, routing and deletes', async () => {
		const { csm, account } = await setup({ sales_channel: 'direct' });
		const manager = await makeUser(t.db, 'manager');
		const a = await feedback.capture(t.db, csm, account.id, input({ tags: ['x'] }), NOW);
		const b = await feedback.capture(
			t.db,
			csm,
			account.id,
			input({ kind: 'csat', score: 4, received_on: '2026-08-30' }),
			NOW
		);
		const c = await feedback.capture(t.db, csm, account.id, input({ score: 2 }), NOW);
		await feedback.edit(
			t.db,
			csm,
			account.id,
			a.id,
			1,
			input({ score: 6, received_on: '2026-09-01', source: 'call', themes: ['billing'] }),
			NOW
		);
		await feedback.route(t.db, csm, account.id, b.id, 1, {
			status: 'routed',
			routed_team: 'product'
		});
		await feedback.remove(t.db, manager, account.id, c.id, 1);

		const kept = await rollupTotals(t.db);
		expect(kept.monthly.length).toBeGreaterThan(0);
		await rebuildRollup(t.db);
		expect(await rollupTotals(t.db)).toEqual(kept);
	});
});

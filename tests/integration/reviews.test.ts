import { isActionFailure } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { FLAGGED_STANDINGS } from '../../src/lib/domain/review';
import { parseReviewListQuery } from '../../src/lib/domain/review-list-query';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import type { Db } from '../../src/lib/server/db/database';
import { handleForm } from '../../src/lib/server/http/form-action';
import * as cadences from '../../src/lib/server/reviews/cadence.service';
import { reviewList } from '../../src/lib/server/reviews/review-list.service';
import { attendeesOf, scheduleFields } from '../../src/lib/server/reviews/review.schema';
import * as reviews from '../../src/lib/server/reviews/review.service';
import * as reviewView from '../../src/lib/server/reviews/review-view.service';
import { completeTask, myWork } from '../../src/lib/server/tasks/my-work.service';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Rows are not rolled back between tests: each test makes its own users and accounts, and list
// tests narrow to them. Wednesday 18 November 2026, 10:00Z is 11:00 in Amsterdam (+01:00) and
// 07:00 in São Paulo (−03:00).
const NOW = new Date('2026-11-18T10:00:00Z');

/** A CSM on the team of a fresh account (Amsterdam unless told), with one contact. */
async function setup(values: Parameters<typeof makeAccount>[1] = {}) {
	const csm = await makeUser(t.db, 'csm');
	const account = await makeAccount(t.db, { created_at: '2025-01-01T12:00:00Z', ...values });
	await putOnTeam(t.db, account.id, csm);
	const contact = await t.db
		.insertInto('contacts')
		.values({ account_id: account.id, name: 'Joana Prado', email: 'joana@cliente.com.br' })
		.returningAll()
		.executeTakeFirstOrThrow();
	return { csm, account, contact };
}

/** A review as the schedule form sends it; override what the test is about. */
function input(overrides: Partial<reviews.ReviewInput> = {}): reviews.ReviewInput {
	return {
		kind: 'cbr',
		title: 'Q4 business review',
		date: '2026-11-25',
		time: '14:00',
		duration_minutes: 90,
		location: 'Teams',
		agenda: 'Adoption, open escalations; the renewal',
		attendees: [],
		...overrides
	};
}

const row = (id: number) =>
	t.db.selectFrom('business_reviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

const auditOf = (entity: string, id: number) =>
	t.db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', entity)
		.where('entity_id', '=', id)
		.orderBy('id')
		.execute();

/** The refusal an action answered with, or the test fails. */
function failure(result: unknown) {
	if (!isActionFailure(result) || !result.data) throw new Error('expected a refusal');
	return result as unknown as {
		status: number;
		data: { form: string; errors: Record<string, unknown>; values: Record<string, string> };
	};
}

/** A review scheduled on `date` (a day before NOW) at 10:00 and recorded as held. */
async function heldReview(db: Db, csm: SessionUser, accountId: number, date: string, kind = 'cbr') {
	const id = await reviews.scheduleReview(
		db,
		csm,
		accountId,
		input({ kind: kind as 'cbr', date, time: '10:00' }),
		NOW
	);
	await reviews.recordHeld(
		db,
		csm,
		accountId,
		id,
		{ version: 1, notes: 'Went through adoption', decisions: '' },
		NOW
	);
	return id;
}

describe(`business reviews on ${ENGINE}`, () => {
	it("schedules at a wall-clock time in the account's zone, audited, and exports it as .ics", async () => {
		const { csm, account, contact } = await setup({
			time_zone: 'America/Sao_Paulo',
			name: 'Capixaba Logística'
		});
		const id = await reviews.scheduleReview(
			t.db,
			csm,
			account.id,
			input({ attendees: [`contact:${contact.id}`, `user:${csm.id}`, `user:${csm.id}`] }),
			NOW
		);
		const review = await row(id);
		expect(review.starts_at.toISOString()).toBe('2026-11-25T17:00:00.000Z'); // São Paulo is UTC−3
		expect(review).toMatchObject({
			status: 'planned',
			kind: 'cbr',
			time_zone: 'America/Sao_Paulo',
			version: 1,
			created_by: csm.id
		});
		// Ticked twice, attends once.
		expect(review.attendees).toEqual([
			{ kind: 'contact', id: contact.id },
			{ kind: 'user', id: csm.id }
		]);
		const audit = await auditOf('business_review', id);
		expect(audit.map((a) => [a.action, a.account_id, a.actor_id])).toEqual([
			['create', account.id, csm.id]
		]);
		expect(audit[0]!.after).toMatchObject({ name: 'Q4 business review', kind: 'cbr' });

		const ics = (await reviewView.reviewIcs(t.db, csm, account.id, id, 'en')).replace(/\r\n /g, '');
		expect(ics).toContain('UID:review-' + id + '@keel');
		expect(ics).toContain('DTSTART:20261125T170000Z');
		expect(ics).toContain('DTEND:20261125T183000Z');
		expect(ics).toContain('SUMMARY:CBR: Capixaba Logística — Q4 business review');
		expect(ics).toContain('DESCRIPTION:Adoption\\, open escalations\\; the renewal');
		expect(ics).toContain('CN="Joana Prado";ROLE=REQ-PARTICIPANT:mailto:joana@cliente.com.br');
		// Sales read it, in their language.
		const sales = await makeUser(t.db, 'sales');
		const survey = await reviews.scheduleReview(
			t.db,
			csm,
			account.id,
			input({ kind: 'survey_review', title: '' }),
			NOW
		);
		const pt = await reviewView.reviewIcs(t.db, sales, account.id, survey, 'pt-BR');
		expect(pt).toContain('SUMMARY:Revisão de pesquisa: Capixaba Logística\r\n');
	});

	it('refuses attendees from outside the account at the attendees field', async () => {
		const { csm, account } = await setup();
		const other = await setup();
		const stranger = await makeUser(t.db, 'csm');
		for (const attendee of [`user:${stranger.id}`, `contact:${other.contact.id}`, 'admin:1']) {
			await expectConflict(
				() => reviews.scheduleReview(t.db, csm, account.id, input({ attendees: [attendee] }), NOW),
				'attendees'
			);
		}
		const count = await t.db
			.selectFrom('business_reviews')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('account_id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(count.n).toBe(0);
	});

	it('gives bad input back to the form that sent it, with what the user typed', async () => {
		const { csm, account } = await setup();
		const stranger = await makeUser(t.db, 'csm');
		const form = new FormData();
		for (const [name, value] of Object.entries({
			kind: 'cbr',
			title: '   ',
			date: '2026-02-30',
			time: '25:00',
			duration_minutes: '1000',
			location: 'Sala 3',
			agenda: 'Roadmap',
			[`attendee:user:${csm.id}`]: 'on'
		})) {
			form.set(name, value);
		}
		const schedule = (data: FormData) =>
			handleForm('schedule', data, scheduleFields, (parsed) =>
				reviews.scheduleReview(
					t.db,
					csm,
					account.id,
					{ ...parsed, attendees: attendeesOf(data) },
					NOW
				)
			);
		const refused = failure(await schedule(form));
		expect(refused.status).toBe(400);
		expect(refused.data.form).toBe('schedule');
		expect(Object.keys(refused.data.errors).sort()).toEqual([
			'date',
			'duration_minutes',
			'time',
			'title'
		]);
		expect(refused.data.values).toMatchObject({
			date: '2026-02-30',
			location: 'Sala 3',
			agenda: 'Roadmap',
			[`attendee:user:${csm.id}`]: 'on'
		});

		// Valid fields, an attendee from elsewhere: refused at that field, every tick kept.
		const picked = new FormData();
		for (const [name, value] of Object.entries({
			kind: 'obr',
			title: 'Ops review',
			date: '2026-12-02',
			time: '09:30',
			duration_minutes: '60',
			location: '',
			agenda: '',
			[`attendee:user:${csm.id}`]: 'on',
			[`attendee:user:${stranger.id}`]: 'on'
		})) {
			picked.set(name, value);
		}
		const conflict = failure(await schedule(picked));
		expect(conflict.status).toBe(400);
		expect(conflict.data.errors).toEqual({ attendees: { key: 'error.choice' } });
		expect(conflict.data.values).toMatchObject({
			title: 'Ops review',
			[`attendee:user:${csm.id}`]: 'on',
			[`attendee:user:${stranger.id}`]: 'on'
		});
	});

	it('reschedules with the current version, refuses a stale one, and keeps history once held', async () => {
		const { csm, account } = await setup();
		const manager = await makeUser(t.db, 'manager');
		const id = await reviews.scheduleReview(t.db, csm, account.id, input(), NOW);
		await reviews.editReview(
			t.db,
			manager,
			account.id,
			id,
			{ ...input({ date: '2026-12-03', time: '15:30', kind: 'qbr' }), version: 1 },
			NOW
		);
		await expect(
			reviews.editReview(
				t.db,
				csm,
				account.id,
				id,
				{ ...input({ time: '16:00' }), version: 1 },
				NOW
			)
		).rejects.toBeInstanceOf(StaleVersionError);
		let review = await row(id);
		expect([review.starts_at.toISOString(), review.kind, review.version]).toEqual([
			'2026-12-03T14:30:00.000Z',
			'qbr',
			2
		]);
		const audit = await auditOf('business_review', id);
		expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
		expect(audit[1]!.before).toMatchObject({ kind: 'cbr', version: 1 });
		expect(audit[1]!.after).toMatchObject({ kind: 'qbr', version: 2 });

		// Moved into the past, then held: it can no longer be rescheduled or cancelled.
		await reviews.editReview(
			t.db,
			csm,
			account.id,
			id,
			{ ...input({ date: '2026-11-17' }), version: 2 },
			NOW
		);
		await reviews.recordHeld(
			t.db,
			csm,
			account.id,
			id,
			{ version: 3, notes: 'Good meeting', decisions: 'Pilot in Q1' },
			NOW
		);
		await expectConflict(
			() => reviews.editReview(t.db, csm, account.id, id, { ...input(), version: 4 }, NOW),
			'date'
		);
		await expectConflict(
			() => reviews.cancelReview(t.db, csm, account.id, id, { version: 4, reason: 'x' }, NOW),
			'reason'
		);
		review = await row(id);
		expect([review.status, review.version]).toEqual(['held', 4]);
	});

	it('records a review as held only once it has started, and revises its notes after', async () => {
		const { csm, account } = await setup();
		const id = await reviews.scheduleReview(
			t.db,
			csm,
			account.id,
			input({ date: '2026-11-18', time: '12:00' }),
			NOW
		);
		// 12:00 in Amsterdam is 11:00Z: an hour after NOW.
		await expectConflict(
			() =>
				reviews.recordHeld(
					t.db,
					csm,
					account.id,
					id,
					{ version: 1, notes: 'Early', decisions: '' },
					NOW
				),
			'notes'
		);
		const atNoon = new Date('2026-11-18T11:30:00Z');
		await reviews.recordHeld(
			t.db,
			csm,
			account.id,
			id,
			{ version: 1, notes: 'Adoption is up', decisions: 'Expand to Lisbon' },
			atNoon
		);
		// The health engagement inputs were read again in the same transaction.
		const inputs = await t.db
			.selectFrom('health_inputs')
			.select('read_at')
			.where('account_id', '=', account.id)
			.executeTakeFirstOrThrow();
		expect(inputs.read_at.toISOString()).toBe(atNoon.toISOString());

		await reviews.recordHeld(
			t.db,
			csm,
			account.id,
			id,
			{ version: 2, notes: 'Adoption is up 12 %', decisions: 'Expand to Lisbon' },
			atNoon
		);
		await expect(
			reviews.recordHeld(
				t.db,
				csm,
				account.id,
				id,
				{ version: 2, notes: 'Overwrite', decisions: '' },
				atNoon
			)
		).rejects.toBeInstanceOf(StaleVersionError);
		const review = await row(id);
		expect([review.status, review.notes, review.decisions, review.version]).toEqual([
			'held',
			'Adoption is up 12 %',
			'Expand to Lisbon',
			3
		]);
		expect((await auditOf('business_review', id)).map((a) => a.action)).toEqual([
			'create',
			'update',
			'update'
		]);
	});

	it('cancels a planned review with its reason; a cancelled one takes no notes or actions', async () => {
		const { csm, account } = await setup();
		const id = await reviews.scheduleReview(t.db, csm, account.id, input(), NOW);
		await reviews.cancelReview(
			t.db,
			csm,
			account.id,
			id,
			{ version: 1, reason: 'Customer asked to move to January' },
			NOW
		);
		const review = await row(id);
		expect([review.status, review.cancel_reason]).toEqual([
			'cancelled',
			'Customer asked to move to January'
		]);
		await expectConflict(
			() =>
				reviews.recordHeld(
					t.db,
					csm,
					account.id,
					id,
					{ version: 2, notes: 'x', decisions: '' },
					NOW
				),
			'notes'
		);
		await expectConflict(
			() =>
				reviews.addAction(t.db, csm, account.id, id, {
					title: 'Send deck',
					owner_id: csm.id,
					due_date: '2026-11-20'
				}),
			'title'
		);
		const audit = await auditOf('business_review', id);
		expect(audit.at(-1)!.after).toMatchObject({ status: 'cancelled' });
	});

	it('adds follow-ups as tasks in their owners’ My work and completes them through the review', async () => {
		const { csm, account } = await setup();
		const teammate = await makeUser(t.db, 'csm');
		await putOnTeam(t.db, account.id, teammate, 'TAM');
		const outsider = await makeUser(t.db, 'csm');
		const id = await heldReview(t.db, csm, account.id, '2026-11-16');

		await expectConflict(
			() =>
				reviews.addAction(t.db, csm, account.id, id, {
					title: 'Share the roadmap',
					owner_id: outsider.id,
					due_date: '2026-11-20'
				}),
			'owner_id'
		);
		const first = await reviews.addAction(t.db, csm, account.id, id, {
			title: 'Share the roadmap',
			owner_id: teammate.id,
			due_date: '2026-11-20'
		});
		const second = await reviews.addAction(t.db, csm, account.id, id, {
			title: 'Book the Lisbon site visit',
			owner_id: csm.id,
			due_date: '2026-11-19'
		});
		const task = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('id', '=', first)
			.executeTakeFirstOrThrow();
		expect(task).toMatchObject({
			source: 'review',
			owner_user_id: teammate.id,
			due_date: '2026-11-20',
			status: 'open',
			account_id: account.id
		});
		expect((await auditOf('task', first)).map((a) => a.action)).toEqual(['create']);

		const work = await myWork(t.db, { ...teammate, timeZone: 'Europe/Amsterdam' }, NOW);
		const listed = work.groups.flatMap((g) => g.tasks).find((x) => x.id === first);
		expect(listed).toMatchObject({
			review_id: id,
			review_kind: 'cbr',
			review_title: 'Q4 business review'
		});

		// Completing from My work goes through the review's own rules: version, access, audit.
		await expect(completeTask(t.db, outsider, first, 1)).rejects.toBeInstanceOf(ForbiddenError);
		await completeTask(t.db, teammate, first, 1);
		await expect(completeTask(t.db, teammate, first, 1)).rejects.toBeInstanceOf(StaleVersionError);
		const done = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('id', '=', first)
			.executeTakeFirstOrThrow();
		expect([done.status, done.completed_by, done.version]).toEqual(['done', teammate.id, 2]);
		expect((await auditOf('task', first)).map((a) => a.action)).toEqual(['create', 'update']);

		await reviews.changeAction(t.db, csm, first, 2, false, NOW);
		const detail = await reviewView.getReview(t.db, csm, account.id, id, NOW);
		expect(detail.actions.map((a) => [a.title, a.status, a.owner_name])).toEqual([
			['Book the Lisbon site visit', 'open', csm.name],
			['Share the roadmap', 'open', teammate.name]
		]);
		expect(second).toBeGreaterThan(first);
	});

	it('enforces each role on every read and write, refusals included', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, account } = await setup({ reseller_id: reseller.id });
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const otherPartner = await makeUser(t.db, 'partner');
		const offTeam = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const sales = await makeUser(t.db, 'sales');
		const admin = await makeUser(t.db, 'admin');
		const id = await heldReview(t.db, csm, account.id, '2026-11-10');
		const actionId = await reviews.addAction(t.db, csm, account.id, id, {
			title: 'Send the minutes',
			owner_id: csm.id,
			due_date: '2026-11-25'
		});

		// Reading: everyone who reads the account; another reseller's partner finds nothing.
		for (const reader of [csm, offTeam, manager, sales, partner, admin]) {
			const page = await reviewView.getForAccount(t.db, reader, account.id, 1, NOW);
			expect(
				page.reviews.map((r) => r.id),
				reader.role
			).toContain(id);
			const detail = await reviewView.getReview(t.db, reader, account.id, id, NOW);
			expect(detail.can.manage, reader.role).toBe(reader === csm || reader === manager);
			expect(detail.can.work, reader.role).toBe(
				reader === csm || reader === manager || reader === partner
			);
		}
		await expect(
			reviewView.getForAccount(t.db, otherPartner, account.id, 1, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			reviewView.getReview(t.db, otherPartner, account.id, id, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			reviewView.reviewIcs(t.db, otherPartner, account.id, id, 'en')
		).rejects.toBeInstanceOf(NotFoundError);
		// A review is found only under its own account.
		const elsewhere = await setup();
		await expect(
			reviewView.getReview(t.db, manager, elsewhere.account.id, id, NOW)
		).rejects.toBeInstanceOf(NotFoundError);

		// Running reviews: CSMs on the team and managers; nobody else.
		for (const refused of [offTeam, sales, partner, admin]) {
			await expect(
				reviews.scheduleReview(t.db, refused, account.id, input(), NOW),
				refused.role
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				reviews.recordHeld(
					t.db,
					refused,
					account.id,
					id,
					{ version: 2, notes: 'x', decisions: '' },
					NOW
				)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				reviews.addAction(t.db, refused, account.id, id, {
					title: 'x',
					owner_id: csm.id,
					due_date: '2026-11-30'
				})
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		await expect(
			reviews.scheduleReview(t.db, otherPartner, account.id, input(), NOW)
		).rejects.toBeInstanceOf(NotFoundError);
		const planned = await reviews.scheduleReview(t.db, manager, account.id, input(), NOW);
		for (const refused of [offTeam, sales, partner]) {
			await expect(
				reviews.cancelReview(t.db, refused, account.id, planned, { version: 1, reason: 'x' }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
			await expect(
				reviews.editReview(t.db, refused, account.id, planned, { ...input(), version: 1 }, NOW)
			).rejects.toBeInstanceOf(ForbiddenError);
		}

		// Working follow-ups: the reseller's partner CSM too; sales and strangers not.
		await expect(reviews.changeAction(t.db, sales, actionId, 1, true, NOW)).rejects.toBeInstanceOf(
			ForbiddenError
		);
		await expect(
			reviews.changeAction(t.db, otherPartner, actionId, 1, true, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
		await reviews.changeAction(t.db, partner, actionId, 1, true, NOW);
		await reviews.changeAction(t.db, partner, actionId, 2, false, NOW);
		const task = await t.db
			.selectFrom('tasks')
			.selectAll()
			.where('id', '=', actionId)
			.executeTakeFirstOrThrow();
		expect([task.status, task.version]).toEqual(['open', 3]);
		// Nothing the refused calls tried is on the record.
		expect((await row(id)).version).toBe(2);
		expect((await row(planned)).status).toBe('planned');
	});

	it("pages the account's reviews newest first and costs the same queries for 1 or 25", async () => {
		const { csm, account } = await setup();
		const big = await setup();
		await reviews.scheduleReview(t.db, csm, account.id, input(), NOW);
		for (let i = 0; i < 25; i++) {
			const day = String(1 + (i % 28)).padStart(2, '0');
			await reviews.scheduleReview(
				t.db,
				big.csm,
				big.account.id,
				input({ date: `2026-10-${day}`, time: `${String(8 + (i % 10)).padStart(2, '0')}:00` }),
				NOW
			);
		}
		const counted = async (accountId: number, page: number) => {
			const counter = new QueryCounter();
			const result = await reviewView.getForAccount(
				t.db.withPlugin(counter),
				csm,
				accountId,
				page,
				NOW
			);
			return { result, queries: counter.count };
		};
		const small = await counted(account.id, 1);
		const first = await counted(big.account.id, 1);
		const second = await counted(big.account.id, 2);
		expect(first.queries).toBe(small.queries);
		expect(small.queries).toBeLessThanOrEqual(8);
		expect([first.result.total, first.result.pageCount]).toEqual([25, 2]);
		expect(first.result.reviews).toHaveLength(20);
		expect(second.result.reviews).toHaveLength(5);
		const starts = [...first.result.reviews, ...second.result.reviews].map((r) =>
			r.starts_at.getTime()
		);
		expect(starts).toEqual([...starts].sort((a, b) => b - a));
		// Past and still planned: it needs recording.
		expect(first.result.reviews.every((r) => r.needsRecording)).toBe(true);
	});
});

describe(`review cadences on ${ENGINE}`, () => {
	/** Enterprise accounts of one fresh CSM, each in its own standing against CBR (3) and OBR (6). */
	async function portfolio() {
		const csm = await makeUser(t.db, 'csm');
		const make = async (name: string, values: Parameters<typeof makeAccount>[1] = {}) => {
			const account = await makeAccount(t.db, {
				name,
				segment: 'enterprise',
				created_at: '2025-01-01T12:00:00Z',
				...values
			});
			await putOnTeam(t.db, account.id, csm);
			return account;
		};
		const a = await make('Alfa');
		// CBR held 1 September: due 1 December, 13 days out, none planned. No OBR ever: overdue.
		await heldReview(t.db, csm, a.id, '2026-09-01');
		const b = await make('Bravo');
		// CBR due 1 January, planned 1 February: late. OBR held 1 October: due 1 April.
		await heldReview(t.db, csm, b.id, '2026-10-01');
		await heldReview(t.db, csm, b.id, '2026-10-01', 'obr');
		await reviews.scheduleReview(t.db, csm, b.id, input({ date: '2027-02-01' }), NOW);
		const c = await make('Charlie');
		// CBR due 20 November, planned the 19th: in time. OBR planned, but long overdue: late.
		await heldReview(t.db, csm, c.id, '2026-08-20');
		await reviews.scheduleReview(t.db, csm, c.id, input({ date: '2026-11-19' }), NOW);
		await reviews.scheduleReview(t.db, csm, c.id, input({ kind: 'obr', date: '2026-11-25' }), NOW);
		// A cancelled review plans nothing.
		const dropped = await reviews.scheduleReview(
			t.db,
			csm,
			a.id,
			input({ date: '2026-11-28' }),
			NOW
		);
		await reviews.cancelReview(t.db, csm, a.id, dropped, { version: 1, reason: 'Moved' }, NOW);
		// Mid-market (CBR every 6 months), customer since October: first due in April.
		const d = await make('Delta', { segment: 'mid_market', created_at: '2026-10-01T12:00:00Z' });
		return { csm, a, b, c, d };
	}

	it("tells each account's standing against its segment's cadences", async () => {
		const { a, b, c, d } = await portfolio();
		const standings = async (accountId: number) =>
			Object.fromEntries(
				(await cadences.accountStandings(t.db, accountId, NOW)).map((s) => [s.kind, s])
			);
		expect(await standings(a.id)).toMatchObject({
			cbr: { everyMonths: 3, lastHeld: '2026-09-01', dueOn: '2026-12-01', standing: 'unscheduled' },
			obr: { everyMonths: 6, lastHeld: null, dueOn: '2025-07-01', standing: 'overdue' }
		});
		expect(await standings(b.id)).toMatchObject({
			cbr: { dueOn: '2027-01-01', nextPlanned: '2027-02-01', standing: 'late' },
			obr: { dueOn: '2027-04-01', nextPlanned: null, standing: 'not_due' }
		});
		expect(await standings(c.id)).toMatchObject({
			cbr: { dueOn: '2026-11-20', nextPlanned: '2026-11-19', standing: 'scheduled' },
			obr: { dueOn: '2025-07-01', nextPlanned: '2026-11-25', standing: 'late' }
		});
		expect(await standings(d.id)).toEqual({
			cbr: {
				kind: 'cbr',
				everyMonths: 6,
				lastHeld: null,
				nextPlanned: null,
				dueOn: '2027-04-01',
				standing: 'not_due'
			}
		});
	});

	it('keeps each account’s last held and next planned review of each kind in step with its reviews', async () => {
		const { csm, account } = await setup();
		const facts = () =>
			t.db
				.selectFrom('account_review_facts')
				.select(['kind', 'last_held_on', 'next_planned_on'])
				.where('account_id', '=', account.id)
				.orderBy('kind')
				.execute();
		const past = await reviews.scheduleReview(
			t.db,
			csm,
			account.id,
			input({ date: '2026-11-02', time: '10:00' }),
			NOW
		);
		const next = await reviews.scheduleReview(t.db, csm, account.id, input(), NOW);
		await reviews.scheduleReview(
			t.db,
			csm,
			account.id,
			input({ kind: 'obr', date: '2026-12-09' }),
			NOW
		);
		expect(await facts()).toEqual([
			{ kind: 'cbr', last_held_on: null, next_planned_on: '2026-11-02' },
			{ kind: 'obr', last_held_on: null, next_planned_on: '2026-12-09' }
		]);

		await reviews.recordHeld(
			t.db,
			csm,
			account.id,
			past,
			{ version: 1, notes: 'Done', decisions: '' },
			NOW
		);
		await reviews.cancelReview(t.db, csm, account.id, next, { version: 1, reason: 'Moved' }, NOW);
		expect((await facts())[0]).toEqual({
			kind: 'cbr',
			last_held_on: '2026-11-02',
			next_planned_on: null
		});
	});

	it('lists the flagged accounts in SQL exactly as the domain rule flags them, most overdue first', async () => {
		const { csm, a, b, c, d } = await portfolio();
		const manager = await makeUser(t.db, 'manager');
		const query = parseReviewListQuery(
			new URLSearchParams({ view: 'cadence', csm: String(csm.id) })
		);
		const list = await reviewList(t.db, manager, query, NOW);
		const expected = [];
		for (const account of [a, b, c, d]) {
			for (const s of await cadences.accountStandings(t.db, account.id, NOW)) {
				if ((FLAGGED_STANDINGS as readonly string[]).includes(s.standing)) {
					expected.push({
						account_id: account.id,
						kind: s.kind,
						due_on: s.dueOn,
						standing: s.standing
					});
				}
			}
		}
		expect(
			list.flags.map((f) => ({
				account_id: f.account_id,
				kind: f.kind,
				due_on: f.due_on,
				standing: f.standing
			}))
		).toEqual(
			expected.sort(
				(x, y) =>
					x.due_on.localeCompare(y.due_on) ||
					x.account_id - y.account_id ||
					x.kind.localeCompare(y.kind)
			)
		);
		expect(list.total).toBe(4);
		expect(list.counts).toEqual({ overdue: 1, unscheduled: 1, late: 2 });
		expect(list.flags[0]).toMatchObject({ account_name: 'Alfa', kind: 'obr', csm_name: csm.name });

		// Narrowed by kind, and the CSM's own default is their accounts.
		const obr = await reviewList(
			t.db,
			csm,
			parseReviewListQuery(new URLSearchParams({ view: 'cadence', kind: 'obr' })),
			NOW
		);
		expect(obr.flags.map((f) => [f.account_id, f.standing])).toEqual([
			[a.id, 'overdue'],
			[c.id, 'late']
		]);
		const midMarket = await reviewList(
			t.db,
			csm,
			parseReviewListQuery(new URLSearchParams({ view: 'cadence', segment: 'mid_market' })),
			NOW
		);
		expect(midMarket.total).toBe(0);
	});

	it('lets only an admin add, change and remove cadences, audited and version-checked', async () => {
		const admin = await makeUser(t.db, 'admin');
		for (const refused of ['csm', 'manager', 'sales', 'partner'] as const) {
			const user = await makeUser(t.db, refused);
			await expect(cadences.getCadences(t.db, user), refused).rejects.toBeInstanceOf(
				ForbiddenError
			);
			await expect(
				cadences.addCadence(t.db, user, { segment: 'smb', kind: 'qbr', every_months: 3 })
			).rejects.toBeInstanceOf(ForbiddenError);
		}
		const { cadences: seeded } = await cadences.getCadences(t.db, admin);
		expect(seeded.map((c) => [c.segment, c.kind, c.every_months])).toEqual(
			expect.arrayContaining([
				['enterprise', 'cbr', 3],
				['enterprise', 'obr', 6],
				['mid_market', 'cbr', 6],
				['smb', 'cbr', 12]
			])
		);

		await cadences.addCadence(t.db, admin, { segment: 'smb', kind: 'ebr', every_months: 12 });
		await expectConflict(
			() => cadences.addCadence(t.db, admin, { segment: 'smb', kind: 'ebr', every_months: 6 }),
			'kind'
		);
		await cadences.saveCadence(t.db, admin, {
			segment: 'smb',
			kind: 'ebr',
			every_months: 9,
			version: 1
		});
		await expect(
			cadences.saveCadence(t.db, admin, {
				segment: 'smb',
				kind: 'ebr',
				every_months: 3,
				version: 1
			})
		).rejects.toBeInstanceOf(StaleVersionError);
		await expect(
			cadences.removeCadence(t.db, admin, { segment: 'smb', kind: 'ebr', version: 1 })
		).rejects.toBeInstanceOf(StaleVersionError);
		const saved = await t.db
			.selectFrom('review_cadences')
			.selectAll()
			.where('segment', '=', 'smb')
			.where('kind', '=', 'ebr')
			.executeTakeFirstOrThrow();
		expect([saved.every_months, saved.version]).toEqual([9, 2]);
		await cadences.removeCadence(t.db, admin, { segment: 'smb', kind: 'ebr', version: 2 });
		const audit = await auditOf('review_cadence', cadences.cadenceEntityId('smb', 'ebr'));
		expect(audit.map((x) => [x.action, x.actor_id])).toEqual([
			['create', admin.id],
			['update', admin.id],
			['delete', admin.id]
		]);
		expect(audit[1]!.before).toMatchObject({ every_months: 12 });
		expect(audit[1]!.after).toMatchObject({ every_months: 9 });
		expect(
			await t.db
				.selectFrom('review_cadences')
				.select('kind')
				.where('segment', '=', 'smb')
				.where('kind', '=', 'ebr')
				.executeTakeFirst()
		).toBeUndefined();
	});
});

describe(`the reviews list on ${ENGINE}`, () => {
	it('splits planned reviews into upcoming and needing recording, scoped by role', async () => {
		const reseller = await makeReseller(t.db);
		const { csm, account } = await setup({ region: 'latam', segment: 'enterprise' });
		const sold = await makeAccount(t.db, { reseller_id: reseller.id, region: 'emea' });
		await putOnTeam(t.db, sold.id, csm);
		const other = await setup();
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const sales = await makeUser(t.db, 'sales');
		const admin = await makeUser(t.db, 'admin');

		const soon = await reviews.scheduleReview(
			t.db,
			csm,
			account.id,
			input({ date: '2026-11-20' }),
			NOW
		);
		const later = await reviews.scheduleReview(
			t.db,
			csm,
			sold.id,
			input({ kind: 'obr', date: '2026-12-15' }),
			NOW
		);
		const past = await reviews.scheduleReview(
			t.db,
			csm,
			sold.id,
			input({ date: '2026-11-10' }),
			NOW
		);
		const held = await heldReview(t.db, csm, account.id, '2026-11-05');
		const others = await reviews.scheduleReview(
			t.db,
			other.csm,
			other.account.id,
			input({ date: '2026-11-21' }),
			NOW
		);
		const list = (user: SessionUser, params: Record<string, string> = {}) =>
			reviewList(t.db, user, parseReviewListQuery(new URLSearchParams(params)), NOW);

		// A CSM's default is their own accounts.
		const mine = await list(csm);
		expect(mine.csm).toBe(csm.id);
		expect(mine.reviews.map((r) => r.id)).toEqual([soon, later]);
		expect(mine.total).toBe(2);
		const overdue = await list(csm, { view: 'overdue' });
		expect(overdue.reviews.map((r) => r.id)).toEqual([past]);
		expect(overdue.reviews.map((r) => r.id)).not.toContain(held);
		expect((await list(csm, { kind: 'obr' })).reviews.map((r) => r.id)).toEqual([later]);
		expect((await list(csm, { region: 'latam' })).reviews.map((r) => r.id)).toEqual([soon]);
		expect((await list(csm, { segment: 'enterprise' })).reviews.map((r) => r.id)).toEqual([soon]);
		// Everyone's, on request.
		const everyone = (await list(csm, { csm: 'all' })).reviews.map((r) => r.id);
		expect(everyone).toEqual(expect.arrayContaining([soon, later, others]));

		// A partner sees their reseller's customers only; sales read everything.
		const partnerView = await list(partner);
		expect(partnerView.reviews.map((r) => r.id)).toEqual([later]);
		expect((await list(partner, { view: 'overdue' })).reviews.map((r) => r.id)).toEqual([past]);
		expect((await list(sales)).reviews.map((r) => r.id)).toEqual(
			expect.arrayContaining([soon, later, others])
		);
		await expect(list(admin)).rejects.toBeInstanceOf(ForbiddenError);

		// My work: reviews of the next seven days on the user's accounts.
		const work = await myWork(t.db, { ...csm, timeZone: 'Europe/Amsterdam' }, NOW);
		expect(work.upcomingReviews.map((r) => r.id)).toEqual([soon]);
	});

	it('costs the same queries for a short page and a full one', async () => {
		const { csm, account } = await setup({ region: 'apac' });
		for (let i = 0; i < 30; i++) {
			await reviews.scheduleReview(
				t.db,
				csm,
				account.id,
				input({ date: `2026-12-${String(1 + (i % 28)).padStart(2, '0')}` }),
				NOW
			);
		}
		const fresh = await makeUser(t.db, 'csm');
		const counted = async (user: SessionUser, view: string) => {
			const counter = new QueryCounter();
			const result = await reviewList(
				t.db.withPlugin(counter),
				user,
				parseReviewListQuery(new URLSearchParams({ view })),
				NOW
			);
			return { result, queries: counter.count };
		};
		for (const view of ['upcoming', 'overdue', 'cadence']) {
			const empty = await counted(fresh, view);
			const full = await counted(csm, view);
			expect(full.queries, view).toBe(empty.queries);
			expect(full.queries, view).toBeLessThanOrEqual(3);
		}
		const full = await counted(csm, 'upcoming');
		expect([full.result.total, full.result.reviews.length]).toEqual([30, 25]);
	});

	it('answers not found for a review or follow-up that does not exist', async () => {
		const { csm, account } = await setup();
		await expect(
			reviewView.getReview(t.db, csm, account.id, 2_000_000_000, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			reviews.recordHeld(
				t.db,
				csm,
				account.id,
				2_000_000_000,
				{ version: 1, notes: 'x', decisions: '' },
				NOW
			)
		).rejects.toBeInstanceOf(NotFoundError);
		await expect(
			reviews.changeAction(t.db, csm, 2_000_000_000, 1, true, NOW)
		).rejects.toBeInstanceOf(NotFoundError);
	});
});

import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../../src/lib/domain/errors';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as calendar from '../../src/lib/server/calendar/calendar-feed.service';
import type { Db } from '../../src/lib/server/db/database';
import * as kickoff from '../../src/lib/server/onboarding/kickoff.service';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import { makeAccount, makeReseller, makeUser, putOnTeam } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { QueryCounter } from '../support/query-counter';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Every test makes its own accounts and users: rows are not rolled back between tests.
const NOW = new Date('2026-11-25T12:00:00Z');
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY);

interface Component {
	name: string;
	props: Map<string, string>;
}

/**
 * Reads a calendar as a strict client would: CRLF only, no physical line over 75 octets,
 * continuation lines unfolded, every line NAME[;PARAM=…]:value, BEGIN/END balanced. Returns the
 * VEVENTs, each property by name (parameters kept in the key: `DTSTART;VALUE=DATE`).
 */
function parseIcs(text: string): { calendar: Map<string, string>; events: Component[] } {
	expect(text.endsWith('\r\n')).toBe(true);
	const physical = text.slice(0, -2).split('\r\n');
	for (const line of physical) {
		expect(line).not.toMatch(/[\r\n]/);
		expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
	}
	const lines: string[] = [];
	for (const line of physical) {
		if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
		else lines.push(line);
	}
	const stack: Component[] = [];
	const events: Component[] = [];
	let top: Component | undefined;
	for (const line of lines) {
		const match = /^([A-Z-]+(?:;[A-Z-]+=[^:;]+)*):(.*)$/.exec(line);
		expect(match, line).not.toBeNull();
		const [, key, value] = match!;
		if (key === 'BEGIN') {
			stack.push({ name: value!, props: new Map() });
			continue;
		}
		if (key === 'END') {
			const done = stack.pop();
			expect(done?.name).toBe(value);
			if (done?.name === 'VEVENT') events.push(done);
			if (done?.name === 'VCALENDAR') top = done;
			continue;
		}
		stack.at(-1)!.props.set(key!, value!);
	}
	expect(stack).toEqual([]);
	expect(top?.props.get('VERSION')).toBe('2.0');
	return { calendar: top!.props, events };
}

const uids = (events: Component[]) => events.map((e) => e.props.get('UID')!);

async function review(
	accountId: number,
	values: {
		by: SessionUser;
		at: Date;
		attendees?: number[];
		title?: string;
		status?: 'planned' | 'cancelled';
	}
) {
	const row = await t.db
		.insertInto('business_reviews')
		.values({
			account_id: accountId,
			kind: 'cbr',
			title: values.title ?? 'Quarterly review',
			status: values.status ?? 'planned',
			starts_at: values.at,
			time_zone: 'UTC',
			attendees: JSON.stringify((values.attendees ?? []).map((id) => ({ kind: 'user', id }))),
			created_by: values.by.id
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function task(
	accountId: number,
	owner: SessionUser,
	due: string,
	status: 'open' | 'done' = 'open'
) {
	const row = await t.db
		.insertInto('tasks')
		.values({
			account_id: accountId,
			title: 'Send the renewal quote',
			owner_user_id: owner.id,
			due_date: due,
			status,
			completed_at: status === 'done' ? NOW : null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

async function feedOf(user: SessionUser) {
	const token = await calendar.createFeed(t.db, user, NOW);
	return { token, read: async () => parseIcs(await calendar.calendarFeed(t.db, token, NOW)) };
}

async function expectNotFound(run: () => Promise<unknown>) {
	await expect(run()).rejects.toBeInstanceOf(NotFoundError);
}

describe(`calendar feeds on ${ENGINE}`, () => {
	it('serves the user’s reviews, kick-offs and due tasks in the window, and nobody else’s', async () => {
		const csm = await makeUser(t.db, 'csm');
		const manager = await makeUser(t.db, 'manager');
		const se = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db, { name: 'Capixaba Logística', time_zone: 'UTC' });
		await putOnTeam(t.db, account.id, csm);
		await putOnTeam(t.db, account.id, se, 'SE');
		const onboardingId = await onboarding.start(t.db, csm, account.id, {
			template_version_id: await makeTemplate(t.db),
			start_date: '2026-11-22',
			target_go_live: '2027-03-01',
			skip_pre_onboarding: false,
			skip_reason: ''
		});
		await kickoff.scheduleKickoff(t.db, csm, account.id, onboardingId, {
			duration_minutes: 90,
			location: 'Google Meet',
			agenda: 'Escopo, papéis; cronograma',
			notes: '',
			date: '2026-12-01',
			time: '10:00',
			attendees: [`user:${se.id}`],
			version: null
		});
		const meeting = await t.db
			.selectFrom('kickoff_meetings')
			.select(['id', 'version'])
			.where('onboarding_id', '=', onboardingId)
			.executeTakeFirstOrThrow();
		const long = 'Revisão executiva com a diretoria — metas de adoção, renovação e expansão 2027';
		const own = await review(account.id, { by: csm, at: daysFromNow(10), title: long });
		const attended = await review(account.id, {
			by: manager,
			at: daysFromNow(20),
			attendees: [csm.id],
			status: 'cancelled'
		});
		const notMine = await review(account.id, { by: manager, at: daysFromNow(5) });
		const tooLate = await review(account.id, { by: csm, at: daysFromNow(200) });
		const tooEarly = await review(account.id, { by: csm, at: daysFromNow(-40) });
		const due = await task(account.id, csm, '2026-11-30');
		const overdue = await task(account.id, csm, '2026-11-10');
		const done = await task(account.id, csm, '2026-11-30', 'done');
		const others = await task(account.id, se, '2026-11-30');

		const { calendar: head, events } = await (await feedOf(csm)).read();
		expect(head.get('X-WR-CALNAME')).toBe(`Keel — ${csm.name}`);
		const ids = uids(events);
		for (const uid of [
			`review-${own}@keel`,
			`review-${attended}@keel`,
			`kickoff-${meeting.id}@keel`,
			`task-${due}@keel`,
			`task-${overdue}@keel`
		]) {
			expect(ids).toContain(uid);
		}
		for (const uid of [
			`review-${notMine}@keel`,
			`review-${tooLate}@keel`,
			`review-${tooEarly}@keel`,
			`task-${done}@keel`,
			`task-${others}@keel`
		]) {
			expect(ids).not.toContain(uid);
		}
		// The onboarding's own checklist items are the CSM's tasks too: only theirs, all-day.
		const csmTasks = await t.db
			.selectFrom('tasks')
			.select('id')
			.where('owner_user_id', '=', csm.id)
			.where('status', '=', 'open')
			.execute();
		const taskUids = ids.filter((uid) => uid.startsWith('task-'));
		for (const uid of taskUids) {
			expect(csmTasks.map((r) => `task-${r.id}@keel`)).toContain(uid);
		}
		expect(new Set(ids).size).toBe(ids.length);

		const byUid = new Map(events.map((e) => [e.props.get('UID'), e.props]));
		const mine = byUid.get(`review-${own}@keel`)!;
		// TEXT escapes its commas (RFC 5545 §3.3.11).
		expect(mine.get('SUMMARY')).toBe(`CBR: Capixaba Logística — ${long.replace(/,/g, '\\,')}`);
		expect(mine.get('DTSTART')).toBe('20261205T120000Z');
		expect(mine.get('DTEND')).toBe('20261205T130000Z');
		expect(mine.get('SEQUENCE')).toBe('1');
		expect(mine.get('DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
		expect(byUid.get(`review-${attended}@keel`)!.get('STATUS')).toBe('CANCELLED');
		const kick = byUid.get(`kickoff-${meeting.id}@keel`)!;
		expect(kick.get('SUMMARY')).toBe('Kick-off: Capixaba Logística');
		expect(kick.get('DTSTART')).toBe('20261201T100000Z');
		expect(kick.get('SEQUENCE')).toBe(String(meeting.version));
		expect(kick.get('DESCRIPTION')).toBe('Escopo\\, papéis\\; cronograma');
		const todo = byUid.get(`task-${due}@keel`)!;
		expect(todo.get('DTSTART;VALUE=DATE')).toBe('20261130');
		expect(todo.get('DTEND;VALUE=DATE')).toBe('20261201');
		expect(todo.get('SUMMARY')).toBe('Due: Send the renewal quote (Capixaba Logística)');

		// An attendee sees the kick-off; the manager, who neither scheduled nor attends, does not.
		const seFeed = uids((await (await feedOf(se)).read()).events);
		expect(seFeed).toContain(`kickoff-${meeting.id}@keel`);
		expect(seFeed).toContain(`task-${others}@keel`);
		const managerFeed = uids((await (await feedOf(manager)).read()).events);
		expect(managerFeed).toEqual(
			expect.arrayContaining([`review-${attended}@keel`, `review-${notMine}@keel`])
		);
		expect(managerFeed).not.toContain(`kickoff-${meeting.id}@keel`);
	});

	it('words the feed in the user’s language', async () => {
		const csm = await makeUser(t.db, 'csm');
		await t.db.updateTable('users').set({ locale: 'pt-BR' }).where('id', '=', csm.id).execute();
		const account = await makeAccount(t.db, { name: 'Aguilar Pagos' });
		await task(account.id, csm, '2026-12-02');
		const { events } = await (await feedOf(csm)).read();
		expect(events[0]!.props.get('SUMMARY')).toBe('Prazo: Send the renewal quote (Aguilar Pagos)');
	});

	it('stores only the token’s hash; a new address kills the old, turning off kills both', async () => {
		const csm = await makeUser(t.db, 'csm');
		const first = await calendar.createFeed(t.db, csm, NOW);
		const row = await t.db
			.selectFrom('calendar_feeds')
			.select('token_hash')
			.where('user_id', '=', csm.id)
			.executeTakeFirstOrThrow();
		expect(row.token_hash).not.toContain(first);
		expect(row.token_hash).toBe(calendar.feedTokenHash(first));
		expect(first).toMatch(/^[a-z2-7]{32}$/);
		await calendar.calendarFeed(t.db, first, NOW);
		expect(await calendar.feedStatus(t.db, csm)).toEqual({ active: true, createdAt: NOW });

		const second = await calendar.createFeed(t.db, csm, NOW);
		expect(second).not.toBe(first);
		await expectNotFound(() => calendar.calendarFeed(t.db, first, NOW));
		await calendar.calendarFeed(t.db, second, NOW);

		await calendar.removeFeed(t.db, csm);
		await expectNotFound(() => calendar.calendarFeed(t.db, second, NOW));
		expect(await calendar.feedStatus(t.db, csm)).toEqual({ active: false, createdAt: null });
		await expectNotFound(() => calendar.calendarFeed(t.db, 'not-a-token', NOW));
		await expectNotFound(() => calendar.calendarFeed(t.db, '', NOW));
	});

	it('follows the user’s access today: disabled is not found, a partner sees their reseller only', async () => {
		const reseller = await makeReseller(t.db);
		const account = await makeAccount(t.db, { reseller_id: reseller.id, name: 'Sold through' });
		const partner = await makeUser(t.db, 'partner', { resellerId: reseller.id });
		const due = await task(account.id, partner, '2026-11-28');
		const { token, read } = await feedOf(partner);
		expect(uids((await read()).events)).toEqual([`task-${due}@keel`]);

		const moved = await makeReseller(t.db);
		await t.db
			.updateTable('users')
			.set({ reseller_id: moved.id })
			.where('id', '=', partner.id)
			.execute();
		expect((await read()).events).toEqual([]);

		await t.db
			.updateTable('users')
			.set({ disabled_at: NOW })
			.where('id', '=', partner.id)
			.execute();
		await expectNotFound(() => calendar.calendarFeed(t.db, token, NOW));
	});

	it('costs the same few queries for an empty feed as for a full one', async () => {
		const counter = new QueryCounter();
		const db: Db = t.db.withPlugin(counter);
		const empty = await makeUser(t.db, 'csm');
		const busy = await makeUser(t.db, 'csm');
		const account = await makeAccount(t.db);
		for (let i = 0; i < 12; i++) {
			await task(account.id, busy, `2026-12-${String(i + 1).padStart(2, '0')}`);
			await review(account.id, { by: busy, at: daysFromNow(i + 1) });
		}
		const counts: number[] = [];
		for (const user of [empty, busy]) {
			const token = await calendar.createFeed(t.db, user, NOW);
			counter.count = 0;
			const { events } = parseIcs(await calendar.calendarFeed(db, token, NOW));
			expect(events.length).toBe(user === busy ? 24 : 0);
			counts.push(counter.count);
		}
		expect(counts[0]).toBe(counts[1]);
		expect(counts[0]).toBeLessThanOrEqual(4);
	});
});

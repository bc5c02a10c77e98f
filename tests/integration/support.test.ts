import { describe, expect, it } from 'vitest';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../src/lib/domain/errors';
import { CALENDAR_PRESETS } from '../../src/lib/domain/sla';
import { formatHolidayList, gridRows, weekGrid } from '../../src/lib/domain/support-calendar';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import { parseCalendarForm } from '../../src/lib/server/support/support.schema';
import * as support from '../../src/lib/server/support/support.service';
import type { CalendarInput } from '../../src/lib/server/support/support.service';
import { gridFields } from '../support/calendar-form';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	uniqueTag
} from '../support/factories';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// Tests share the file's database (with the migration's calendars and policies), so each makes
// its own calendars under unique names and puts back any region default or policy it changes.

const calendarInput = (overrides: Partial<CalendarInput> = {}): CalendarInput => ({
	name: `Calendar ${uniqueTag()}`,
	timeZone: 'Europe/Lisbon',
	week: CALENDAR_PRESETS.business(),
	holidays: [
		{ day: '2026-06-10', name: 'Dia de Portugal' },
		{ day: '2026-12-25', name: 'Natal' }
	],
	...overrides
});

/** A calendar form as the browser posts it. */
function formOf(fields: Record<string, string>) {
	const form = new FormData();
	for (const [name, text] of Object.entries(fields)) form.set(name, text);
	return form;
}

/** Asserts `run` is refused with `type`, whether it throws at once or rejects. */
async function expectRefused(
	run: () => Promise<unknown>,
	type: typeof ForbiddenError | typeof NotFoundError | typeof StaleVersionError
) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(type);
}

/** The ConflictError's message key, after checking its field. */
async function conflictKey(run: () => Promise<unknown>, field: string) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(ConflictError);
	expect((error as ConflictError).field).toBe(field);
	return (error as ConflictError).messageKey;
}

const auditOf = (entity: string, entityId: number) =>
	t.db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', entity)
		.where('entity_id', '=', entityId)
		.orderBy('id')
		.execute();

const calendarCount = async () =>
	(
		await t.db
			.selectFrom('support_calendars')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	).n;

async function policy(admin: SessionUser, supportPackage: string, priority: string) {
	const { policies } = await support.getSupportSettings(t.db, admin);
	return policies.find((p) => p.support_package === supportPackage && p.priority === priority)!;
}

async function regionDefault(admin: SessionUser, region: string) {
	const { regions } = await support.getSupportSettings(t.db, admin);
	return regions.find((r) => r.region === region)!.calendarId;
}

describe(`support settings on ${ENGINE}`, () => {
	it('lists the shipped calendars, each region’s default and every package × priority policy', async () => {
		const admin = await makeUser(t.db, 'admin');
		const settings = await support.getSupportSettings(t.db, admin);
		const amsterdam = settings.calendars.find((c) => c.name === 'Amsterdam business hours')!;
		expect(amsterdam).toMatchObject({
			time_zone: 'Europe/Amsterdam',
			week: CALENDAR_PRESETS.business(),
			holidays: 0,
			regions: ['emea']
		});
		expect(settings.regions.map((r) => r.region)).toEqual([
			'emea',
			'latam',
			'north_america',
			'apac'
		]);
		expect(settings.regions.find((r) => r.region === 'emea')!.calendarId).toBe(amsterdam.id);
		expect(settings.policies).toHaveLength(12);
		for (const p of settings.policies.filter((p) => p.priority === 'P1')) {
			expect(p.clock, p.support_package).toBe('24x7');
		}
	});

	it('lets an admin create a calendar with its holidays, audited', async () => {
		const admin = await makeUser(t.db, 'admin');
		const input = calendarInput();
		const id = await support.saveCalendar(t.db, admin, null, 0, input);

		const saved = await support.getCalendar(t.db, admin, id);
		expect(saved.calendar).toMatchObject({
			name: input.name,
			time_zone: 'Europe/Lisbon',
			week: input.week,
			version: 1,
			updated_by: admin.id
		});
		expect(saved.holidays).toEqual(input.holidays);
		expect(saved.uses).toEqual({ regions: 0, accounts: 0, escalations: 0 });

		const listed = (await support.getSupportSettings(t.db, admin)).calendars.find(
			(c) => c.id === id
		);
		expect(listed).toMatchObject({ name: input.name, holidays: 2, regions: [] });

		const audit = await auditOf('support_calendar', id);
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ action: 'create', actor_id: admin.id, before: null });
		expect(audit[0]!.after).toMatchObject({
			name: input.name,
			time_zone: 'Europe/Lisbon',
			holidays: input.holidays
		});
	});

	it('saves an edit whole: holidays replaced, version bumped, before and after audited', async () => {
		const admin = await makeUser(t.db, 'admin');
		const first = calendarInput();
		const id = await support.saveCalendar(t.db, admin, null, 0, first);
		const edited = calendarInput({
			name: `${first.name} (24×5)`,
			timeZone: 'America/Sao_Paulo',
			week: CALENDAR_PRESETS['24x5'](),
			holidays: [{ day: '2026-11-20', name: 'Consciência Negra' }]
		});
		await support.saveCalendar(t.db, admin, id, 1, edited);

		const saved = await support.getCalendar(t.db, admin, id);
		expect(saved.calendar).toMatchObject({
			name: edited.name,
			time_zone: 'America/Sao_Paulo',
			week: edited.week,
			version: 2
		});
		expect(saved.holidays).toEqual([{ day: '2026-11-20', name: 'Consciência Negra' }]);

		const audit = await auditOf('support_calendar', id);
		expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
		expect(audit[1]!.before).toMatchObject({
			name: first.name,
			time_zone: 'Europe/Lisbon',
			version: 1,
			holidays: first.holidays
		});
		expect(audit[1]!.after).toMatchObject({
			name: edited.name,
			version: 2,
			holidays: edited.holidays
		});

		// Saving with no holidays clears them.
		await support.saveCalendar(t.db, admin, id, 2, { ...edited, holidays: [] });
		expect((await support.getCalendar(t.db, admin, id)).holidays).toEqual([]);
	});

	it('saves a split day from the form with both its ranges, and keeps them through a re-save', async () => {
		const admin = await makeUser(t.db, 'admin');
		const name = `Lunch break ${uniqueTag()}`;
		const created = parseCalendarForm(
			formOf({
				name,
				time_zone: 'Europe/Lisbon',
				version: '0',
				holidays: '2026-06-10 Dia de Portugal',
				open_1_1: '09:00',
				close_1_1: '12:00',
				open_1_2: '13:00',
				close_1_2: '18:00',
				open_1_3: '',
				close_1_3: '', // the spare row the form offers
				open_2_1: '09:00',
				close_2_1: '18:00'
			})
		);
		if (!created.ok) throw new Error(JSON.stringify(created.errors));
		const { version, ...input } = created.data;
		const id = await support.saveCalendar(t.db, admin, null, version, input);
		const lunchBreak = [
			{ day: 1, open: '09:00', close: '12:00' },
			{ day: 1, open: '13:00', close: '18:00' },
			{ day: 2, open: '09:00', close: '18:00' }
		];
		expect((await support.getCalendar(t.db, admin, id)).calendar.week).toEqual(lunchBreak);

		// A calendar given several ranges a day by other means (seeding, the API), stored out of
		// order, comes through the form unchanged when only its name is edited.
		const stored = [
			{ day: 3, open: '14:00', close: '17:00' },
			{ day: 3, open: '08:00', close: '12:00' },
			{ day: 3, open: '12:30', close: '13:30' },
			...lunchBreak
		];
		await t.db
			.updateTable('support_calendars')
			.set({ week: JSON.stringify(stored) })
			.where('id', '=', id)
			.execute();
		const before = await support.getCalendar(t.db, admin, id);
		const resaved = parseCalendarForm(
			formOf({
				name: `${name} (renamed)`,
				time_zone: before.calendar.time_zone,
				version: String(before.calendar.version),
				holidays: formatHolidayList(before.holidays),
				...gridFields(gridRows(weekGrid(before.calendar.week), true))
			})
		);
		if (!resaved.ok) throw new Error(JSON.stringify(resaved.errors));
		const { version: current, ...edited } = resaved.data;
		await support.saveCalendar(t.db, admin, id, current, edited);

		const after = await support.getCalendar(t.db, admin, id);
		expect(after.calendar).toMatchObject({ name: `${name} (renamed)`, version: 2 });
		expect(after.calendar.week).toEqual([
			{ day: 1, open: '09:00', close: '12:00' },
			{ day: 1, open: '13:00', close: '18:00' },
			{ day: 2, open: '09:00', close: '18:00' },
			{ day: 3, open: '08:00', close: '12:00' },
			{ day: 3, open: '12:30', close: '13:30' },
			{ day: 3, open: '14:00', close: '17:00' }
		]);
		expect(after.holidays).toEqual(before.holidays);
	});

	it('refuses a save over someone else’s newer version, changing nothing', async () => {
		const admin = await makeUser(t.db, 'admin');
		const input = calendarInput();
		const id = await support.saveCalendar(t.db, admin, null, 0, input);
		await support.saveCalendar(t.db, admin, id, 1, { ...input, timeZone: 'Europe/Madrid' });

		await expectRefused(
			() => support.saveCalendar(t.db, admin, id, 1, { ...input, holidays: [] }),
			StaleVersionError
		);
		const saved = await support.getCalendar(t.db, admin, id);
		expect(saved.calendar).toMatchObject({ time_zone: 'Europe/Madrid', version: 2 });
		expect(saved.holidays).toHaveLength(2);
		await expectRefused(() => support.deleteCalendar(t.db, admin, id, 1), StaleVersionError);
		await expectRefused(
			() => support.saveCalendar(t.db, admin, 2_000_000_000, 1, calendarInput()),
			NotFoundError
		);
	});

	it('refuses a name another calendar has, whatever its case', async () => {
		const admin = await makeUser(t.db, 'admin');
		const taken = calendarInput();
		const id = await support.saveCalendar(t.db, admin, null, 0, taken);
		const before = await calendarCount();

		expect(
			await conflictKey(
				() =>
					support.saveCalendar(
						t.db,
						admin,
						null,
						0,
						calendarInput({ name: taken.name.toUpperCase() })
					),
				'name'
			)
		).toBe('error.calendarNameTaken');
		expect(await calendarCount()).toBe(before);

		const other = await support.saveCalendar(t.db, admin, null, 0, calendarInput());
		await expectConflict(
			() =>
				support.saveCalendar(
					t.db,
					admin,
					other,
					1,
					calendarInput({ name: taken.name.toLowerCase() })
				),
			'name'
		);
		// Its own name, in another case, is no clash.
		await support.saveCalendar(t.db, admin, id, 1, { ...taken, name: taken.name.toUpperCase() });
		expect((await support.getCalendar(t.db, admin, id)).calendar.name).toBe(
			taken.name.toUpperCase()
		);
	});

	it('refuses a week with overlapping hours or no open hours, on the week', async () => {
		const admin = await makeUser(t.db, 'admin');
		const before = await calendarCount();
		const overlapping = calendarInput({
			week: [
				{ day: 1, open: '09:00', close: '13:00' },
				{ day: 1, open: '12:00', close: '18:00' }
			]
		});
		expect(
			await conflictKey(() => support.saveCalendar(t.db, admin, null, 0, overlapping), 'week')
		).toBe('error.calendarWeek');
		expect(
			await conflictKey(
				() => support.saveCalendar(t.db, admin, null, 0, calendarInput({ week: [] })),
				'week'
			)
		).toBe('error.calendarWeek');
		await expectConflict(
			() =>
				support.saveCalendar(
					t.db,
					admin,
					null,
					0,
					calendarInput({ week: [{ day: 2, open: '18:00', close: '09:00' }] })
				),
			'week'
		);

		const id = await support.saveCalendar(t.db, admin, null, 0, calendarInput());
		await expectConflict(
			() => support.saveCalendar(t.db, admin, id, 1, { ...overlapping, name: 'x' }),
			'week'
		);
		expect((await support.getCalendar(t.db, admin, id)).calendar.version).toBe(1);
		expect(await calendarCount()).toBe(before + 1);
	});

	it('refuses a time zone Intl does not know, on the zone', async () => {
		const admin = await makeUser(t.db, 'admin');
		const before = await calendarCount();
		expect(
			await conflictKey(
				() =>
					support.saveCalendar(t.db, admin, null, 0, calendarInput({ timeZone: 'Mars/Olympus' })),
				'time_zone'
			)
		).toBe('error.timeZone');
		expect(await calendarCount()).toBe(before);
	});

	it('refuses to delete a calendar a region, an account or an open escalation uses', async () => {
		const admin = await makeUser(t.db, 'admin');
		const id = await support.saveCalendar(t.db, admin, null, 0, calendarInput());
		const latamDefault = (await regionDefault(admin, 'latam'))!;

		// A region's default.
		await support.setRegionCalendar(t.db, admin, 'latam', id);
		expect((await support.getCalendar(t.db, admin, id)).uses).toMatchObject({ regions: 1 });
		expect(await conflictKey(() => support.deleteCalendar(t.db, admin, id, 1), 'calendar')).toBe(
			'error.calendarInUse'
		);
		await support.setRegionCalendar(t.db, admin, 'latam', latamDefault);

		// An account's own calendar.
		const account = await makeAccount(t.db, { support_calendar_id: id });
		await expectConflict(() => support.deleteCalendar(t.db, admin, id, 1), 'calendar');
		await t.db
			.updateTable('accounts')
			.set({ support_calendar_id: null })
			.where('id', '=', account.id)
			.execute();

		// An open escalation's clock; a closed one does not hold it.
		const opened = new Date('2030-03-02T10:00:00Z');
		const escalation = await t.db
			.insertInto('escalations')
			.values({
				account_id: account.id,
				title: 'Cross-connect down',
				priority: 'P2',
				category: 'connectivity',
				reported_via: 'phone',
				opened_at: opened,
				support_package: 'standard',
				response_minutes: 540,
				clock: 'account',
				calendar_id: id,
				response_due_at: new Date('2030-03-03T10:00:00Z')
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		expect((await support.getCalendar(t.db, admin, id)).uses).toEqual({
			regions: 0,
			accounts: 0,
			escalations: 1
		});
		await expectConflict(() => support.deleteCalendar(t.db, admin, id, 1), 'calendar');
		await t.db
			.updateTable('escalations')
			.set({
				status: 'closed',
				acknowledged_at: opened,
				resolved_at: opened,
				closed_at: opened
			})
			.where('id', '=', escalation.id)
			.execute();

		expect(await auditOf('support_calendar', id)).toHaveLength(1); // the create only
		await support.deleteCalendar(t.db, admin, id, 1);
		await expectRefused(() => support.getCalendar(t.db, admin, id), NotFoundError);
		const closed = await t.db
			.selectFrom('escalations')
			.select('calendar_id')
			.where('id', '=', escalation.id)
			.executeTakeFirstOrThrow();
		expect(closed.calendar_id).toBeNull();
	});

	it('deletes an unused calendar with its holidays, audited with what it was', async () => {
		const admin = await makeUser(t.db, 'admin');
		const input = calendarInput();
		const id = await support.saveCalendar(t.db, admin, null, 0, input);
		await support.deleteCalendar(t.db, admin, id, 1);

		await expectRefused(() => support.getCalendar(t.db, admin, id), NotFoundError);
		const holidays = await t.db
			.selectFrom('support_calendar_holidays')
			.selectAll()
			.where('calendar_id', '=', id)
			.execute();
		expect(holidays).toEqual([]);
		const audit = await auditOf('support_calendar', id);
		expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
		expect(audit[1]).toMatchObject({ actor_id: admin.id, after: null });
		expect(audit[1]!.before).toMatchObject({ name: input.name, holidays: input.holidays });
		await expectRefused(() => support.deleteCalendar(t.db, admin, id, 1), NotFoundError);
	});

	it('sets a region’s default calendar, audited; a missing calendar is not found', async () => {
		const admin = await makeUser(t.db, 'admin');
		const apacDefault = (await regionDefault(admin, 'apac'))!;
		const id = await support.saveCalendar(t.db, admin, null, 0, calendarInput());

		await support.setRegionCalendar(t.db, admin, 'apac', id);
		expect(await regionDefault(admin, 'apac')).toBe(id);
		const listed = (await support.getSupportSettings(t.db, admin)).calendars.find(
			(c) => c.id === id
		);
		expect(listed!.regions).toEqual(['apac']);
		const audit = await t.db
			.selectFrom('audit_log')
			.selectAll()
			.where('entity', '=', 'region_calendar')
			.where('actor_id', '=', admin.id)
			.execute();
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			action: 'update',
			before: { region: 'apac', calendar_id: apacDefault },
			after: { region: 'apac', calendar_id: id }
		});

		// Choosing the calendar it already has changes nothing and logs nothing.
		await support.setRegionCalendar(t.db, admin, 'apac', id);
		await expectRefused(
			() => support.setRegionCalendar(t.db, admin, 'apac', 2_000_000_000),
			NotFoundError
		);
		expect(await regionDefault(admin, 'apac')).toBe(id);

		await support.setRegionCalendar(t.db, admin, 'apac', apacDefault);
		const entries = await t.db
			.selectFrom('audit_log')
			.select('id')
			.where('entity', '=', 'region_calendar')
			.where('actor_id', '=', admin.id)
			.execute();
		expect(entries).toHaveLength(2);
	});

	it('saves a policy’s targets and clock, audited with before and after', async () => {
		const admin = await makeUser(t.db, 'admin');
		const p3 = await policy(admin, 'premium', 'P3');
		await support.savePolicy(t.db, admin, p3.id, p3.version, {
			responseMinutes: 300,
			resolutionMinutes: null,
			clock: '24x7'
		});
		const saved = await policy(admin, 'premium', 'P3');
		expect(saved).toMatchObject({
			response_minutes: 300,
			resolution_minutes: null,
			clock: '24x7',
			version: p3.version + 1,
			updated_by: admin.id
		});
		const audit = await auditOf('sla_policy', p3.id);
		expect(audit.at(-1)).toMatchObject({
			action: 'update',
			actor_id: admin.id,
			before: { response_minutes: p3.response_minutes, clock: 'account' },
			after: { response_minutes: 300, resolution_minutes: null, clock: '24x7' }
		});

		await support.savePolicy(t.db, admin, p3.id, saved.version, {
			responseMinutes: p3.response_minutes,
			resolutionMinutes: p3.resolution_minutes,
			clock: p3.clock
		});
	});

	it('keeps P1 around the clock, and resolution no shorter than the first response', async () => {
		const admin = await makeUser(t.db, 'admin');
		const p1 = await policy(admin, 'enterprise', 'P1');
		expect(
			await conflictKey(
				() =>
					support.savePolicy(t.db, admin, p1.id, p1.version, {
						responseMinutes: 30,
						resolutionMinutes: 240,
						clock: 'account'
					}),
				'clock'
			)
		).toBe('error.p1AroundTheClock');

		const p2 = await policy(admin, 'enterprise', 'P2');
		expect(
			await conflictKey(
				() =>
					support.savePolicy(t.db, admin, p2.id, p2.version, {
						responseMinutes: 120,
						resolutionMinutes: 119,
						clock: 'account'
					}),
				'resolution_minutes'
			)
		).toBe('error.resolutionBeforeResponse');
		// Equal targets are allowed.
		await support.savePolicy(t.db, admin, p2.id, p2.version, {
			responseMinutes: 120,
			resolutionMinutes: 120,
			clock: 'account'
		});
		await support.savePolicy(t.db, admin, p2.id, p2.version + 1, {
			responseMinutes: p2.response_minutes,
			resolutionMinutes: p2.resolution_minutes,
			clock: p2.clock
		});
		expect(await policy(admin, 'enterprise', 'P1')).toEqual(p1);
	});

	it('refuses a policy save over a newer version, and an unknown policy', async () => {
		const admin = await makeUser(t.db, 'admin');
		const p4 = await policy(admin, 'standard', 'P4');
		const input = {
			responseMinutes: p4.response_minutes,
			resolutionMinutes: p4.resolution_minutes,
			clock: p4.clock
		};
		await support.savePolicy(t.db, admin, p4.id, p4.version, input);
		await expectRefused(
			() => support.savePolicy(t.db, admin, p4.id, p4.version, { ...input, responseMinutes: 1 }),
			StaleVersionError
		);
		expect(await policy(admin, 'standard', 'P4')).toMatchObject({
			response_minutes: p4.response_minutes,
			version: p4.version + 1
		});
		await expectRefused(
			() => support.savePolicy(t.db, admin, 2_000_000_000, 1, input),
			NotFoundError
		);
	});

	it('is for admins only: every other role is refused everything, and nothing changes', async () => {
		const admin = await makeUser(t.db, 'admin');
		const id = await support.saveCalendar(t.db, admin, null, 0, calendarInput());
		const p2 = await policy(admin, 'standard', 'P2');
		const emea = (await regionDefault(admin, 'emea'))!;
		const snapshot = async () => ({
			settings: await support.getSupportSettings(t.db, admin),
			calendar: await support.getCalendar(t.db, admin, id)
		});
		const before = await snapshot();
		const reseller = await makeReseller(t.db);

		for (const user of [
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'manager'),
			await makeUser(t.db, 'sales'),
			await makeUser(t.db, 'partner', { resellerId: reseller.id })
		]) {
			await expectRefused(() => support.getSupportSettings(t.db, user), ForbiddenError);
			await expectRefused(() => support.getCalendar(t.db, user, id), ForbiddenError);
			await expectRefused(
				() => support.saveCalendar(t.db, user, null, 0, calendarInput()),
				ForbiddenError
			);
			await expectRefused(
				() => support.saveCalendar(t.db, user, id, 1, calendarInput()),
				ForbiddenError
			);
			await expectRefused(() => support.deleteCalendar(t.db, user, id, 1), ForbiddenError);
			await expectRefused(() => support.setRegionCalendar(t.db, user, 'emea', id), ForbiddenError);
			await expectRefused(
				() =>
					support.savePolicy(t.db, user, p2.id, p2.version, {
						responseMinutes: 1,
						resolutionMinutes: null,
						clock: '24x7'
					}),
				ForbiddenError
			);
		}
		expect(await snapshot()).toEqual(before);
		expect(await regionDefault(admin, 'emea')).toBe(emea);
	});
});

import type { Actor } from '../../domain/access';
import { ConflictError, NotFoundError } from '../../domain/errors';
import { buildIcs } from '../../domain/ics';
import { zonedToInstant } from '../../domain/zoned-time';
import { findReadableAccount, lockEditableAccount } from '../accounts/account-guard';
import { listContacts, listTeam } from '../accounts/account.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Db } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { findKickoff } from './onboarding.repository';
import type { Attendee } from './onboarding.table';
import { healthInputsChanged } from '../health/health-refresh';

export interface KickoffInput {
	date: string;
	time: string;
	duration_minutes: number;
	location: string;
	agenda: string;
	notes: string;
	/** 'contact:12' or 'user:3', as the form's checkboxes send them. */
	attendees: string[];
	/** The meeting's version when rescheduling; null to schedule the first time. */
	version: number | null;
}

function parseAttendees(values: string[]): Attendee[] {
	return values.map((value) => {
		const match = /^(contact|user):(\d{1,10})$/.exec(value);
		if (!match) throw new ConflictError('attendees', 'error.choice');
		return { kind: match[1] as Attendee['kind'], id: Number(match[2]) };
	});
}

/**
 * Schedules (or reschedules) the onboarding's kick-off at a wall-clock time in the account's
 * zone. Attendees must be the account's contacts or team.
 */
export async function scheduleKickoff(
	db: Db,
	actor: Actor,
	accountId: number,
	onboardingId: number,
	input: KickoffInput
) {
	const attendees = parseAttendees(input.attendees);
	await db.transaction().execute(async (trx) => {
		const { account } = await lockEditableAccount(trx, actor, accountId);
		const onboarding = await trx
			.selectFrom('onboardings')
			.select(['id', 'account_id', 'status'])
			.where('id', '=', onboardingId)
			.executeTakeFirst();
		if (!onboarding || onboarding.account_id !== accountId) throw new NotFoundError('onboarding');
		if (onboarding.status !== 'active') throw new ConflictError('date', 'error.onboardingClosed');
		const [contacts, team] = await Promise.all([
			listContacts(trx, accountId),
			listTeam(trx, accountId)
		]);
		const known = new Set([
			...contacts.map((c) => `contact:${c.id}`),
			...team.map((m) => `user:${m.user_id}`)
		]);
		if (attendees.some((a) => !known.has(`${a.kind}:${a.id}`)))
			throw new ConflictError('attendees', 'error.choice');

		const values = {
			starts_at: zonedToInstant(input.date, input.time, account.time_zone),
			duration_minutes: input.duration_minutes,
			time_zone: account.time_zone,
			location: input.location,
			agenda: input.agenda,
			notes: input.notes,
			attendees: JSON.stringify(attendees)
		};
		const before = await trx
			.selectFrom('kickoff_meetings')
			.selectAll()
			.where('onboarding_id', '=', onboardingId)
			.forUpdate()
			.executeTakeFirst();
		if (before && input.version === null) throw new ConflictError('date', 'error.stale');
		const after = before
			? await trx
					.updateTable('kickoff_meetings')
					.set({ ...values, ...bumpVersion() })
					.where('id', '=', assertVersion(before, input.version!, 'kick-off meeting').id)
					.returningAll()
					.executeTakeFirstOrThrow()
			: await trx
					.insertInto('kickoff_meetings')
					.values({ ...values, onboarding_id: onboardingId, account_id: accountId })
					.returningAll()
					.executeTakeFirstOrThrow();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'kickoff_meeting',
			entityId: after.id,
			action: before ? 'update' : 'create',
			before: before ?? null,
			after: { ...after, name: account.name }
		});
		await healthInputsChanged(trx, accountId);
	});
}

/** The kick-off as an `.ics` file anyone who may read the account can download. */
export async function kickoffIcs(db: Db, actor: Actor, accountId: number, onboardingId: number) {
	const account = await findReadableAccount(db, actor, accountId);
	const meeting = await findKickoff(db, onboardingId);
	if (!meeting || meeting.account_id !== accountId) throw new NotFoundError('kick-off meeting');
	const [contacts, team] = await Promise.all([
		listContacts(db, accountId),
		listTeam(db, accountId)
	]);
	const people = meeting.attendees.map((a) =>
		a.kind === 'contact'
			? contacts.find((c) => c.id === a.id)
			: team.find((m) => m.user_id === a.id)
	);
	return buildIcs({
		uid: `kickoff-${meeting.id}@keel`,
		start: meeting.starts_at,
		durationMinutes: meeting.duration_minutes,
		summary: `Kick-off: ${account.name}`,
		description: meeting.agenda,
		location: meeting.location,
		stamp: meeting.updated_at,
		attendees: people.filter((p) => p !== undefined).map((p) => ({ name: p.name, email: p.email }))
	});
}

import { ConflictError } from '../../domain/errors';
import { listContacts, listTeam } from '../accounts/account.repository';
import type { Executor } from '../db/database';
import type { Attendee } from '../onboarding/onboarding.table';

/* A review's attendees: the account's contacts and team, picked, checked and named. */

/** The account's contacts and team, shaped for the attendee and owner pickers. */
export async function people(db: Executor, accountId: number) {
	const [contacts, team] = await Promise.all([
		listContacts(db, accountId),
		listTeam(db, accountId)
	]);
	return {
		contacts: contacts.map((c) => ({ id: c.id, name: c.name, title: c.title, email: c.email })),
		team: team.map((m) => ({
			user_id: m.user_id,
			name: m.name,
			email: m.email,
			team_role: m.team_role,
			active: m.disabled_at === null
		}))
	};
}

export interface NamedAttendee {
	key: string;
	kind: Attendee['kind'];
	name: string;
	/** A contact's job title, or a team member's team role. */
	detail: string;
	email: string;
}

/** Attendees with their names, in the order they were picked; people since removed are skipped. */
export function namedAttendees(
	attendees: Attendee[],
	who: Awaited<ReturnType<typeof people>>
): NamedAttendee[] {
	return attendees.flatMap((a): NamedAttendee[] => {
		if (a.kind === 'contact') {
			const c = who.contacts.find((x) => x.id === a.id);
			return c
				? [{ key: `contact:${c.id}`, kind: a.kind, name: c.name, detail: c.title, email: c.email }]
				: [];
		}
		const m = who.team.find((x) => x.user_id === a.id);
		return m
			? [
					{
						key: `user:${m.user_id}`,
						kind: a.kind,
						name: m.name,
						detail: m.team_role,
						email: m.email
					}
				]
			: [];
	});
}

/** The picked attendees, each one of the account's contacts or team; refused at the field otherwise. */
export async function checkedAttendees(trx: Executor, accountId: number, values: string[]) {
	const attendees = [...new Set(values)].map((value): Attendee => {
		const match = /^(contact|user):(\d{1,10})$/.exec(value);
		if (!match) throw new ConflictError('attendees', 'error.choice');
		return { kind: match[1] as Attendee['kind'], id: Number(match[2]) };
	});
	if (attendees.length === 0) return attendees;
	const who = await people(trx, accountId);
	const known = new Set([
		...who.contacts.map((c) => `contact:${c.id}`),
		...who.team.map((m) => `user:${m.user_id}`)
	]);
	if (attendees.some((a) => !known.has(`${a.kind}:${a.id}`))) {
		throw new ConflictError('attendees', 'error.choice');
	}
	return attendees;
}

import type { Actor } from '../../domain/access';
import { addDays, todayIn } from '../../domain/dates';
import type { FeedbackKind } from '../../domain/feedback';
import type { Locale } from '../../domain/vocabulary';
import { loadCatalogue } from '../../i18n/catalogue';
import { format } from '../../i18n/format';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { publish } from '../events/events';
import { taskAssigned } from '../notifications/assignment-events';
import { settleTask } from '../tasks/task-change';
import { findFollowUpOwner } from './feedback.repository';

/*
 * The follow-up a detractor (NPS 0–6) or a low CSAT (1–2) asks for: a task for the account's
 * CSM, raised with the response and ticked off in My work.
 */

/** A follow-up is due this many days after capture, in the account's zone. */
const FOLLOW_UP_DAYS = 2;

/**
 * Who gets a follow-up raised now: the account's CSM (`csm`, already looked up), else the actor
 * when they are a CSM themselves, else nobody.
 */
export async function followUpOwner(
	db: Executor,
	actor: Actor,
	csm: Awaited<ReturnType<typeof findFollowUpOwner>>
) {
	if (csm) return csm;
	if (actor.role !== 'csm') return null;
	return db
		.selectFrom('users')
		.select(['id', 'name', 'locale'])
		.where('id', '=', actor.id)
		.executeTakeFirst();
}

/**
 * A detractor's or a low CSAT's follow-up: a task for `owner`, due in two days in the account's
 * zone, titled in the owner's language.
 */
export async function raiseFollowUp(
	trx: Executor,
	actor: Actor,
	account: { id: number; time_zone: string },
	owner: { id: number; name: string; locale: Locale },
	input: { kind: FeedbackKind; score: number | null; comment: string; contact_id: number | null },
	now: Date
) {
	const contact =
		input.contact_id === null
			? undefined
			: await trx
					.selectFrom('contacts')
					.select('name')
					.where('id', '=', input.contact_id)
					.executeTakeFirst();
	const task = await trx
		.insertInto('tasks')
		.values({
			account_id: account.id,
			title: await followUpTitle(owner.locale, input.kind, input.score!, contact?.name),
			description: input.comment,
			owner_user_id: owner.id,
			due_date: addDays(todayIn(account.time_zone, now), FOLLOW_UP_DAYS),
			source: 'feedback'
		})
		.returningAll()
		.executeTakeFirstOrThrow();
	await writeAudit(trx, {
		actorId: actor.id,
		accountId: account.id,
		entity: 'task',
		entityId: task.id,
		action: 'create',
		after: { ...task, name: task.title }
	});
	await publish(trx, taskAssigned(account.id, task.id, owner.id, actor.id), now);
	return task.id;
}

/** The task's title names the score: "Follow up on NPS 4 from Ana Souza". */
async function followUpTitle(
	locale: Locale,
	kind: FeedbackKind,
	score: number,
	contact: string | undefined
) {
	const messages = await loadCatalogue(locale);
	const scoreText = `${messages[`feedbackKind.${kind}`]} ${score}`;
	return contact
		? format(messages['feedback.followUpTitleFrom'], { score: scoreText, contact })
		: format(messages['feedback.followUpTitle'], { score: scoreText });
}

/**
 * Ticks a feedback follow-up off (My work, the API) or reopens it (the API): a plain task,
 * version-checked and audited, for whoever may work the account's tasks.
 */
export async function setFollowUpDone(
	db: Db,
	actor: Actor,
	taskId: number,
	version: number,
	done: boolean,
	now = new Date()
) {
	await db.transaction().execute(async (trx) => {
		const task = await trx
			.selectFrom('tasks')
			.selectAll()
			.where('id', '=', taskId)
			.where('source', '=', 'feedback')
			.forUpdate()
			.executeTakeFirst();
		await settleTask(trx, actor, task, version, done, now);
	});
}

import type { Actor } from '../../domain/access';
import { NotFoundError } from '../../domain/errors';
import type { Parsed } from '../../domain/validation';
import { writeAudit } from '../audit/audit.repository';
import type { Db, Executor } from '../db/database';
import { assertVersion, bumpVersion } from '../db/versioned';
import { lockEditableAccount } from './account-guard';
import type { contactFields } from './account.schema';

export type ContactInput = Parsed<typeof contactFields>;

/** An account has one primary contact: making one primary demotes the others. */
async function demoteOtherPrimaries(trx: Executor, accountId: number, keepId: number) {
	await trx
		.updateTable('contacts')
		.set({ is_primary: false, ...bumpVersion() })
		.where('account_id', '=', accountId)
		.where('is_primary', '=', true)
		.where('id', '!=', keepId)
		.execute();
}

export async function addContact(db: Db, actor: Actor, accountId: number, input: ContactInput) {
	return db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		const contact = await trx
			.insertInto('contacts')
			.values({ account_id: accountId, ...input })
			.returningAll()
			.executeTakeFirstOrThrow();
		if (contact.is_primary) await demoteOtherPrimaries(trx, accountId, contact.id);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'contact',
			entityId: contact.id,
			action: 'create',
			after: contact
		});
		return contact.id;
	});
}

function lockContact(trx: Executor, accountId: number, contactId: number) {
	return trx
		.selectFrom('contacts')
		.selectAll()
		.where('id', '=', contactId)
		.where('account_id', '=', accountId)
		.forUpdate()
		.executeTakeFirst();
}

export async function updateContact(
	db: Db,
	actor: Actor,
	accountId: number,
	contactId: number,
	expectedVersion: number,
	input: ContactInput
) {
	await db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		const before = assertVersion(
			await lockContact(trx, accountId, contactId),
			expectedVersion,
			'contact'
		);
		const after = await trx
			.updateTable('contacts')
			.set({ ...input, ...bumpVersion() })
			.where('id', '=', contactId)
			.returningAll()
			.executeTakeFirstOrThrow();
		if (after.is_primary) await demoteOtherPrimaries(trx, accountId, contactId);
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'contact',
			entityId: contactId,
			action: 'update',
			before,
			after
		});
	});
}

export async function removeContact(
	db: Db,
	actor: Actor,
	accountId: number,
	contactId: number,
	expectedVersion: number
) {
	await db.transaction().execute(async (trx) => {
		await lockEditableAccount(trx, actor, accountId);
		const before = await lockContact(trx, accountId, contactId);
		if (!before) throw new NotFoundError('contact');
		assertVersion(before, expectedVersion, 'contact');
		await trx.deleteFrom('contacts').where('id', '=', contactId).execute();
		await writeAudit(trx, {
			actorId: actor.id,
			accountId,
			entity: 'contact',
			entityId: contactId,
			action: 'delete',
			before
		});
	});
}

import * as accounts from '$lib/server/accounts/account.service';
import {
	contactFields,
	contactUpdateFields,
	removeFields,
	teamMemberFields
} from '$lib/server/accounts/account.schema';
import * as contacts from '$lib/server/accounts/contact.service';
import * as team from '$lib/server/accounts/team.service';
import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	const id = Number(params.accountId);
	const detail = await loadOr404(accounts.get(locals.db, user, id));
	// Only editors need the people picker.
	const options = detail.can.edit ? await accounts.formOptions(locals.db) : null;
	return { ...detail, assignable: options?.users ?? [] };
}) satisfies PageServerLoad;

export const actions = {
	addMember: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('addMember', await request.formData(), teamMemberFields, async (input) => {
			await team.addMember(locals.db, user, Number(params.accountId), input);
			return { form: 'addMember', saved: true };
		});
	},
	removeMember: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('removeMember', await request.formData(), removeFields, async (input) => {
			await team.removeMember(locals.db, user, Number(params.accountId), input.id, input.version);
			return { form: 'removeMember', saved: true };
		});
	},
	addContact: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('addContact', await request.formData(), contactFields, async (input) => {
			await contacts.addContact(locals.db, user, Number(params.accountId), input);
			return { form: 'addContact', saved: true };
		});
	},
	updateContact: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm(
			'updateContact',
			await request.formData(),
			contactUpdateFields,
			async (input) => {
				const { id, version, ...fields } = input;
				await contacts.updateContact(
					locals.db,
					user,
					Number(params.accountId),
					id,
					version,
					fields
				);
				return { form: 'updateContact', saved: true };
			}
		);
	},
	removeContact: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('removeContact', await request.formData(), removeFields, async (input) => {
			await contacts.removeContact(
				locals.db,
				user,
				Number(params.accountId),
				input.id,
				input.version
			);
			return { form: 'removeContact', saved: true };
		});
	}
} satisfies Actions;

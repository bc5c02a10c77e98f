import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as churn from '$lib/server/churn/churn.service';
import {
	editFlagFields,
	flagAckFields,
	flagFields,
	flagNoteFields,
	flagStatusFields
} from '$lib/server/churn/churn.schema';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(churn.getForAccount(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;

/** Sales write only acknowledgements and comments; the service checks the account rules. */
const COMMENTERS = [...ACCOUNT_WRITERS, 'sales'] as const;

export const actions = {
	raise: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('raise', await request.formData(), flagFields, async (input) => {
			await churn.raiseFlag(locals.db, user, Number(params.accountId), input);
			return { form: 'raise', saved: true };
		});
	},
	edit: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('edit', await request.formData(), editFlagFields, async (input) => {
			const { id, version, ...rest } = input;
			await churn.editFlag(locals.db, user, Number(params.accountId), id, version, rest);
			return { form: 'edit', id, saved: true };
		});
	},
	status: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('status', await request.formData(), flagStatusFields, async (input) => {
			await churn.setStatus(
				locals.db,
				user,
				Number(params.accountId),
				input.id,
				input.version,
				input.status,
				input.status_reason
			);
			return { form: 'status', id: input.id, saved: true };
		});
	},
	mitigation: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('mitigation', await request.formData(), flagNoteFields, async (input) => {
			await churn.addNote(
				locals.db,
				user,
				Number(params.accountId),
				input.id,
				'mitigation',
				input.body
			);
			return { form: 'mitigation', id: input.id, saved: true };
		});
	},
	comment: async ({ locals, request, params }) => {
		const user = requireRole(locals, COMMENTERS);
		return handleForm('comment', await request.formData(), flagNoteFields, async (input) => {
			await churn.addNote(
				locals.db,
				user,
				Number(params.accountId),
				input.id,
				'comment',
				input.body
			);
			return { form: 'comment', id: input.id, saved: true };
		});
	},
	acknowledge: async ({ locals, request, params }) => {
		const user = requireRole(locals, ['sales', 'manager']);
		return handleForm('acknowledge', await request.formData(), flagAckFields, async (input) => {
			await churn.acknowledge(locals.db, user, Number(params.accountId), input.id);
			return { form: 'acknowledge', id: input.id, saved: true };
		});
	}
} satisfies Actions;

import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import * as escalations from '$lib/server/escalations/escalation.service';
import * as postmortems from '$lib/server/escalations/postmortem.service';
import {
	actionFields,
	actionStateFields,
	assignFields,
	commentFields,
	postmortemFields,
	priorityFields,
	recomputeFields,
	statusFields
} from '$lib/server/escalations/escalation.schema';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(escalations.getEscalation(locals.db, user, Number(params.escalationId)));
}) satisfies PageServerLoad;

/** Running an escalation is for those who may edit the account; the service checks which. */
const saved = (form: string) => ({ form, saved: true });

export const actions = {
	status: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('status', await request.formData(), statusFields, async (input) => {
			await escalations.changeStatus(
				locals.db,
				user,
				Number(params.escalationId),
				input.version,
				input.status,
				input.note
			);
			return saved('status');
		});
	},
	priority: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('priority', await request.formData(), priorityFields, async (input) => {
			await escalations.changePriority(
				locals.db,
				user,
				Number(params.escalationId),
				input.version,
				input.priority,
				input.reason
			);
			return saved('priority');
		});
	},
	assign: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('assign', await request.formData(), assignFields, async (input) => {
			const { version, ...rest } = input;
			await escalations.assign(locals.db, user, Number(params.escalationId), version, rest);
			return saved('assign');
		});
	},
	recompute: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('recompute', await request.formData(), recomputeFields, async (input) => {
			await escalations.recomputeDueTimes(
				locals.db,
				user,
				Number(params.escalationId),
				input.version
			);
			return saved('recompute');
		});
	},
	// Partners comment on their customers' escalations too.
	comment: async ({ locals, request, params }) => {
		const user = requireRole(locals, [...ACCOUNT_WRITERS, 'partner']);
		return handleForm('comment', await request.formData(), commentFields, async (input) => {
			await escalations.comment(locals.db, user, Number(params.escalationId), input.body);
			return saved('comment');
		});
	},
	postmortem: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('postmortem', await request.formData(), postmortemFields, async (input) => {
			const { version, ...rest } = input;
			await postmortems.savePostmortem(locals.db, user, Number(params.escalationId), version, rest);
			return saved('postmortem');
		});
	},
	action: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('action', await request.formData(), actionFields, async (input) => {
			await postmortems.addCorrectiveAction(locals.db, user, Number(params.escalationId), input);
			return saved('action');
		});
	},
	actionState: async ({ locals, request }) => {
		const user = requireRole(locals, [...ACCOUNT_WRITERS, 'partner']);
		return handleForm('actionState', await request.formData(), actionStateFields, async (input) => {
			await postmortems.changeAction(locals.db, user, input.id, input.version, input.done);
			return saved('actionState');
		});
	}
} satisfies Actions;

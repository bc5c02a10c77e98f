import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import * as plans from '$lib/server/plans/plan.service';
import {
	editObjectiveFields,
	objectiveFields,
	objectiveRefFields,
	statusFields,
	taskFields,
	taskRefFields
} from '$lib/server/plans/plan.schema';
import type { Action, Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(plans.getPlan(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;

// Shaping the plan is for CSMs and managers; working its tasks (done, undo) also for the
// reseller's partner CSM. The service checks the account-level rules.
const WORKERS = [...ACCOUNT_WRITERS, 'partner'] as const;

/** Done and reopen are for every worker of the account; remove reshapes the plan. */
function changeTask(change: plans.PlanTaskChange): Action {
	const roles = change === 'remove' ? ACCOUNT_WRITERS : WORKERS;
	return async ({ locals, request, params }) => {
		const user = requireRole(locals, roles);
		return handleForm('task', await request.formData(), taskRefFields, async (input) => {
			const accountId = Number(params.accountId);
			await plans.changeTask(locals.db, user, accountId, input.id, input.version, change);
			return { form: 'task', saved: true };
		});
	};
}

export const actions = {
	createObjective: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm(
			'createObjective',
			await request.formData(),
			objectiveFields,
			async (input) => {
				await plans.createObjective(locals.db, user, Number(params.accountId), input);
				return { form: 'createObjective', saved: true };
			}
		);
	},
	editObjective: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm(
			'editObjective',
			await request.formData(),
			editObjectiveFields,
			async (input) => {
				const { id, version, ...rest } = input;
				await plans.updateObjective(locals.db, user, Number(params.accountId), id, version, rest);
				return { form: 'editObjective', saved: true };
			}
		);
	},
	status: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('status', await request.formData(), statusFields, async (input) => {
			await plans.setStatus(
				locals.db,
				user,
				Number(params.accountId),
				input.id,
				input.version,
				input.status,
				input.status_reason
			);
			return { form: 'status', saved: true };
		});
	},
	deleteObjective: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm(
			'deleteObjective',
			await request.formData(),
			objectiveRefFields,
			async (input) => {
				await plans.deleteObjective(
					locals.db,
					user,
					Number(params.accountId),
					input.id,
					input.version
				);
				return { form: 'deleteObjective', saved: true };
			}
		);
	},
	addTask: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('addTask', await request.formData(), taskFields, async (input) => {
			await plans.addTask(locals.db, user, Number(params.accountId), input);
			return { form: 'addTask', saved: true };
		});
	},
	taskDone: changeTask('done'),
	taskReopen: changeTask('reopen'),
	removeTask: changeTask('remove')
} satisfies Actions;

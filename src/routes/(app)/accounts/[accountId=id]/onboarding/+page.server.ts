import { ACCOUNT_WRITERS } from '$lib/domain/access';
import { requireRole, requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import * as items from '$lib/server/onboarding/onboarding-items.service';
import * as kickoff from '$lib/server/onboarding/kickoff.service';
import * as onboarding from '$lib/server/onboarding/onboarding.service';
import {
	addItemFields,
	criterionFields,
	editItemFields,
	handoffFields,
	kickoffFields,
	itemRefFields,
	skipFields,
	startFields
} from '$lib/server/onboarding/onboarding.schema';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireUser(locals, url);
	return loadOr404(onboarding.getForAccount(locals.db, user, Number(params.accountId)));
}) satisfies PageServerLoad;

// Reshaping the checklist is for CSMs and managers; working items (done, undo) also for the
// reseller's partner CSM. The services check the account-level rules.
const WORKERS = [...ACCOUNT_WRITERS, 'partner'] as const;

export const actions = {
	start: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('start', await request.formData(), startFields, async (input) => {
			await onboarding.start(locals.db, user, Number(params.accountId), input);
			return { form: 'start', saved: true };
		});
	},
	done: async ({ locals, request, params }) => {
		const user = requireRole(locals, WORKERS);
		return handleForm('item', await request.formData(), itemRefFields, async (input) => {
			await items.changeItem(locals.db, user, Number(params.accountId), input.id, input.version, {
				kind: 'done'
			});
			return { form: 'item', saved: true };
		});
	},
	reopen: async ({ locals, request, params }) => {
		const user = requireRole(locals, WORKERS);
		return handleForm('item', await request.formData(), itemRefFields, async (input) => {
			await items.changeItem(locals.db, user, Number(params.accountId), input.id, input.version, {
				kind: 'reopen'
			});
			return { form: 'item', saved: true };
		});
	},
	skip: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('skip', await request.formData(), skipFields, async (input) => {
			await items.changeItem(locals.db, user, Number(params.accountId), input.id, input.version, {
				kind: 'skip',
				reason: input.reason
			});
			return { form: 'skip', saved: true };
		});
	},
	editItem: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('editItem', await request.formData(), editItemFields, async (input) => {
			const { id, version, ...change } = input;
			await items.changeItem(locals.db, user, Number(params.accountId), id, version, {
				kind: 'edit',
				...change
			});
			return { form: 'editItem', saved: true };
		});
	},
	addItem: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('addItem', await request.formData(), addItemFields, async (input) => {
			const { onboarding_id, phase, ...rest } = input;
			await items.addItem(locals.db, user, Number(params.accountId), onboarding_id, {
				...rest,
				phase: Number(phase) as 1 | 2 | 3
			});
			return { form: 'addItem', saved: true };
		});
	},
	removeItem: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('item', await request.formData(), itemRefFields, async (input) => {
			await items.removeItem(locals.db, user, Number(params.accountId), input.id, input.version);
			return { form: 'item', saved: true };
		});
	},
	criterion: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('criterion', await request.formData(), criterionFields, async (input) => {
			await items.setCriterion(
				locals.db,
				user,
				Number(params.accountId),
				input.phase_id,
				input.version,
				Number(input.index),
				input.checked === 'true'
			);
			return { form: 'criterion', saved: true };
		});
	},
	kickoff: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		const form = await request.formData();
		return handleForm('kickoff', form, kickoffFields, async (input) => {
			const { onboarding_id, duration_minutes, ...rest } = input;
			await kickoff.scheduleKickoff(locals.db, user, Number(params.accountId), onboarding_id, {
				...rest,
				duration_minutes: duration_minutes ?? 60,
				attendees: form.getAll('attendees').map(String)
			});
			return { form: 'kickoff', saved: true };
		});
	},
	handoff: async ({ locals, request, params }) => {
		const user = requireRole(locals, ACCOUNT_WRITERS);
		return handleForm('handoff', await request.formData(), handoffFields, async (input) => {
			await onboarding.handOff(
				locals.db,
				user,
				Number(params.accountId),
				input.onboarding_id,
				input.version,
				input.note
			);
			return { form: 'handoff', saved: true };
		});
	}
} satisfies Actions;

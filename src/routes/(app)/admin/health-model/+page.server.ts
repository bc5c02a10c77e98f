import { SEGMENTS } from '$lib/domain/vocabulary';
import { optionalOneOf, oneOf, version } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guard';
import * as models from '$lib/server/health/health-model.service';
import { modelFields } from '$lib/server/health/health.schema';
import { handleForm } from '$lib/server/http/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireRole(locals, ['admin'], url);
	return models.getModels(locals.db, user);
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		const fields = { ...modelFields, segment: optionalOneOf(SEGMENTS) };
		return handleForm('save', await request.formData(), fields, async (input) => {
			await models.saveModel(locals.db, user, input.segment, {
				weights: {
					adoption: input.w_adoption,
					engagement: input.w_engagement,
					progress: input.w_progress,
					support: input.w_support,
					sentiment: input.w_sentiment
				},
				redUpTo: input.red_up_to,
				yellowUpTo: input.yellow_up_to,
				version: input.version
			});
			return { form: 'save', segment: input.segment, saved: true };
		});
	},
	remove: async ({ locals, request }) => {
		const user = requireRole(locals, ['admin']);
		const fields = { segment: oneOf(SEGMENTS), version: version() };
		return handleForm('remove', await request.formData(), fields, async (input) => {
			await models.removeSegmentModel(locals.db, user, input.segment, input.version);
			return { form: 'remove', segment: input.segment, saved: true };
		});
	}
} satisfies Actions;

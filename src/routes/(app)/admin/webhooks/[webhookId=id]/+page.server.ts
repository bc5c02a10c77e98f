import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import { deliveryFields, versionFields } from '$lib/server/webhooks/webhook.schema';
import * as webhooks from '$lib/server/webhooks/webhook.service';
import { saveWebhookAction } from '../save-webhook';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, params, url }) => {
	const user = requireRole(locals, ['admin'], url);
	const page = Math.max(1, Math.floor(Number(url.searchParams.get('page'))) || 1);
	const found = await loadOr404(
		webhooks.getWebhook(locals.db, user, Number(params.webhookId), page)
	);
	return { ...found, page, created: url.searchParams.has('created') };
}) satisfies PageServerLoad;

export const actions = {
	save: ({ locals, params, request }) =>
		saveWebhookAction(locals, request, Number(params.webhookId)),
	rotate: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		return handleForm('rotate', form, versionFields, async (input) => {
			await webhooks.rotateSecret(locals.db, user, Number(params.webhookId), input.version);
			return { form: 'rotate', saved: true };
		});
	},
	test: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		return handleForm('test', form, {}, async () => {
			const deliveryId = await webhooks.sendTest(locals.db, user, Number(params.webhookId));
			return { form: 'test', saved: true, deliveryId };
		});
	},
	retry: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		return handleForm('retry', form, deliveryFields, async (input) => {
			await webhooks.retryDelivery(locals.db, user, Number(params.webhookId), input.delivery_id);
			return { form: 'retry', saved: true };
		});
	},
	delete: async ({ locals, params, request }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		return handleForm('delete', form, versionFields, async (input) => {
			await webhooks.deleteWebhook(locals.db, user, Number(params.webhookId), input.version);
			redirect(303, '/admin/webhooks?deleted');
		});
	}
} satisfies Actions;

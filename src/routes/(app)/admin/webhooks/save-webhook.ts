import { redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { handleParsedForm } from '$lib/server/http/form-action';
import { parseWebhookForm } from '$lib/server/webhooks/webhook.schema';
import * as webhooks from '$lib/server/webhooks/webhook.service';

/**
 * The webhook form's save, for a new webhook (webhookId null: on to its page, where its secret
 * is) and an existing one (stays, saved). handleForm maps refusals and stale versions back.
 */
export async function saveWebhookAction(
	locals: App.Locals,
	request: Request,
	webhookId: number | null
) {
	const user = requireRole(locals, ['admin']);
	const form = await request.formData();
	return handleParsedForm('save', form, parseWebhookForm, async ({ version, ...input }) => {
		if (webhookId === null) {
			const id = await webhooks.createWebhook(locals.db, user, input);
			redirect(303, `/admin/webhooks/${id}?created`);
		}
		await webhooks.updateWebhook(locals.db, user, webhookId, version, input);
		return { form: 'save', saved: true };
	});
}

import { fail, redirect } from '@sveltejs/kit';
import { formValues } from '$lib/domain/validation';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
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
	const parsed = parseWebhookForm(form);
	if (!parsed.ok) {
		return fail(400, {
			form: 'save',
			stale: false,
			errors: parsed.errors,
			values: formValues(form)
		});
	}
	return handleForm('save', form, {}, async () => {
		const { version, ...input } = parsed.data;
		if (webhookId === null) {
			const id = await webhooks.createWebhook(locals.db, user, input);
			redirect(303, `/admin/webhooks/${id}?created`);
		}
		await webhooks.updateWebhook(locals.db, user, webhookId, version, input);
		return { form: 'save', saved: true };
	});
}

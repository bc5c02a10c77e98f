import { positiveInt } from '$lib/domain/query-params';
import { requireUser } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { markAllReadFields, markReadFields } from '$lib/server/notifications/notification.schema';
import * as notifications from '$lib/server/notifications/notification.service';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ locals, url }) => {
	const user = requireUser(locals, url);
	const page = positiveInt(url.searchParams.get('page'), 100_000) ?? 1;
	return notifications.listNotifications(locals.db, user, page);
}) satisfies PageServerLoad;

export const actions = {
	read: async ({ locals, request }) => {
		const user = requireUser(locals);
		return handleForm('read', await request.formData(), markReadFields, async (input) => {
			await notifications.markRead(locals.db, user, input.id);
			return { form: 'read', saved: true };
		});
	},
	readAll: async ({ locals, request }) => {
		const user = requireUser(locals);
		return handleForm('readAll', await request.formData(), markAllReadFields, async (input) => {
			await notifications.markAllRead(locals.db, user, input.up_to);
			return { form: 'readAll', saved: true };
		});
	}
} satisfies Actions;

import { fail, redirect } from '@sveltejs/kit';
import { applyTemplateEdit } from '$lib/domain/template-edit';
import { version } from '$lib/domain/validation';
import { isOneOf, LOCALES } from '$lib/domain/vocabulary';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/http/form-action';
import { loadOr404 } from '$lib/server/http/load';
import * as templates from '$lib/server/onboarding/template-admin.service';
import { readTemplateForm } from '$lib/server/onboarding/template-form';
import type { Actions, PageServerLoad } from './$types';

function editLocale(url: URL, fallback: string) {
	const lang = url.searchParams.get('lang') ?? fallback;
	return isOneOf(LOCALES, lang) ? lang : 'en';
}

export const load = (async ({ locals, params, url }) => {
	const user = requireRole(locals, ['admin'], url);
	const editing = await loadOr404(templates.getForEdit(locals.db, user, Number(params.templateId)));
	return { ...editing, lang: editLocale(url, user.locale) };
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ locals, request, params, url }) => {
		const user = requireRole(locals, ['admin']);
		const form = await request.formData();
		const templateId = Number(params.templateId);
		const lang = editLocale(url, user.locale);
		const { content: previous } = await loadOr404(
			templates.getForEdit(locals.db, user, templateId)
		);
		const edit = applyTemplateEdit(previous, lang, readTemplateForm(form));
		if (!edit.ok) {
			return fail(400, {
				form: 'template',
				stale: false,
				errors: edit.errors,
				values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]))
			});
		}
		return handleForm('template', form, { version: version() }, async (input) => {
			const saved = await templates.saveVersion(
				locals.db,
				user,
				templateId,
				input.version,
				edit.content
			);
			redirect(303, `/admin/templates/${templateId}?lang=${lang}&saved=${saved}`);
		});
	}
} satisfies Actions;

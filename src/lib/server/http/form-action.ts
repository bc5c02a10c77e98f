import { error, fail, isHttpError, isRedirect } from '@sveltejs/kit';
import {
	ConflictError,
	ForbiddenError,
	NotFoundError,
	StaleVersionError
} from '../../domain/errors';
import {
	formValues,
	parseForm,
	type FieldError,
	type Parsed,
	type Schema
} from '../../domain/validation';

/** Errors by field name, as forms read them. */
export type FormErrors = Record<string, FieldError>;

/**
 * The one way Keel's actions turn input into a service call: parse by schema, call, and map
 * domain errors to answers. Bad input and conflicts come back to the named form with what the
 * user typed; refusals are 403/404 and change nothing.
 */
export function handleForm<S extends Schema, R>(
	formName: string,
	form: FormData,
	schema: S,
	run: (input: Parsed<S>) => Promise<R>
) {
	return handleParsedForm(formName, form, (data) => parseForm(schema, data), run);
}

/**
 * As handleForm, for a form its own parser reads as a whole (a grid, a list of checkboxes), so
 * every problem comes back at once.
 */
export async function handleParsedForm<T, R>(
	formName: string,
	form: FormData,
	parse: (form: FormData) => { ok: true; data: T } | { ok: false; errors: Partial<FormErrors> },
	run: (input: T) => Promise<R>
) {
	const values = formValues(form);
	const parsed = parse(form);
	if (!parsed.ok)
		return fail(400, { form: formName, stale: false, errors: parsed.errors as FormErrors, values });
	try {
		return await run(parsed.data);
	} catch (cause) {
		if (isRedirect(cause) || isHttpError(cause)) throw cause;
		if (cause instanceof ForbiddenError) error(403, 'You may not do this.');
		if (cause instanceof NotFoundError) error(404, 'Not found');
		if (cause instanceof StaleVersionError) {
			return fail(409, { form: formName, stale: true, errors: {} as FormErrors, values });
		}
		if (cause instanceof ConflictError) {
			return fail(400, {
				form: formName,
				stale: false,
				errors: { [cause.field]: { key: cause.messageKey } } as FormErrors,
				values
			});
		}
		throw cause;
	}
}

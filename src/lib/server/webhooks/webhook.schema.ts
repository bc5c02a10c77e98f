import {
	MAX_URL_LENGTH,
	WEBHOOK_EVENTS,
	webhookUrlProblem,
	type WebhookEvent
} from '../../domain/webhook';
import {
	checkbox,
	id,
	oneOf,
	parseForm,
	text,
	version,
	wholeNumber,
	type FieldError,
	type FieldParser
} from '../../domain/validation';
import { LOCALES, type Locale } from '../../domain/vocabulary';

/** The endpoint, by the rules of webhookUrlProblem. */
function webhookUrl(): FieldParser<string> {
	const keys = {
		required: { key: 'error.required' },
		invalid: { key: 'webhooks.error.url' },
		tooLong: { key: 'error.tooLong', params: { max: MAX_URL_LENGTH } }
	} satisfies Record<string, FieldError>;
	return (raw) => {
		const value = typeof raw === 'string' ? raw.trim() : '';
		const problem = webhookUrlProblem(value);
		return problem ? { ok: false, error: keys[problem] } : { ok: true, value };
	};
}

/** Each event is its own checkbox, `event.<type>`, so the form posts what was ticked. */
export const eventField = (event: WebhookEvent) => `event.${event}`;

export const webhookFields = {
	url: webhookUrl(),
	description: text({ max: 200 }),
	locale: oneOf(LOCALES),
	active: checkbox(),
	/** 0 for a webhook not saved yet. */
	version: wholeNumber({ min: 0 })
};

export interface WebhookInput {
	url: string;
	description: string;
	locale: Locale;
	active: boolean;
	events: WebhookEvent[];
}

/** The webhook form: its fields, and at least one event ticked, all problems at once. */
export function parseWebhookForm(
	form: FormData
):
	| { ok: true; data: WebhookInput & { version: number } }
	| { ok: false; errors: Record<string, FieldError> } {
	const parsed = parseForm(webhookFields, form);
	const ticked = checkbox();
	const events = WEBHOOK_EVENTS.filter((event) => {
		const result = ticked(form.get(eventField(event)));
		return result.ok && result.value;
	});
	const errors: Record<string, FieldError> = parsed.ok
		? {}
		: (parsed.errors as Record<string, FieldError>);
	if (events.length === 0) errors.events = { key: 'webhooks.error.noEvents' };
	if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, data: { ...parsed.data, events } };
}

export const versionFields = { version: version() };
export const deliveryFields = { delivery_id: id() };

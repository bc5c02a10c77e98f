/** What a webhook may subscribe to, in the order the form lists them. */
export const WEBHOOK_EVENTS = [
	'churn_flag.critical_raised',
	'escalation.sla_warning',
	'escalation.sla_breach',
	'escalation.p1_opened',
	'onboarding.at_risk'
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** A delivery's event: a subscribed one, or the test an admin sends from the webhook's page. */
export type DeliveryEvent = WebhookEvent | 'test';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Minutes to wait after each failed attempt before the next: the first retry comes quickly (a
 * receiver restarting), the last half a day later (an outage). After the last one, failed.
 */
export const RETRY_DELAYS_MINUTES = [1, 5, 30, 120, 720] as const;
/** The first attempt and one per retry delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MINUTES.length + 1;

/**
 * When the next attempt is due after `attempts` attempts have failed, or null when that was the
 * last one and the delivery has failed.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
	const minutes = RETRY_DELAYS_MINUTES[attempts - 1];
	if (attempts < 1 || minutes === undefined) return null;
	return new Date(now.getTime() + minutes * 60_000);
}

/** A receiver's answer counts as delivered only when it is 2xx. */
export const isDelivered = (status: number) => status >= 200 && status <= 299;

/** Longer URLs are a pasted document, not an endpoint. */
export const MAX_URL_LENGTH = 2000;

/**
 * An endpoint Keel may post to: absolute http or https, with a host and no user:password part
 * (credentials belong in the secret, not in a URL shown on the page and in the audit log).
 */
export function webhookUrlProblem(value: string): 'required' | 'invalid' | 'tooLong' | null {
	if (value === '') return 'required';
	if (value.length > MAX_URL_LENGTH) return 'tooLong';
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return 'invalid';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'invalid';
	if (!url.hostname || url.username || url.password) return 'invalid';
	return null;
}

/** What is kept of a receiver's answer: enough to see what went wrong, never a whole page. */
export const MAX_RESPONSE_CHARS = 2000;

export function truncateResponse(text: string): string {
	return text.length <= MAX_RESPONSE_CHARS ? text : `${text.slice(0, MAX_RESPONSE_CHARS)}…`;
}

/** Deliveries older than this are deleted: the log is for recent troubleshooting. */
export const DELIVERY_RETENTION_DAYS = 30;

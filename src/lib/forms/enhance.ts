import { enhance as kitEnhance } from '$app/forms';
import type { ActionResult, SubmitFunction } from '@sveltejs/kit';
import { t } from '$lib/i18n/i18n.svelte';

/** What a proxy or the app answers when it, or its database, is out of reach. */
const OUTAGE_STATUSES = new Set([502, 503, 504]);
const ALERT_ATTRIBUTE = 'data-outage-alert';

/**
 * `$app/forms`' enhance, except when the server cannot be reached or answers that its database
 * is down: then the result is not applied (which would swap the page for the error page and lose
 * what the person typed), the form stays as it is, and an alert above it says nothing was saved
 * and to try again. The form's own callback still runs, with an `update` that does nothing, so a
 * "saving…" state it keeps is cleared.
 */
export function enhance<
	Success extends Record<string, unknown> | undefined,
	Failure extends Record<string, unknown> | undefined
>(form: HTMLFormElement, submit?: SubmitFunction<Success, Failure>): { destroy(): void } {
	return kitEnhance<Success, Failure>(form, async (input) => {
		clearAlert(form);
		const callback = await submit?.(input);
		return async (opts) => {
			const outage = outageOf(opts.result);
			if (outage) {
				showAlert(form, t(outage === 'unreachable' ? 'outage.unreachable' : 'outage.unavailable'));
				if (callback) await callback({ ...opts, update: async () => {} });
				return;
			}
			if (callback) await callback(opts);
			else await opts.update();
		};
	});
}

function outageOf(result: ActionResult): 'unreachable' | 'unavailable' | null {
	if (result.type !== 'error') return null;
	// No status: the request never got an answer it could read (offline, server down).
	if (result.status === undefined) return 'unreachable';
	return OUTAGE_STATUSES.has(result.status) ? 'unavailable' : null;
}

function showAlert(form: HTMLFormElement, message: string) {
	const alert = document.createElement('p');
	alert.className = 'alert error';
	alert.setAttribute('role', 'alert');
	alert.setAttribute(ALERT_ATTRIBUTE, '');
	alert.textContent = message;
	form.prepend(alert);
}

/** Each try starts without the last one's alert, so a new failure is announced again. */
function clearAlert(form: HTMLFormElement) {
	form.querySelector(`:scope > [${ALERT_ATTRIBUTE}]`)?.remove();
}

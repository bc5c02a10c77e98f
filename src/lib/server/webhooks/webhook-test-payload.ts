import type { Locale } from '../../domain/vocabulary';
import { loadCatalogue } from '../../i18n/catalogue';
import { format } from '../../i18n/format';
import { appOrigin } from './webhook-links';
import type { WebhookPayload } from './webhook.table';

/** The test an admin sends from a webhook's page: says which webhook it is and links to it. */
export async function testPayload(
	webhook: { id: number; description: string; url: string; locale: Locale },
	now: Date
): Promise<WebhookPayload> {
	const m = await loadCatalogue(webhook.locale);
	const url = `${appOrigin()}/admin/webhooks/${webhook.id}`;
	return {
		text: format(m['webhooks.text.test'], {
			name: webhook.description || webhook.url,
			link: url
		}),
		event: 'test',
		occurred_at: now.toISOString(),
		data: { webhook_id: webhook.id, url }
	};
}

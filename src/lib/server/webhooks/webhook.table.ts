import type { ColumnType, Generated, JSONColumnType, Selectable } from 'kysely';
import type { DeliveryEvent, DeliveryStatus, WebhookEvent } from '../../domain/webhook';
import type { Locale } from '../../domain/vocabulary';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export interface WebhookTable {
	id: Generated<number>;
	url: string;
	description: Generated<string>;
	events: JSONColumnType<WebhookEvent[], string, string>;
	active: Generated<boolean>;
	locale: Generated<Locale>;
	/** HMAC key for X-Keel-Signature; shown to admins, never written to the audit log. */
	secret: string;
	created_by: number | null;
	updated_by: number | null;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: UpdatedAt;
}

/** What a receiver is sent: Slack and Teams read `text`, programs read the rest. */
export interface WebhookPayload {
	text: string;
	event: DeliveryEvent;
	occurred_at: string;
	data: Record<string, string | number | boolean | null>;
}

export interface WebhookDeliveryTable {
	id: Generated<number>;
	webhook_id: number;
	event: DeliveryEvent;
	payload: JSONColumnType<WebhookPayload, string, never>;
	status: Generated<DeliveryStatus>;
	attempts: Generated<number>;
	next_attempt_at: Date | null;
	last_attempt_at: Date | null;
	response_status: number | null;
	duration_ms: number | null;
	response_body: string | null;
	error: string | null;
	delivered_at: Date | null;
	created_at: CreatedAt;
}

export type Webhook = Selectable<WebhookTable>;
export type WebhookDelivery = Selectable<WebhookDeliveryTable>;

import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

// Apart from webhook.ts so the pages that list events never ship the HMAC code.

/**
 * The signature a receiver recomputes: hex HMAC-SHA256, keyed with the webhook's secret, of the
 * `X-Keel-Timestamp` header, a dot, and the raw request body. Binding the timestamp lets a
 * receiver refuse replays of an old, validly signed body.
 */
export function signDelivery(secret: string, timestamp: string, body: string): string {
	const encoder = new TextEncoder();
	const mac = hmac(SHA256, encoder.encode(secret), encoder.encode(`${timestamp}.${body}`));
	return `sha256=${encodeHexLowerCase(mac)}`;
}

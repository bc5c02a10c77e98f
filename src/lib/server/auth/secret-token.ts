import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/*
 * Secrets handed to a person or a program once (session cookies, API tokens, calendar feed
 * addresses), as Lucia teaches: random bytes in base32, and only their SHA-256 kept, so whoever
 * reads the database cannot use what it holds.
 */

/** `bytes` random bytes (20 is 160 bits) as lower-case base32 without padding. */
export function randomToken(bytes: number): string {
	const random = new Uint8Array(bytes);
	crypto.getRandomValues(random);
	return encodeBase32LowerCaseNoPadding(random);
}

/** What is stored of a token: its SHA-256, in hex. */
export function tokenHash(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

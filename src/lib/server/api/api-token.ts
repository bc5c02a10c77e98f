import { randomToken, tokenHash } from '../auth/secret-token';

/**
 * A personal access token: a recognisable prefix (so secret scanners and people can tell what it
 * is) and 256 random bits. As with sessions, only its SHA-256 is stored.
 */
export const TOKEN_PREFIX = 'keel_pat_';
const TOKEN_BYTES = 32;
/** base32 of 32 bytes without padding. */
const TOKEN_LENGTH = TOKEN_PREFIX.length + Math.ceil((TOKEN_BYTES * 8) / 5);

export function generateApiToken(): string {
	return TOKEN_PREFIX + randomToken(TOKEN_BYTES);
}

export const hashApiToken = tokenHash;

/** Cheap shape check before any database work: the prefix, the length and base32 letters. */
export function looksLikeApiToken(token: string): boolean {
	return (
		token.length === TOKEN_LENGTH &&
		token.startsWith(TOKEN_PREFIX) &&
		/^[a-z2-7]+$/.test(token.slice(TOKEN_PREFIX.length))
	);
}

/**
 * The token of an `Authorization: Bearer …` header, or null. The API reads tokens from this
 * header only: never a cookie (which a browser would attach to a forged cross-site request) nor
 * the query string (which ends up in logs and Referer headers).
 */
export function bearerToken(header: string | null): string | null {
	const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
	return match ? match[1]! : null;
}

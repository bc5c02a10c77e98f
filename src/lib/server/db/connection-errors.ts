/**
 * Whether an error means "the database cannot be reached right now" rather than "this query is
 * wrong": the answer is then 503 and a retry, not a 500 and a bug report. Both the pages (hooks)
 * and the API map with this one list.
 */

// Refused, reset or timed-out sockets, and PostgreSQL's admin shutdown / crash shutdown / cannot
// connect now; the 08 class (connection exception) is matched by prefix below.
const UNAVAILABLE_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EPIPE',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'EAI_AGAIN',
	'57P01',
	'57P02',
	'57P03'
]);

// pg reports a lost socket, a connect timeout and a broken pooled client by message only.
const UNAVAILABLE_MESSAGES =
	/Connection terminated|timeout exceeded when trying to connect|timeout expired|encountered a connection error and is not queryable/i;

export function isConnectionFailure(cause: unknown, depth = 0): boolean {
	if (!cause || typeof cause !== 'object' || depth > 3) return false;
	const code = (cause as { code?: unknown }).code;
	if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) {
		return true;
	}
	if (cause instanceof Error && UNAVAILABLE_MESSAGES.test(cause.message)) return true;
	// Node reports a refused "localhost" (::1 and 127.0.0.1) as an AggregateError of both tries;
	// pg wraps a connect timeout around its cause.
	if (
		cause instanceof AggregateError &&
		cause.errors.some((e) => isConnectionFailure(e, depth + 1))
	)
		return true;
	return isConnectionFailure((cause as { cause?: unknown }).cause, depth + 1);
}

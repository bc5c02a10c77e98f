import { sql, type RawBuilder } from 'kysely';

/**
 * Which accounts a health pass covers: a few named ones (a live change), a range of ids (one
 * partition of a portfolio-wide pass) or every account.
 */
export type HealthScope = readonly number[] | { fromId: number; toId: number } | 'all';

/** True for scopes big enough to be a portfolio-wide pass (hash aggregates, no JIT). */
export function isBulk(scope: HealthScope) {
	return !Array.isArray(scope);
}

export function isEmpty(scope: HealthScope) {
	return Array.isArray(scope) && scope.length === 0;
}

/** `column` within the scope, as a SQL condition. */
export function inScope(column: string, scope: HealthScope): RawBuilder<boolean> {
	const ref = sql.ref(column);
	if (scope === 'all') return sql<boolean>`true`;
	if (Array.isArray(scope)) return sql<boolean>`${ref} = any(${[...scope]}::int[])`;
	const range = scope as { fromId: number; toId: number };
	return sql<boolean>`${ref} between ${range.fromId} and ${range.toId}`;
}

import { sql } from 'kysely';
import { NotFoundError, StaleVersionError } from '../../domain/errors';

/**
 * Optimistic locking: the row, read `forUpdate()` inside the saving transaction, must still carry
 * the version the user's form was loaded with.
 */
export function assertVersion<T extends { version: number }>(
	row: T | undefined,
	expected: number,
	entity: string
): T {
	if (!row) throw new NotFoundError(entity);
	if (row.version !== expected) throw new StaleVersionError(entity);
	return row;
}

/** The `set` fragment every versioned update carries. */
export const bumpVersion = () => ({
	version: sql<number>`version + 1`,
	updated_at: sql<Date>`now()`
});

import { error } from '@sveltejs/kit';
import { ForbiddenError, NotFoundError } from '../../domain/errors';

/** Awaits a service read, turning its named misses into 404/403 for the page. */
export async function loadOr404<T>(promise: Promise<T>): Promise<T> {
	try {
		return await promise;
	} catch (cause) {
		if (cause instanceof NotFoundError) error(404, 'Not found');
		if (cause instanceof ForbiddenError) error(403, 'You may not do this.');
		throw cause;
	}
}

import { redirect } from '@sveltejs/kit';
import { navigationFor } from '$lib/domain/navigation';
import type { PageServerLoad } from './$types';

/** Each role starts on the first page of its own navigation (a CSM on their own accounts). */
export const load = (({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	redirect(303, navigationFor(locals.user.role, locals.user.id)[0]!.href);
}) satisfies PageServerLoad;

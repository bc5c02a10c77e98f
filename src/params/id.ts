import type { ParamMatcher } from '@sveltejs/kit';

/** A positive integer id that fits PostgreSQL's integer: anything else 404s before a load runs. */
export const match: ParamMatcher = (param) =>
	/^[1-9]\d{0,9}$/.test(param) && Number(param) <= 2_147_483_647;

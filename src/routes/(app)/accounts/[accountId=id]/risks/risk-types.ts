import type { PageData } from './$types';

export type Flag = PageData['flags'][number];
export type FlagEvent = Flag['events'][number];

/** What a failed action hands back to its form. */
export interface FormState {
	form?: string;
	id?: number;
	saved?: boolean;
	stale?: boolean;
	errors?: Record<string, { key: string; params?: Record<string, string | number> }>;
	values?: Record<string, string>;
}

/** The shape every action on the account page answers with, success or failure. */
export type ActionState = {
	form?: string;
	saved?: boolean;
	stale?: boolean;
	errors?: Record<string, { key: string; params?: Record<string, string | number> }>;
	values?: Record<string, string>;
} | null;

/** The shape every action on the account page answers with, success or failure. */
export type ActionState = {
	form?: string;
	saved?: boolean;
	stale?: boolean;
	errors?: Record<string, { key: string; params?: Record<string, string | number> }>;
	values?: Record<string, string>;
} | null;

/** The answer of action `name` when it failed (its form shows the errors and keeps the input), else null. */
export const failedAction = (form: ActionState, name: string) =>
	form?.form === name && !form.saved ? form : null;

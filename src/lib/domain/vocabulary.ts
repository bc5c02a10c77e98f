/**
 * The closed vocabularies of Keel's domain. The database checks the same lists, so a value
 * outside them can neither be typed into a form nor stored by a script.
 */
export const USER_ROLES = ['csm', 'manager', 'sales', 'partner', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Roles on an account team, from the seeds (Equinix account teams and reseller job aid). */
export const TEAM_ROLES = ['AM', 'CSM', 'SE', 'BA', 'TAM', 'CPM', 'PARTNER_CSM'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const SEGMENTS = ['enterprise', 'mid_market', 'smb'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const REGIONS = ['emea', 'latam', 'north_america', 'apac'] as const;
export type Region = (typeof REGIONS)[number];

export const SALES_CHANNELS = ['direct', 'reseller'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

export const SUPPORT_PACKAGES = ['standard', 'premium', 'enterprise'] as const;
export type SupportPackage = (typeof SUPPORT_PACKAGES)[number];

/** Where the customer is in its life with us; 'adoption' is the steady state after onboarding. */
export const LIFECYCLE_STAGES = [
	'onboarding',
	'adoption',
	'expansion',
	'renewal',
	'churned'
] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const TASK_STATUSES = ['open', 'done', 'skipped'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const LOCALES = ['en', 'pt-BR', 'es'] as const;
export type Locale = (typeof LOCALES)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}

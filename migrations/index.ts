import type { Migration } from 'kysely';
import * as foundation from './20261122000100_foundation';
import * as onboarding from './20261122000200_onboarding';
import * as successPlans from './20261122000300_success_plans';
import * as healthChurn from './20261122000400_health_churn';
import * as healthInputs from './20261122000500_health_inputs';
import * as escalations from './20261122000600_escalations';
import * as escalationsAtScale from './20261122000700_escalations_at_scale';
import * as reviewsFeedback from './20261122000800_reviews_feedback';
import * as imports from './20261122000900_imports';
import * as importKinds from './20261122001000_import_kinds';
import * as apiTokens from './20261122001100_api_tokens';
import * as webhooks from './20261122001200_webhooks';
import * as notifications from './20261122001300_notifications';
import * as escalationQueueOrder from './20261122001400_escalation_queue_order';

/**
 * Every migration, by name. An explicit map rather than a folder scan, because the bundled
 * server has no `.ts` files on disk to scan. Add each new migration here.
 */
export const MIGRATIONS: Record<string, Migration> = {
	'20261122000100_foundation': foundation,
	'20261122000200_onboarding': onboarding,
	'20261122000300_success_plans': successPlans,
	'20261122000400_health_churn': healthChurn,
	'20261122000500_health_inputs': healthInputs,
	'20261122000600_escalations': escalations,
	'20261122000700_escalations_at_scale': escalationsAtScale,
	'20261122000800_reviews_feedback': reviewsFeedback,
	'20261122000900_imports': imports,
	'20261122001000_import_kinds': importKinds,
	'20261122001100_api_tokens': apiTokens,
	'20261122001200_webhooks': webhooks,
	'20261122001300_notifications': notifications,
	'20261122001400_escalation_queue_order': escalationQueueOrder
};

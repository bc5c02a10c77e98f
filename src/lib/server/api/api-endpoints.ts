import { apiHandler, type Endpoint } from './api-handler';
import { OPERATIONS, type OperationId } from './api-spec';
import {
	listAccountsEndpoint,
	getAccountEndpoint,
	getAccountHealthEndpoint,
	listHealthEndpoint
} from './api-accounts';
import {
	listChurnFlagsEndpoint,
	getChurnFlagEndpoint,
	addChurnFlagNoteEndpoint
} from './api-churn';
import { listTasksEndpoint, getTaskEndpoint, taskChange } from './api-task-endpoints';
import { listEscalationsEndpoint, getEscalationEndpoint } from './api-escalations';
import { listReviewsEndpoint, getReviewEndpoint } from './api-reviews';
import {
	listAccountFeedbackEndpoint,
	getFeedbackEndpoint,
	createFeedbackEndpoint
} from './api-feedback';

/** Each operation's handler; the type asks for exactly the operations api-spec.ts lists. */
export const ENDPOINTS: Record<OperationId, Endpoint> = {
	listAccounts: listAccountsEndpoint,
	getAccount: getAccountEndpoint,
	getAccountHealth: getAccountHealthEndpoint,
	listChurnFlags: listChurnFlagsEndpoint,
	getChurnFlag: getChurnFlagEndpoint,
	addChurnFlagNote: addChurnFlagNoteEndpoint,
	listTasks: listTasksEndpoint,
	getTask: getTaskEndpoint,
	completeTask: taskChange(true),
	reopenTask: taskChange(false),
	listHealth: listHealthEndpoint,
	listEscalations: listEscalationsEndpoint,
	getEscalation: getEscalationEndpoint,
	listReviews: listReviewsEndpoint,
	getReview: getReviewEndpoint,
	listAccountFeedback: listAccountFeedbackEndpoint,
	createFeedback: createFeedbackEndpoint,
	getFeedback: getFeedbackEndpoint
};

/** The request handler a route file exports for an operation of the table. */
export function endpoint(id: OperationId) {
	return apiHandler(OPERATIONS[id].access, ENDPOINTS[id]);
}

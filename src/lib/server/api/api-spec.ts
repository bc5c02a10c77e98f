import { CHURN_REASONS, CHURN_RULES, CHURN_SEVERITIES, CHURN_STATUSES } from '../../domain/churn';
import { HEALTH_BANDS, HEALTH_COMPONENTS } from '../../domain/health';
import { ACCOUNT_SORTS } from '../../domain/account-list-query';
import { RISK_SORTS, RISK_STATES } from '../../domain/risk-list-query';
import { ESCALATION_STATUSES, PRIORITIES } from '../../domain/escalation';
import { QUEUE_CLOCKS, QUEUE_STATES } from '../../domain/escalation-queue-query';
import {
	FEEDBACK_KINDS,
	FEEDBACK_SOURCES,
	FEEDBACK_STATUSES,
	FEEDBACK_TEAMS
} from '../../domain/feedback';
import { HEALTH_REVIEW_SORTS } from '../../domain/health-review-query';
import { REVIEW_KINDS, REVIEW_STATUSES } from '../../domain/review';
import {
	LIFECYCLE_STAGES,
	REGIONS,
	SALES_CHANNELS,
	SEGMENTS,
	SUPPORT_PACKAGES,
	TASK_STATUSES,
	TEAM_ROLES
} from '../../domain/vocabulary';
import { API_ERROR_CODES } from './api-errors';
import { DEFAULT_LIMIT, MAX_LIMIT } from './api-pagination';

/**
 * The API's route table: every operation's method, path, access, parameters and answer. The
 * handlers are looked up by these ids (api-endpoints.ts) and the OpenAPI document is built from
 * this table (openapi.ts), so what is served and what is documented cannot drift apart.
 */
export type JsonSchema = { [key: string]: unknown };

const str = (description?: string): JsonSchema => ({
	type: 'string',
	...(description && { description })
});
const int = (description?: string): JsonSchema => ({
	type: 'integer',
	...(description && { description })
});
const num = (description?: string): JsonSchema => ({
	type: 'number',
	...(description && { description })
});
const bool = (): JsonSchema => ({ type: 'boolean' });
const date = (description?: string): JsonSchema => ({
	type: 'string',
	format: 'date',
	...(description && { description })
});
const instant = (): JsonSchema => ({ type: 'string', format: 'date-time' });
const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });
const nullable = (schema: JsonSchema): JsonSchema => ({
	...schema,
	type: [schema.type as string, 'null'],
	...(schema.enum ? { enum: [...(schema.enum as string[]), null] } : {})
});
const arrayOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
/** An object whose listed properties are all present (nullable ones may be null). */
const object = (properties: Record<string, JsonSchema>): JsonSchema => ({
	type: 'object',
	properties,
	required: Object.keys(properties),
	additionalProperties: false
});

const accountSummary = {
	id: int(),
	external_id: nullable(str('The id in the system the account was imported from.')),
	name: str(),
	segment: oneOf(SEGMENTS),
	region: oneOf(REGIONS),
	lifecycle_stage: oneOf(LIFECYCLE_STAGES),
	sales_channel: oneOf(SALES_CHANNELS),
	reseller_name: nullable(str()),
	arr: num('Annual recurring revenue in whole units of currency.'),
	currency: str(),
	renewal_date: nullable(date()),
	csm: nullable(object({ id: int(), name: str() }))
};

export const SCHEMAS = {
	Error: object({
		error: {
			type: 'object',
			properties: {
				code: oneOf(API_ERROR_CODES),
				message: str(),
				fields: {
					type: 'object',
					additionalProperties: { type: 'string' },
					description: 'Per input field (or query parameter), what is wrong with it.'
				}
			},
			required: ['code', 'message'],
			additionalProperties: false
		}
	}),
	AccountSummary: object(accountSummary),
	Account: object({
		...accountSummary,
		time_zone: str(),
		support_package: oneOf(SUPPORT_PACKAGES),
		notes: str(),
		version: int(),
		team: arrayOf(object({ user_id: int(), name: str(), team_role: oneOf(TEAM_ROLES) }))
	}),
	Health: object({
		account_id: int(),
		score: nullable(int('0–100; null when no weighted component has data.')),
		band: nullable(oneOf(HEALTH_BANDS)),
		coverage: num('Share of the model weight backed by data, 0–1.'),
		biggest_drag: nullable(oneOf(HEALTH_COMPONENTS)),
		components: arrayOf(
			object({
				component: oneOf(HEALTH_COMPONENTS),
				weight: num(),
				score: nullable(num()),
				contribution: nullable(num('Points of the overall score this component gives.')),
				drag: nullable(num('Points it costs against a perfect 100.')),
				change: nullable(num('Change since the snapshot a week ago.'))
			})
		),
		change: nullable(num('Change of the overall score since a week ago.')),
		change_since: nullable(date()),
		override: nullable(object({ band: oneOf(HEALTH_BANDS), reason: str(), expires_on: date() })),
		open_churn_flags: int()
	}),
	ChurnFlagSummary: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		rule: nullable(oneOf(CHURN_RULES)),
		severity: oneOf(CHURN_SEVERITIES),
		reason: oneOf(CHURN_REASONS),
		status: oneOf(CHURN_STATUSES),
		arr_at_risk: num(),
		currency: str(),
		renewal_date: nullable(date()),
		summary: str(),
		next_step: str(),
		next_step_owner: nullable(str()),
		next_step_due: nullable(date()),
		health_score: nullable(int()),
		health_band: nullable(oneOf(HEALTH_BANDS)),
		acknowledged_by_me: bool(),
		created_at: instant()
	}),
	ChurnFlag: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		rule: nullable(oneOf(CHURN_RULES)),
		severity: oneOf(CHURN_SEVERITIES),
		reason: oneOf(CHURN_REASONS),
		status: oneOf(CHURN_STATUSES),
		arr_at_risk: num(),
		summary: str(),
		next_step: str(),
		next_step_owner: nullable(str()),
		next_step_due: nullable(date()),
		raised_by: nullable(str()),
		version: int(),
		created_at: instant(),
		events: arrayOf(
			object({
				id: int(),
				kind: str('raised, comment, mitigation, acknowledged, status…'),
				actor: nullable(str()),
				body: nullable(str()),
				at: instant()
			})
		)
	}),
	ChurnFlagNote: object({
		kind: {
			...oneOf(['comment', 'mitigation']),
			description: 'mitigation: what was done (those who manage the flag); comment: also sales.'
		},
		body: str()
	}),
	Task: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		title: str(),
		status: oneOf(TASK_STATUSES),
		due_date: nullable(date()),
		source: str('The section that made it: onboarding, plan, review, escalation, feedback…'),
		version: int('Send it back to complete or reopen the task.')
	}),
	TaskChange: object({ version: int('The version the task was read at.') }),
	HealthSummary: object({
		account_id: int(),
		account_name: str(),
		segment: oneOf(SEGMENTS),
		region: oneOf(REGIONS),
		arr: num(),
		currency: str(),
		renewal_date: nullable(date()),
		csm_name: nullable(str()),
		score: nullable(int()),
		band: nullable(oneOf(HEALTH_BANDS)),
		coverage: nullable(num()),
		biggest_drag: nullable(oneOf(HEALTH_COMPONENTS)),
		change: nullable(num('Change since a week ago.')),
		override_band: nullable(oneOf(HEALTH_BANDS))
	}),
	Clock: nullable(
		object({
			state: oneOf(['running', 'warning', 'paused', 'breached', 'met', 'missed']),
			due_at: instant(),
			minutes_left: num('Open minutes until due; negative once overdue.')
		})
	),
	EscalationSummary: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		title: str(),
		priority: oneOf(PRIORITIES),
		status: oneOf(ESCALATION_STATUSES),
		owner_name: nullable(str()),
		external_ref: str(),
		opened_at: instant(),
		response_clock: { $ref: '#/components/schemas/Clock' },
		resolution_clock: { $ref: '#/components/schemas/Clock' }
	}),
	Escalation: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		title: str(),
		description: str(),
		priority: oneOf(PRIORITIES),
		status: oneOf(ESCALATION_STATUSES),
		category: str(),
		routed_to: nullable(str()),
		owner_name: nullable(str()),
		external_ref: str(),
		opened_at: instant(),
		response_clock: { $ref: '#/components/schemas/Clock' },
		resolution_clock: { $ref: '#/components/schemas/Clock' },
		version: int(),
		events: arrayOf(
			object({
				id: int(),
				kind: str(),
				actor: nullable(str()),
				body: nullable(str()),
				at: instant()
			})
		)
	}),
	ReviewSummary: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		kind: oneOf(REVIEW_KINDS),
		title: str(),
		starts_at: instant(),
		duration_minutes: int(),
		time_zone: str(),
		csm_name: nullable(str())
	}),
	Review: object({
		id: int(),
		account_id: int(),
		account_name: str(),
		kind: oneOf(REVIEW_KINDS),
		title: str(),
		status: oneOf(REVIEW_STATUSES),
		starts_at: instant(),
		duration_minutes: int(),
		time_zone: str(),
		notes: str(),
		version: int(),
		actions: arrayOf(
			object({
				task_id: int(),
				title: str(),
				status: oneOf(TASK_STATUSES),
				due_date: nullable(date()),
				owner_name: nullable(str()),
				version: int()
			})
		)
	}),
	Feedback: object({
		id: int(),
		account_id: int(),
		kind: oneOf(FEEDBACK_KINDS),
		score: nullable(int()),
		comment: str(),
		source: oneOf(FEEDBACK_SOURCES),
		received_on: date(),
		themes: arrayOf(str()),
		routed_team: nullable(oneOf(FEEDBACK_TEAMS)),
		status: oneOf(FEEDBACK_STATUSES),
		follow_up_task_id: nullable(int()),
		version: int()
	}),
	NewFeedback: {
		type: 'object',
		properties: {
			kind: oneOf(FEEDBACK_KINDS),
			score: int('NPS 0–10, CSAT 1–5; none for a comment.'),
			comment: str('Required for kind comment.'),
			source: oneOf(FEEDBACK_SOURCES),
			contact_id: int(),
			review_id: int(),
			received_on: date(),
			themes: arrayOf(str('A theme of the library.')),
			tags: str('Free tags, comma-separated.'),
			routed_team: oneOf(FEEDBACK_TEAMS),
			status: oneOf(FEEDBACK_STATUSES)
		},
		required: ['kind', 'source', 'received_on', 'status'],
		additionalProperties: false
	}
} satisfies Record<string, JsonSchema>;

export type SchemaName = keyof typeof SCHEMAS;

export interface ApiParameter {
	name: string;
	in: 'path' | 'query';
	description: string;
	required?: boolean;
	schema: JsonSchema;
}

export interface ApiOperation {
	method: 'GET' | 'POST';
	/** OpenAPI form, under /api/v1: `/accounts/{id}`. */
	path: string;
	tag: string;
	summary: string;
	description?: string;
	/** 'read' for any token; 'write' only for read-and-write tokens. */
	access: 'read' | 'write';
	parameters: ApiParameter[];
	body?: SchemaName;
	/** The success answer: one object, or a page of a list. */
	answer: { status: 200 | 201; schema: SchemaName; list?: boolean };
	/** Error statuses besides those every operation may give (400 when it reads input, 401, 429, 503). */
	errors: (403 | 404 | 409)[];
}

const idParam = (description: string): ApiParameter => ({
	name: 'id',
	in: 'path',
	description,
	required: true,
	schema: { type: 'integer', minimum: 1 }
});
const query = (name: string, description: string, schema: JsonSchema): ApiParameter => ({
	name,
	in: 'query',
	description,
	schema
});
const PAGE_PARAMS: ApiParameter[] = [
	query('limit', `Rows per page, 1–${MAX_LIMIT}.`, {
		type: 'integer',
		minimum: 1,
		maximum: MAX_LIMIT,
		default: DEFAULT_LIMIT
	}),
	query('cursor', 'next_cursor from the previous page; send the same filters with it.', {
		type: 'string'
	})
];

export const OPERATIONS = {
	listAccounts: {
		method: 'GET',
		path: '/accounts',
		tag: 'Accounts',
		summary: 'List the accounts you may see',
		description:
			'As the accounts page lists them: a partner sees the customers sold through their reseller.',
		access: 'read',
		parameters: [
			query('q', 'Part of the name.', { type: 'string' }),
			query('segment', 'Only this segment.', oneOf(SEGMENTS)),
			query('region', 'Only this region.', oneOf(REGIONS)),
			query('stage', 'Only this lifecycle stage.', oneOf(LIFECYCLE_STAGES)),
			query('channel', 'Only this sales channel.', oneOf(SALES_CHANNELS)),
			query('csm', 'Only accounts with this user as CSM.', { type: 'integer', minimum: 1 }),
			query('renewal', 'Renewing within this many days.', { type: 'integer', minimum: 1 }),
			query('sort', 'Sort key.', { ...oneOf(ACCOUNT_SORTS), default: 'name' }),
			query('dir', 'Sort direction.', { ...oneOf(['asc', 'desc']), default: 'asc' }),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'AccountSummary', list: true },
		errors: []
	},
	getAccount: {
		method: 'GET',
		path: '/accounts/{id}',
		tag: 'Accounts',
		summary: 'One account with its team',
		access: 'read',
		parameters: [idParam('The account id.')],
		answer: { status: 200, schema: 'Account' },
		errors: [404]
	},
	getAccountHealth: {
		method: 'GET',
		path: '/accounts/{id}/health',
		tag: 'Health',
		summary: "An account's health score and its breakdown",
		description: 'Computed from the current data, as the account health page shows it.',
		access: 'read',
		parameters: [idParam('The account id.')],
		answer: { status: 200, schema: 'Health' },
		errors: [404]
	},
	listChurnFlags: {
		method: 'GET',
		path: '/churn-flags',
		tag: 'Churn risks',
		summary: 'The churn risk list',
		description:
			'For managers (every account) and sales (accounts whose team they are on), as the risks page.',
		access: 'read',
		parameters: [
			query('state', 'Active (open, mitigating) or closed flags.', {
				...oneOf(RISK_STATES),
				default: 'active'
			}),
			query('severity', 'Only this severity.', oneOf(CHURN_SEVERITIES)),
			query('renewal', 'Renewing within 90 or 180 days.', { type: 'integer', enum: [90, 180] }),
			query('csm', 'Managers: only this CSM’s accounts.', { type: 'integer', minimum: 1 }),
			query('sort', 'Most ARR at risk first, or soonest renewal first.', {
				...oneOf(RISK_SORTS),
				default: 'arr'
			}),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'ChurnFlagSummary', list: true },
		errors: [403]
	},
	getChurnFlag: {
		method: 'GET',
		path: '/churn-flags/{id}',
		tag: 'Churn risks',
		summary: 'One churn flag with its log',
		access: 'read',
		parameters: [idParam('The flag id.')],
		answer: { status: 200, schema: 'ChurnFlag' },
		errors: [403, 404]
	},
	addChurnFlagNote: {
		method: 'POST',
		path: '/churn-flags/{id}/notes',
		tag: 'Churn risks',
		summary: 'Add a comment or a mitigation note to a flag',
		access: 'write',
		parameters: [idParam('The flag id.')],
		body: 'ChurnFlagNote',
		answer: { status: 201, schema: 'ChurnFlag' },
		errors: [403, 404]
	},
	listTasks: {
		method: 'GET',
		path: '/tasks',
		tag: 'Tasks',
		summary: 'Your open tasks',
		description:
			'As My work lists them: open tasks you own, overdue or due by due_by, by account then due date.',
		access: 'read',
		parameters: [
			query(
				'due_by',
				'Last due date to include; default: six days from today in your time zone.',
				date()
			),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'Task', list: true },
		errors: []
	},
	getTask: {
		method: 'GET',
		path: '/tasks/{id}',
		tag: 'Tasks',
		summary: 'One task',
		access: 'read',
		parameters: [idParam('The task id.')],
		answer: { status: 200, schema: 'Task' },
		errors: [404]
	},
	completeTask: {
		method: 'POST',
		path: '/tasks/{id}/complete',
		tag: 'Tasks',
		summary: 'Complete a task',
		description:
			'Through the section the task belongs to, with its rules; refused with 409 if the task changed since the version sent.',
		access: 'write',
		parameters: [idParam('The task id.')],
		body: 'TaskChange',
		answer: { status: 200, schema: 'Task' },
		errors: [403, 404, 409]
	},
	reopenTask: {
		method: 'POST',
		path: '/tasks/{id}/reopen',
		tag: 'Tasks',
		summary: 'Reopen a completed task',
		access: 'write',
		parameters: [idParam('The task id.')],
		body: 'TaskChange',
		answer: { status: 200, schema: 'Task' },
		errors: [403, 404, 409]
	},
	listHealth: {
		method: 'GET',
		path: '/health',
		tag: 'Health',
		summary: 'The portfolio health review',
		description:
			'Managers only, as the health review page: worst first, or by ARR, or by this week’s fall.',
		access: 'read',
		parameters: [
			query('segment', 'Only this segment.', oneOf(SEGMENTS)),
			query('region', 'Only this region.', oneOf(REGIONS)),
			query('csm', 'Only this CSM’s accounts.', { type: 'integer', minimum: 1 }),
			query('band', 'Only this band.', oneOf(HEALTH_BANDS)),
			query('sort', 'Sort key.', { ...oneOf(HEALTH_REVIEW_SORTS), default: 'score' }),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'HealthSummary', list: true },
		errors: [403]
	},
	listEscalations: {
		method: 'GET',
		path: '/escalations',
		tag: 'Escalations',
		summary: 'The escalation queue',
		description: 'Soonest due first, across the accounts you may see, with both SLA clocks.',
		access: 'read',
		parameters: [
			query('view', 'critical: what is raised to managers.', oneOf(['critical'])),
			query('priority', 'Only this priority.', oneOf(PRIORITIES)),
			query('state', 'Status filter.', { ...oneOf(QUEUE_STATES), default: 'open' }),
			query('owner', 'Only this owner.', { type: 'integer', minimum: 1 }),
			query('region', 'Only this region.', oneOf(REGIONS)),
			query('clock', 'Only clocks in warning or breached.', oneOf(QUEUE_CLOCKS)),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'EscalationSummary', list: true },
		errors: []
	},
	getEscalation: {
		method: 'GET',
		path: '/escalations/{id}',
		tag: 'Escalations',
		summary: 'One escalation with its clocks and timeline',
		access: 'read',
		parameters: [idParam('The escalation id.')],
		answer: { status: 200, schema: 'Escalation' },
		errors: [404]
	},
	listReviews: {
		method: 'GET',
		path: '/reviews',
		tag: 'Reviews',
		summary: 'Planned business reviews, upcoming or overdue',
		description:
			'As the reviews page: a CSM sees their own accounts’ unless csm=all; admins are refused.',
		access: 'read',
		parameters: [
			query('view', 'Upcoming (soonest first) or overdue (latest first).', {
				...oneOf(['upcoming', 'overdue']),
				default: 'upcoming'
			}),
			query('kind', 'Only this kind.', oneOf(REVIEW_KINDS)),
			query('csm', 'A CSM’s user id, or all.', { type: 'string' }),
			query('segment', 'Only this segment.', oneOf(SEGMENTS)),
			query('region', 'Only this region.', oneOf(REGIONS)),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'ReviewSummary', list: true },
		errors: [403]
	},
	getReview: {
		method: 'GET',
		path: '/reviews/{id}',
		tag: 'Reviews',
		summary: 'One review with its follow-up actions',
		access: 'read',
		parameters: [idParam('The review id.')],
		answer: { status: 200, schema: 'Review' },
		errors: [404]
	},
	listAccountFeedback: {
		method: 'GET',
		path: '/accounts/{id}/feedback',
		tag: 'Feedback',
		summary: 'An account’s feedback, newest first',
		access: 'read',
		parameters: [
			idParam('The account id.'),
			query('kind', 'Only this kind.', oneOf(FEEDBACK_KINDS)),
			query('status', 'Only this status.', oneOf(FEEDBACK_STATUSES)),
			...PAGE_PARAMS
		],
		answer: { status: 200, schema: 'Feedback', list: true },
		errors: [404]
	},
	createFeedback: {
		method: 'POST',
		path: '/accounts/{id}/feedback',
		tag: 'Feedback',
		summary: 'Record a feedback response',
		description: 'As the capture form: a detractor or a CSAT of 2 or less raises a follow-up task',
		access: 'write',
		parameters: [idParam('The account id.')],
		body: 'NewFeedback',
		answer: { status: 201, schema: 'Feedback' },
		errors: [403, 404]
	},
	getFeedback: {
		method: 'GET',
		path: '/feedback/{id}',
		tag: 'Feedback',
		summary: 'One feedback response',
		access: 'read',
		parameters: [idParam('The feedback id.')],
		answer: { status: 200, schema: 'Feedback' },
		errors: [404]
	}
} as const satisfies Record<string, ApiOperation>;

export type OperationId = keyof typeof OPERATIONS;

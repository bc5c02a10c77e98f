import {
	CATEGORIES,
	CHANNELS,
	ESCALATION_STATUSES,
	PRIORITIES,
	ROUTES
} from '../../domain/escalation';
import {
	checkbox,
	id,
	oneOf,
	optionalId,
	optionalOneOf,
	requiredDate,
	text,
	version,
	wholeNumber
} from '../../domain/validation';

export const escalationFields = {
	title: text({ required: true, max: 200 }),
	description: text({ max: 5000 }),
	priority: oneOf(PRIORITIES),
	category: oneOf(CATEGORIES),
	external_ref: text({ max: 100 }),
	reported_via: oneOf(CHANNELS),
	contact_id: optionalId(),
	owner_id: optionalId(),
	routed_to: optionalOneOf(ROUTES)
};

const ref = { version: version() };

export const statusFields = {
	...ref,
	status: oneOf(ESCALATION_STATUSES),
	note: text({ max: 2000 })
};

export const priorityFields = {
	...ref,
	priority: oneOf(PRIORITIES),
	reason: text({ required: true, max: 1000 })
};

export const assignFields = { ...ref, owner_id: optionalId(), routed_to: optionalOneOf(ROUTES) };

export const recomputeFields = ref;

export const commentFields = { body: text({ required: true, max: 5000 }) };

export const postmortemFields = {
	root_cause: text({ required: true, max: 5000 }),
	summary: text({ required: true, max: 5000 }),
	// 0 for the first one.
	version: wholeNumber({ min: 0 })
};

export const actionFields = {
	title: text({ required: true, max: 200 }),
	owner_id: id(),
	due_date: requiredDate()
};

export const actionStateFields = { id: id(), version: version(), done: checkbox() };

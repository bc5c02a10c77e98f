import { METRIC_KEYS } from '../../domain/adoption';
import { CRITERION_KINDS, OBJECTIVE_STATUSES } from '../../domain/success-plan';
import {
	decimal,
	id,
	isoDate,
	oneOf,
	optionalId,
	optionalOneOf,
	text,
	version
} from '../../domain/validation';

export const objectiveFields = {
	title: text({ required: true, max: 200 }),
	why: text({ max: 2000 }),
	criterion_kind: oneOf(CRITERION_KINDS),
	metric: optionalOneOf(METRIC_KEYS),
	target_value: decimal({ positive: true, max: 1_000_000_000 }),
	outcome: text({ max: 500 }),
	owner_user_id: optionalId(),
	due_date: isoDate(),
	status: oneOf(OBJECTIVE_STATUSES),
	status_reason: text({ max: 1000 })
};

export const objectiveRefFields = { id: id(), version: version() };

export const editObjectiveFields = { ...objectiveRefFields, ...objectiveFields };

export const statusFields = {
	...objectiveRefFields,
	status: oneOf(OBJECTIVE_STATUSES),
	status_reason: text({ max: 1000 })
};

export const taskFields = {
	objective_id: id(),
	title: text({ required: true, max: 200 }),
	owner_user_id: optionalId(),
	due_date: isoDate()
};

export const taskRefFields = { id: id(), version: version() };

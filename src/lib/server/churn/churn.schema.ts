import { CHURN_REASONS, CHURN_SEVERITIES, CHURN_STATUSES } from '../../domain/churn';
import {
	id,
	isoDate,
	oneOf,
	optionalId,
	text,
	version,
	wholeNumber
} from '../../domain/validation';

export const flagFields = {
	severity: oneOf(CHURN_SEVERITIES),
	reason: oneOf(CHURN_REASONS),
	arr_at_risk: wholeNumber({ min: 0, max: 10_000_000_000 }),
	summary: text({ required: true, max: 500 }),
	next_step: text({ max: 500 }),
	next_step_owner_id: optionalId(),
	next_step_due: isoDate()
};

export const flagRefFields = { id: id(), version: version() };

export const editFlagFields = { ...flagRefFields, ...flagFields };

export const flagStatusFields = {
	...flagRefFields,
	status: oneOf(CHURN_STATUSES),
	status_reason: text({ max: 1000 })
};

export const flagNoteFields = { id: id(), body: text({ required: true, max: 2000 }) };

export const flagAckFields = { id: id() };

import {
	checkbox,
	clockTime,
	integer,
	id,
	isoDate,
	oneOf,
	optionalId,
	requiredDate,
	text,
	version
} from '../../domain/validation';

const PHASE_VALUES = ['1', '2', '3'] as const;

export const startFields = {
	template_version_id: id(),
	start_date: requiredDate(),
	target_go_live: requiredDate(),
	skip_pre_onboarding: checkbox(),
	skip_reason: text({ max: 1000 })
};

export const itemRefFields = { id: id(), version: version() };

export const skipFields = { ...itemRefFields, reason: text({ required: true, max: 1000 }) };

export const editItemFields = {
	...itemRefFields,
	due_date: isoDate(),
	owner_user_id: optionalId(),
	notes: text({ max: 5000 })
};

export const addItemFields = {
	onboarding_id: id(),
	phase: oneOf(PHASE_VALUES),
	title: text({ required: true, max: 200 }),
	description: text({ max: 2000 }),
	due_date: isoDate(),
	owner_user_id: optionalId(),
	required: checkbox()
};

export const criterionFields = {
	phase_id: id(),
	version: version(),
	index: oneOf(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const),
	checked: oneOf(['true', 'false'] as const)
};

export const handoffFields = {
	onboarding_id: id(),
	version: version(),
	note: text({ required: true, max: 5000 })
};

export const kickoffFields = {
	onboarding_id: id(),
	date: requiredDate(),
	time: clockTime(),
	duration_minutes: integer({ required: true, min: 5, max: 480 }),
	location: text({ max: 500 }),
	agenda: text({ max: 5000 }),
	notes: text({ max: 10000 }),
	/** Empty when scheduling for the first time. */
	version: optionalId()
};

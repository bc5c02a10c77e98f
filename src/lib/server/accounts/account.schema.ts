import {
	checkbox,
	email,
	id,
	isoDate,
	oneOf,
	optionalId,
	text,
	timeZone,
	version,
	wholeNumber
} from '../../domain/validation';
import {
	LIFECYCLE_STAGES,
	REGIONS,
	SALES_CHANNELS,
	SEGMENTS,
	SUPPORT_PACKAGES,
	TEAM_ROLES
} from '../../domain/vocabulary';

export const accountFields = {
	name: text({ required: true, max: 200 }),
	segment: oneOf(SEGMENTS),
	region: oneOf(REGIONS),
	time_zone: timeZone(),
	sales_channel: oneOf(SALES_CHANNELS),
	reseller_id: optionalId(),
	support_package: oneOf(SUPPORT_PACKAGES),
	arr: wholeNumber({ min: 0, max: 10_000_000_000 }),
	renewal_date: isoDate(),
	lifecycle_stage: oneOf(LIFECYCLE_STAGES),
	notes: text({ max: 10_000 })
};

/** The account form: its fields, and the customer's id in the CRM, which imports match on. */
export const accountFormFields = { ...accountFields, external_id: text({ max: 200 }) };

export const accountUpdateFields = { ...accountFormFields, version: version() };

export const teamMemberFields = {
	user_id: id(),
	team_role: oneOf(TEAM_ROLES)
};

export const removeFields = { id: id(), version: version() };

export const contactFields = {
	name: text({ required: true, max: 200 }),
	title: text({ max: 200 }),
	email: email(),
	phone: text({ max: 50 }),
	is_primary: checkbox(),
	onboarded_on: isoDate()
};

export const contactUpdateFields = { ...contactFields, id: id(), version: version() };

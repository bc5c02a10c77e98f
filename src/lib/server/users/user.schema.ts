import { email, oneOf, optionalId, text, timeZone, version, id } from '../../domain/validation';
import { LOCALES, USER_ROLES } from '../../domain/vocabulary';
import { MIN_PASSWORD_LENGTH } from '../auth/password';

export const passwordField = text({ required: true, max: 200 });

export const newUserFields = {
	email: email({ required: true }),
	name: text({ required: true, max: 200 }),
	role: oneOf(USER_ROLES),
	reseller_id: optionalId(),
	password: passwordField
};

export const userRoleFields = {
	id: id(),
	version: version(),
	role: oneOf(USER_ROLES),
	reseller_id: optionalId()
};

export const userStatusFields = { id: id(), version: version() };

export const preferencesFields = {
	locale: oneOf(LOCALES),
	time_zone: timeZone()
};

export const passwordChangeFields = {
	current_password: passwordField,
	new_password: passwordField
};

export { MIN_PASSWORD_LENGTH };

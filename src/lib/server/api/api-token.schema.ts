import { id, isoDate, oneOf, text } from '../../domain/validation';
import { TOKEN_ACCESS } from './api.table';

export const newTokenFields = {
	name: text({ required: true, max: 100 }),
	access: oneOf(TOKEN_ACCESS),
	/** The last day the token works, in the user's time zone; empty: until revoked. */
	expires_on: isoDate()
};

export const revokeTokenFields = { id: id() };

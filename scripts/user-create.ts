// `npm run user:create -- --email a@b.c --name "Ana" --role admin [--password …]`
// Without --password it reads KEEL_USER_PASSWORD, so the password stays out of shell history.
import { parseArgs } from 'node:util';
import { ConflictError } from '../src/lib/domain/errors';
import { loadCatalogue, type MessageKey } from '../src/lib/i18n/catalogue';
import { USER_ROLES, isOneOf } from '../src/lib/domain/vocabulary';
import { openFromEnv } from '../src/lib/server/db/connect';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { createUser } from '../src/lib/server/users/user.service';

const { values } = parseArgs({
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string', default: 'admin' },
		password: { type: 'string' },
		'reseller-id': { type: 'string' }
	}
});
const password = values.password ?? process.env.KEEL_USER_PASSWORD;
if (!values.email || !values.name || !password || !isOneOf(USER_ROLES, values.role)) {
	console.error(
		`usage: npm run user:create -- --email EMAIL --name NAME [--role ${USER_ROLES.join('|')}] ` +
			'[--reseller-id N] [--password P | KEEL_USER_PASSWORD=P]'
	);
	process.exit(2);
}

const open = await openFromEnv();
try {
	await migrateToLatest(open.db);
	const id = await createUser(open.db, null, {
		email: values.email,
		name: values.name,
		role: values.role,
		reseller_id: values['reseller-id'] ? Number(values['reseller-id']) : null,
		password
	});
	console.log(`[keel] created ${values.role} ${values.email} (id ${id})`);
} catch (error) {
	const en = await loadCatalogue('en');
	const message =
		error instanceof ConflictError
			? `${error.field}: ${en[error.messageKey as MessageKey] ?? error.messageKey}`
			: String(error);
	console.error(`[keel] could not create the user: ${message}`);
	process.exitCode = 1;
} finally {
	await open.close();
}

import type { Db } from './db/database';
import { refreshPlannerStatistics } from './db/maintenance';
import { seedDemo } from './demo/demo-data';
import { ensureShippedTemplates } from './onboarding/template.service';
import { createUser } from './users/user.service';

const DEMO_ACCOUNTS = 200;

/**
 * Runs at every start: installs shipped onboarding templates the database lacks. On an empty
 * database it then writes the demo portfolio (unless KEEL_DEMO=0), or the first admin from
 * KEEL_ADMIN_EMAIL / KEEL_ADMIN_PASSWORD.
 */
export async function prepareFirstStart(db: Db, env: NodeJS.ProcessEnv = process.env) {
	const installed = await ensureShippedTemplates(db);
	if (installed > 0) console.log(`[keel] installed ${installed} onboarding templates`);
	const existing = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	if (existing.n > 0) return;

	if (env.KEEL_DEMO !== '0') {
		const summary = await seedDemo(db, { accounts: DEMO_ACCOUNTS });
		await refreshPlannerStatistics(db);
		console.log(`[keel] demo data: ${summary.accounts} accounts, ${summary.users} users`);
		return;
	}
	if (env.KEEL_ADMIN_EMAIL && env.KEEL_ADMIN_PASSWORD) {
		await createUser(db, null, {
			email: env.KEEL_ADMIN_EMAIL,
			name: 'Administrator',
			role: 'admin',
			password: env.KEEL_ADMIN_PASSWORD
		});
		console.log(`[keel] created the first admin, ${env.KEEL_ADMIN_EMAIL}`);
		return;
	}
	console.warn(
		'[keel] no users yet: set KEEL_ADMIN_EMAIL and KEEL_ADMIN_PASSWORD, or run `npm run user:create`'
	);
}

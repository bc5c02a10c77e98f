import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError, StaleVersionError } from '../../src/lib/domain/errors';
import { DEFAULT_HEALTH_MODEL, type HealthModel } from '../../src/lib/domain/health';
import type { Segment } from '../../src/lib/domain/vocabulary';
import * as adoption from '../../src/lib/server/adoption/adoption.service';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as models from '../../src/lib/server/health/health-model.service';
import {
	expectConflict,
	makeAccount,
	makeReseller,
	makeUser,
	putOnTeam
} from '../support/factories';
import { reading } from '../support/plan-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';

const t = useTestDatabase();

// The models apply to every account in the file's database, so each test leaves the default
// model as it found it. Rows are not rolled back between tests.
const NOW = new Date('2030-06-15T12:00:00Z');

/**
 * An account whose adoption is `adoptionPct` and whose progress is 40 (one open objective, at
 * risk). Under the default model (adoption 30, progress 20) it scores (30·a + 20·40) / 50.
 */
async function account(adoptionPct: number, segment: Segment = 'mid_market') {
	const csm = await makeUser(t.db, 'csm');
	const made = await makeAccount(t.db, { time_zone: 'UTC', renewal_date: null, segment });
	await putOnTeam(t.db, made.id, csm);
	await t.db
		.insertInto('plan_objectives')
		.values({
			account_id: made.id,
			title: 'Sponsor signs off',
			criterion_kind: 'outcome',
			outcome: 'Signed',
			status: 'at_risk',
			status_reason: 'Sponsor left'
		})
		.execute();
	await adoption.recordUsage(
		t.db,
		csm,
		made.id,
		reading('fabric_ports', '2030-05-01', adoptionPct, 100),
		NOW
	);
	return made;
}

const defaultScore = (adoptionPct: number) => Math.round((30 * adoptionPct + 20 * 40) / 50);

const healthOf = (accountId: number) =>
	t.db
		.selectFrom('account_health')
		.selectAll()
		.where('account_id', '=', accountId)
		.executeTakeFirstOrThrow();

const modelAudit = () =>
	t.db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', 'health_model')
		.orderBy('id')
		.execute();

const modelRows = () => t.db.selectFrom('health_models').selectAll().orderBy('id').execute();

const model = (
	weights: Partial<HealthModel['weights']>,
	bands: Partial<Pick<HealthModel, 'redUpTo' | 'yellowUpTo'>> = {}
): HealthModel => ({
	weights: { adoption: 0, engagement: 0, progress: 0, support: 0, sentiment: 0, ...weights },
	redUpTo: bands.redUpTo ?? 50,
	yellowUpTo: bands.yellowUpTo ?? 75
});

async function defaultVersion(admin: SessionUser) {
	return (await models.getModels(t.db, admin)).fallback.version;
}

/** Puts the shipped default model back, so later tests score as the migration left it. */
async function restoreDefault(admin: SessionUser) {
	await models.saveModel(
		t.db,
		admin,
		null,
		{ ...DEFAULT_HEALTH_MODEL, version: await defaultVersion(admin) },
		NOW
	);
}

/** Asserts `run` is refused with `type`, whether it throws at once or rejects. */
async function expectRefused(
	run: () => Promise<unknown>,
	type: typeof ForbiddenError | typeof NotFoundError | typeof StaleVersionError
) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	expect(error).toBeInstanceOf(type);
}

describe(`health model on ${ENGINE}`, () => {
	it('is for admins only', async () => {
		const reseller = await makeReseller(t.db);
		const admin = await makeUser(t.db, 'admin');
		await models.saveModel(t.db, admin, 'smb', { ...model({ adoption: 1 }), version: 0 }, NOW);
		const before = { rows: await modelRows(), audit: await modelAudit() };
		for (const user of [
			await makeUser(t.db, 'manager'),
			await makeUser(t.db, 'csm'),
			await makeUser(t.db, 'sales'),
			await makeUser(t.db, 'partner', { resellerId: reseller.id })
		]) {
			await expectRefused(() => models.getModels(t.db, user), ForbiddenError);
			await expectRefused(
				() => models.saveModel(t.db, user, null, { ...model({ adoption: 1 }), version: 1 }, NOW),
				ForbiddenError
			);
			await expectRefused(
				() =>
					models.saveModel(t.db, user, 'enterprise', { ...model({ sentiment: 1 }), version: 0 }),
				ForbiddenError
			);
			await expectRefused(
				() => models.removeSegmentModel(t.db, user, 'smb', 1, NOW),
				ForbiddenError
			);
		}
		expect({ rows: await modelRows(), audit: await modelAudit() }).toEqual(before);
		await models.removeSegmentModel(t.db, admin, 'smb', 1, NOW);
	});

	it('shows the default model and every segment falling back to it', async () => {
		const admin = await makeUser(t.db, 'admin');
		const view = await models.getModels(t.db, admin);
		expect(view.fallback).toMatchObject({
			segment: null,
			weights: DEFAULT_HEALTH_MODEL.weights,
			redUpTo: 50,
			yellowUpTo: 75
		});
		expect(view.segments).toEqual([
			{ segment: 'enterprise', own: null },
			{ segment: 'mid_market', own: null },
			{ segment: 'smb', own: null }
		]);
	});

	it("saving the default model recomputes every account's health, audited", async () => {
		const admin = await makeUser(t.db, 'admin');
		const low = await account(30);
		const high = await account(80, 'enterprise');
		expect(await healthOf(low.id)).toMatchObject({ score: defaultScore(30), band: 'red' });
		expect(await healthOf(high.id)).toMatchObject({ score: defaultScore(80), band: 'yellow' });
		const version = await defaultVersion(admin);
		const auditBefore = (await modelAudit()).length;

		await models.saveModel(
			t.db,
			admin,
			null,
			{ ...model({ adoption: 10 }, { redUpTo: 20, yellowUpTo: 79 }), version },
			NOW
		);
		// Adoption is the only weighted component: every score is the adoption component's.
		expect(await healthOf(low.id)).toMatchObject({
			score: 30,
			band: 'yellow',
			coverage: 1,
			adoption: 30,
			progress: 40
		});
		expect(await healthOf(high.id)).toMatchObject({ score: 80, band: 'green', coverage: 1 });
		const { n } = await t.db
			.selectFrom('account_health')
			.select(sql<number>`count(*)::int`.as('n'))
			.where(sql<boolean>`score is distinct from adoption`)
			.executeTakeFirstOrThrow();
		expect(n).toBe(0);
		const snapshot = await t.db
			.selectFrom('health_snapshots')
			.selectAll()
			.where('account_id', '=', low.id)
			.where('day', '=', '2030-06-15')
			.executeTakeFirstOrThrow();
		expect(snapshot).toMatchObject({ score: 30, band: 'yellow' });

		const view = await models.getModels(t.db, admin);
		expect(view.fallback).toMatchObject({
			version: version + 1,
			weights: { adoption: 10, engagement: 0, progress: 0, support: 0, sentiment: 0 },
			redUpTo: 20,
			yellowUpTo: 79
		});
		const audit = (await modelAudit()).slice(auditBefore);
		expect(audit).toEqual([
			expect.objectContaining({
				actor_id: admin.id,
				account_id: null,
				entity_id: view.fallback.id,
				action: 'update'
			})
		]);
		expect(audit[0]!.before).toMatchObject({ weights: DEFAULT_HEALTH_MODEL.weights, version });
		expect(audit[0]!.after).toMatchObject({
			weights: { adoption: 10, progress: 0 },
			redUpTo: 20,
			yellowUpTo: 79,
			version: version + 1
		});

		await restoreDefault(admin);
		expect(await healthOf(low.id)).toMatchObject({ score: defaultScore(30), band: 'red' });
		expect(await healthOf(high.id)).toMatchObject({ score: defaultScore(80) });
	});

	it('applies a segment model to that segment only; removing it returns to the default', async () => {
		const admin = await makeUser(t.db, 'admin');
		const enterprise = await account(30, 'enterprise');
		const smb = await account(30, 'smb');
		const auditBefore = (await modelAudit()).length;

		await models.saveModel(
			t.db,
			admin,
			'enterprise',
			{ ...model({ progress: 5 }), version: 0 },
			NOW
		);
		expect(await healthOf(enterprise.id)).toMatchObject({ score: 40, band: 'red' });
		expect(await healthOf(smb.id)).toMatchObject({ score: defaultScore(30) });
		const view = await models.getModels(t.db, admin);
		const own = view.segments.find((s) => s.segment === 'enterprise')!.own;
		expect(own).toMatchObject({ segment: 'enterprise', version: 1, weights: { progress: 5 } });
		expect(view.segments.find((s) => s.segment === 'smb')!.own).toBeNull();

		// Saving it again needs the version the form showed.
		await expectRefused(
			() =>
				models.saveModel(t.db, admin, 'enterprise', { ...model({ adoption: 1 }), version: 0 }, NOW),
			StaleVersionError
		);
		await models.saveModel(
			t.db,
			admin,
			'enterprise',
			{ ...model({ progress: 5 }, { redUpTo: 30, yellowUpTo: 60 }), version: 1 },
			NOW
		);
		expect(await healthOf(enterprise.id)).toMatchObject({ score: 40, band: 'yellow' });

		await expectRefused(
			() => models.removeSegmentModel(t.db, admin, 'enterprise', 1, NOW),
			StaleVersionError
		);
		await models.removeSegmentModel(t.db, admin, 'enterprise', 2, NOW);
		expect(await healthOf(enterprise.id)).toMatchObject({ score: defaultScore(30), band: 'red' });
		expect((await models.getModels(t.db, admin)).segments.every((s) => s.own === null)).toBe(true);
		await expectRefused(
			() => models.removeSegmentModel(t.db, admin, 'enterprise', 2, NOW),
			NotFoundError
		);

		const audit = (await modelAudit()).slice(auditBefore);
		expect(audit.map((r) => [r.action, r.actor_id, r.entity_id])).toEqual([
			['create', admin.id, own!.id],
			['update', admin.id, own!.id],
			['delete', admin.id, own!.id]
		]);
		expect(audit[0]!.before).toBeNull();
		expect(audit[0]!.after).toMatchObject({ segment: 'enterprise', weights: { progress: 5 } });
		expect(audit[2]!.before).toMatchObject({ segment: 'enterprise', redUpTo: 30, version: 2 });
		expect(audit[2]!.after).toBeNull();
	});

	it('refuses a stale version, changing nothing', async () => {
		const admin = await makeUser(t.db, 'admin');
		const low = await account(20);
		const version = await defaultVersion(admin);
		const before = { rows: await modelRows(), audit: await modelAudit() };
		for (const stale of [version - 1, version + 1]) {
			await expectRefused(
				() =>
					models.saveModel(t.db, admin, null, { ...model({ adoption: 1 }), version: stale }, NOW),
				StaleVersionError
			);
		}
		expect({ rows: await modelRows(), audit: await modelAudit() }).toEqual(before);
		expect(await healthOf(low.id)).toMatchObject({ score: defaultScore(20) });
	});

	it('refuses all-zero weights and a red band reaching the yellow one', async () => {
		const admin = await makeUser(t.db, 'admin');
		const version = await defaultVersion(admin);
		const before = { rows: await modelRows(), audit: await modelAudit() };
		await expectConflict(
			() => models.saveModel(t.db, admin, null, { ...model({}), version }, NOW),
			'w_adoption'
		);
		await expectConflict(
			() => models.saveModel(t.db, admin, 'smb', { ...model({}), version: 0 }, NOW),
			'w_adoption'
		);
		for (const bands of [
			{ redUpTo: 75, yellowUpTo: 75 },
			{ redUpTo: 80, yellowUpTo: 60 }
		]) {
			await expectConflict(
				() =>
					models.saveModel(t.db, admin, null, { ...model({ adoption: 1 }, bands), version }, NOW),
				'yellow_up_to'
			);
		}
		expect({ rows: await modelRows(), audit: await modelAudit() }).toEqual(before);
	});
});

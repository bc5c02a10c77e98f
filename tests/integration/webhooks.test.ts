import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, StaleVersionError } from '../../src/lib/domain/errors';
import type { WebhookEvent } from '../../src/lib/domain/webhook';
import type { SessionUser } from '../../src/lib/server/auth/session-user';
import * as churn from '../../src/lib/server/churn/churn.service';
import * as escalations from '../../src/lib/server/escalations/escalation.service';
import { publish } from '../../src/lib/server/events/events';
import { runOnboardingRiskSweep } from '../../src/lib/server/jobs/onboarding-risk';
import { runSlaSweep } from '../../src/lib/server/jobs/sla-sweep';
import * as items from '../../src/lib/server/onboarding/onboarding-items.service';
import * as onboarding from '../../src/lib/server/onboarding/onboarding.service';
import type { WebhookInput } from '../../src/lib/server/webhooks/webhook.schema';
import * as webhooks from '../../src/lib/server/webhooks/webhook.service';
import {
	pruneDeliveries,
	runWebhookDeliveries
} from '../../src/lib/server/webhooks/webhook-worker';
import { makeAccount, makeReseller, makeUser, putOnTeam, uniqueTag } from '../support/factories';
import { makeTemplate } from '../support/onboarding-fixtures';
import { ENGINE, useTestDatabase } from '../support/test-database';
import { load as listLoad } from '../../src/routes/(app)/admin/webhooks/+page.server';
import { actions as webhookActions } from '../../src/routes/(app)/admin/webhooks/[webhookId=id]/+page.server';

const t = useTestDatabase();

// The file's database is shared by its tests and webhooks hear every event in it: each test
// makes its own webhook, sends only its own deliveries, and pauses every webhook when done.

/** A receiver on loopback that records what it is sent and answers with the statuses queued. */
interface Received {
	headers: IncomingHttpHeaders;
	body: string;
}
let server: Server;
let receiverUrl: string;
const received: Received[] = [];
const answers: number[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
			const status = answers.shift() ?? 200;
			response.writeHead(status, { 'Content-Type': 'text/plain' });
			response.end(status === 200 ? 'ok' : `nope ${status}`);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/keel`;
	process.env.ORIGIN = 'https://keel.example.com';
});

afterAll(async () => {
	delete process.env.ORIGIN;
	await new Promise((resolve) => server.close(resolve));
});

afterEach(async () => {
	received.length = 0;
	answers.length = 0;
	await t.db.updateTable('webhooks').set({ active: false }).execute();
});

const at = (iso: string) => new Date(iso);
const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000);

function input(overrides: Partial<WebhookInput> = {}): WebhookInput {
	return {
		url: receiverUrl,
		description: `#cs-alerts ${uniqueTag()}`,
		locale: 'en',
		active: true,
		events: [
			'churn_flag.critical_raised',
			'escalation.sla_warning',
			'escalation.sla_breach',
			'escalation.p1_opened',
			'onboarding.at_risk'
		],
		...overrides
	};
}

async function makeWebhook(overrides: Partial<WebhookInput> = {}) {
	const admin = await makeUser(t.db, 'admin');
	const id = await webhooks.createWebhook(t.db, admin, input(overrides));
	return { admin, id };
}

const deliveriesOf = (webhookId: number) =>
	t.db
		.selectFrom('webhook_deliveries')
		.selectAll()
		.where('webhook_id', '=', webhookId)
		.orderBy('id')
		.execute();

const eventsOf = async (webhookId: number) =>
	(await deliveriesOf(webhookId)).map((d) => d.event).sort();

const secretOf = async (webhookId: number) =>
	(
		await t.db
			.selectFrom('webhooks')
			.select('secret')
			.where('id', '=', webhookId)
			.executeTakeFirstOrThrow()
	).secret;

/** What a receiver does: recompute the signature over the raw body and compare in constant time. */
function verifies(request: Received, secret: string) {
	const timestamp = String(request.headers['x-keel-timestamp']);
	const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
	const given = String(request.headers['x-keel-signature']);
	return (
		given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected))
	);
}

async function refused(run: () => Promise<unknown>) {
	let error: unknown;
	try {
		await run();
	} catch (caught) {
		error = caught;
	}
	return error;
}

describe(`webhooks on ${ENGINE}`, () => {
	describe('managing webhooks', () => {
		it('lets an admin create, edit, rotate and delete, audited without the secret', async () => {
			const { admin, id } = await makeWebhook({ events: ['escalation.sla_breach'] });
			const { webhook } = await webhooks.getWebhook(t.db, admin, id);
			expect(webhook).toMatchObject({ url: receiverUrl, active: true, version: 1 });
			expect(webhook.events).toEqual(['escalation.sla_breach']);
			expect(webhook.secret).toMatch(/^whsec_[\w-]{43}$/);

			await webhooks.updateWebhook(t.db, admin, id, 1, input({ active: false, locale: 'pt-BR' }));
			const saved = (await webhooks.getWebhook(t.db, admin, id)).webhook;
			expect(saved).toMatchObject({ active: false, locale: 'pt-BR', version: 2 });
			expect(saved.secret).toBe(webhook.secret);
			// A form loaded before that save is refused, not applied over it.
			expect(
				await refused(() => webhooks.updateWebhook(t.db, admin, id, 1, input()))
			).toBeInstanceOf(StaleVersionError);

			await webhooks.rotateSecret(t.db, admin, id, 2);
			const rotated = (await webhooks.getWebhook(t.db, admin, id)).webhook;
			expect(rotated.secret).not.toBe(webhook.secret);
			expect(rotated.version).toBe(3);

			await webhooks.deleteWebhook(t.db, admin, id, 3);
			expect(await t.db.selectFrom('webhooks').where('id', '=', id).selectAll().execute()).toEqual(
				[]
			);

			const audit = await t.db
				.selectFrom('audit_log')
				.select(['action', 'before', 'after'])
				.where('entity', '=', 'webhook')
				.where('entity_id', '=', id)
				.orderBy('id')
				.execute();
			expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update', 'delete']);
			expect(audit[2]!.after).toEqual({ secret_rotated: true });
			const logged = JSON.stringify(audit);
			for (const secret of [webhook.secret, rotated.secret]) expect(logged).not.toContain(secret);
		});

		it('refuses every role but admin, in the service and on the page', async () => {
			const { admin, id } = await makeWebhook();
			const others: SessionUser[] = [
				await makeUser(t.db, 'manager'),
				await makeUser(t.db, 'csm'),
				await makeUser(t.db, 'sales'),
				await makeUser(t.db, 'partner', { resellerId: (await makeReseller(t.db)).id })
			];
			for (const user of others) {
				const calls = [
					() => webhooks.listWebhooks(t.db, user),
					() => webhooks.getWebhook(t.db, user, id),
					() => webhooks.createWebhook(t.db, user, input()),
					() => webhooks.updateWebhook(t.db, user, id, 1, input()),
					() => webhooks.rotateSecret(t.db, user, id, 1),
					() => webhooks.deleteWebhook(t.db, user, id, 1),
					() => webhooks.sendTest(t.db, user, id),
					() => webhooks.retryDelivery(t.db, user, id, 1)
				];
				for (const call of calls)
					expect(await refused(call), user.role).toBeInstanceOf(ForbiddenError);

				// The page's load and its actions answer 403 before reading anything.
				const locals = { db: t.db, user } as App.Locals;
				const url = new URL('http://keel.test/admin/webhooks');
				const pageError = await refused(async () =>
					listLoad({ locals, url } as Parameters<typeof listLoad>[0])
				);
				expect(isHttpError(pageError) && pageError.status, user.role).toBe(403);
				const request = new Request(`http://keel.test/admin/webhooks/${id}?/test`, {
					method: 'POST',
					body: new FormData()
				});
				const actionError = await refused(async () =>
					webhookActions.test({ locals, request, params: { webhookId: String(id) } } as Parameters<
						typeof webhookActions.test
					>[0])
				);
				expect(isHttpError(actionError) && actionError.status, user.role).toBe(403);
			}
			expect(await deliveriesOf(id)).toEqual([]);
			expect((await webhooks.getWebhook(t.db, admin, id)).webhook.version).toBe(1);
		});
	});

	describe('delivering', () => {
		it('signs each delivery so the receiver can verify it with the secret', async () => {
			const { admin, id } = await makeWebhook();
			const deliveryId = await webhooks.sendTest(t.db, admin, id);
			expect(await runWebhookDeliveries(t.db, { onlyIds: [deliveryId] })).toBe(1);

			expect(received).toHaveLength(1);
			const [request] = received;
			expect(request!.headers['content-type']).toBe('application/json');
			expect(request!.headers['x-keel-event']).toBe('test');
			expect(request!.headers['x-keel-delivery']).toBe(String(deliveryId));
			expect(request!.headers['x-keel-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
			expect(verifies(request!, await secretOf(id))).toBe(true);
			expect(verifies(request!, 'whsec_someone-else')).toBe(false);
			const body = JSON.parse(request!.body);
			expect(body).toMatchObject({ event: 'test', data: { webhook_id: id } });
			expect(body.text).toContain(`https://keel.example.com/admin/webhooks/${id}`);

			const [delivery] = await deliveriesOf(id);
			expect(delivery).toMatchObject({
				status: 'delivered',
				attempts: 1,
				response_status: 200,
				response_body: 'ok',
				next_attempt_at: null,
				error: null
			});
			expect(delivery!.duration_ms).toBeGreaterThanOrEqual(0);
			const { latestTest } = await webhooks.getWebhook(t.db, admin, id);
			expect(latestTest).toMatchObject({ id: deliveryId, status: 'delivered' });
		});

		it('retries after a 500 with backoff, then delivers the same payload', async () => {
			const { admin, id } = await makeWebhook();
			const t0 = at('2026-11-22T10:00:00Z');
			const deliveryId = await webhooks.sendTest(t.db, admin, id, t0);
			answers.push(500);

			await runWebhookDeliveries(t.db, { now: () => t0, onlyIds: [deliveryId] });
			let [delivery] = await deliveriesOf(id);
			expect(delivery).toMatchObject({
				status: 'pending',
				attempts: 1,
				response_status: 500,
				response_body: 'nope 500',
				next_attempt_at: minutesAfter(t0, 1)
			});

			// Not due yet: nothing is sent.
			expect(
				await runWebhookDeliveries(t.db, {
					now: () => minutesAfter(t0, 0.5),
					onlyIds: [deliveryId]
				})
			).toBe(0);
			await runWebhookDeliveries(t.db, { now: () => minutesAfter(t0, 1), onlyIds: [deliveryId] });
			[delivery] = await deliveriesOf(id);
			expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, response_status: 200 });
			expect(received).toHaveLength(2);
			// The same delivery, id and body; each attempt signed afresh and verifiable.
			expect(received[1]!.body).toBe(received[0]!.body);
			expect(received.map((r) => r.headers['x-keel-delivery'])).toEqual([
				String(deliveryId),
				String(deliveryId)
			]);
			const secret = await secretOf(id);
			expect(received.every((r) => verifies(r, secret))).toBe(true);
		});

		it('gives up on a URL that never answers after the last attempt; retry now tries once more', async () => {
			// A port nobody listens on: every attempt is refused.
			const closed = createServer();
			await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
			const port = (closed.address() as AddressInfo).port;
			await new Promise((resolve) => closed.close(resolve));
			const { admin, id } = await makeWebhook({ url: `http://127.0.0.1:${port}/gone` });
			let now = at('2026-11-22T10:00:00Z');
			const deliveryId = await webhooks.sendTest(t.db, admin, id, now);

			const waits: number[] = [];
			for (let attempt = 1; attempt <= 6; attempt++) {
				await runWebhookDeliveries(t.db, { now: () => now, onlyIds: [deliveryId] });
				const [delivery] = await deliveriesOf(id);
				expect(delivery!.attempts).toBe(attempt);
				expect(delivery!.response_status).toBeNull();
				expect(delivery!.error).toMatch(/fetch failed|ECONNREFUSED/);
				if (attempt < 6) {
					expect(delivery!.status).toBe('pending');
					waits.push((delivery!.next_attempt_at!.getTime() - now.getTime()) / 60_000);
					now = delivery!.next_attempt_at!;
				} else {
					expect(delivery).toMatchObject({ status: 'failed', next_attempt_at: null });
				}
			}
			expect(waits).toEqual([1, 5, 30, 120, 720]);
			// Failed stays failed: later runs send nothing.
			expect(
				await runWebhookDeliveries(t.db, {
					now: () => minutesAfter(now, 10_000),
					onlyIds: [deliveryId]
				})
			).toBe(0);

			await webhooks.retryDelivery(t.db, admin, id, deliveryId, now);
			await runWebhookDeliveries(t.db, { now: () => now, onlyIds: [deliveryId] });
			const [retried] = await deliveriesOf(id);
			expect(retried).toMatchObject({ status: 'failed', attempts: 7 });
			// Only a failed delivery can be retried.
			const delivered = await webhooks.sendTest(t.db, admin, id, now);
			await t.db
				.updateTable('webhook_deliveries')
				.set({ status: 'delivered', next_attempt_at: null })
				.where('id', '=', delivered)
				.execute();
			const error = await refused(() => webhooks.retryDelivery(t.db, admin, id, delivered));
			expect(error).toBeInstanceOf(ConflictError);
		});

		it('pages the log in SQL, latest first, and prunes finished deliveries after 30 days', async () => {
			const { admin, id } = await makeWebhook();
			const ids: number[] = [];
			for (let i = 0; i < 27; i++) ids.push(await webhooks.sendTest(t.db, admin, id));
			const first = await webhooks.getWebhook(t.db, admin, id, 1);
			const second = await webhooks.getWebhook(t.db, admin, id, 2);
			expect(first.total).toBe(27);
			expect(first.deliveries.map((d) => d.id)).toEqual(ids.slice(-25).reverse());
			expect(second.deliveries.map((d) => d.id)).toEqual(ids.slice(0, 2).reverse());

			const old = at('2026-01-01T00:00:00Z');
			const oldOnes = [
				await webhooks.sendTest(t.db, admin, id, old),
				await webhooks.sendTest(t.db, admin, id, old),
				await webhooks.sendTest(t.db, admin, id, old)
			];
			await t.db
				.updateTable('webhook_deliveries')
				.set({ status: 'delivered', next_attempt_at: null })
				.where('id', 'in', oldOnes.slice(0, 2))
				.execute();
			await pruneDeliveries(t.db, at('2026-11-22T10:00:00Z'));
			const left = (await deliveriesOf(id)).map((d) => d.id);
			// The finished old ones are gone; an old one still pending is kept until it is sent.
			expect(left).toEqual([...ids, oldOnes[2]]);
		});
	});

	describe('events', () => {
		/** A CSM on a premium account in EMEA, and an escalation input. */
		async function escalationSetup() {
			const csm = await makeUser(t.db, 'csm');
			const account = await makeAccount(t.db, {
				support_package: 'premium',
				name: `Lagoa ${uniqueTag()}`
			});
			await putOnTeam(t.db, account.id, csm);
			const open = (priority: 'P1' | 'P2', now: Date) =>
				escalations.openEscalation(
					t.db,
					csm,
					account.id,
					{
						title: 'Checkout down',
						description: 'Every payment fails',
						priority,
						category: 'outage',
						external_ref: 'INC-9',
						reported_via: 'phone',
						contact_id: null,
						owner_id: null,
						routed_to: null
					},
					now
				);
			return { csm, account, open };
		}

		it('queues in the transaction of the change: rolled back, nothing is sent', async () => {
			const { id } = await makeWebhook();
			const { account, open } = await escalationSetup();
			const escalationId = await open('P1', at('2026-11-18T10:00:00Z'));
			await t.db
				.transaction()
				.execute(async (trx) => {
					await publish(trx, [
						{ type: 'escalation.p1_opened', accountId: account.id, escalationId }
					]);
					throw new Error('the change failed');
				})
				.catch(() => {});
			const deliveries = await deliveriesOf(id);
			expect(deliveries.map((d) => d.event)).toEqual(['escalation.p1_opened']);
			expect(deliveries[0]!.payload).toMatchObject({
				event: 'escalation.p1_opened',
				data: { account_id: account.id, escalation_id: escalationId, priority: 'P1' }
			});
			expect(deliveries[0]!.payload.text).toBe(
				`P1 escalation opened on ${account.name}: Checkout down. https://keel.example.com/escalations/${escalationId}`
			);
		});

		it('sends each webhook only the events it subscribed to, and paused ones nothing', async () => {
			const breachOnly = await makeWebhook({ events: ['escalation.sla_breach'] });
			const paused = await makeWebhook({ active: false });
			const p1 = await makeWebhook({ events: ['escalation.p1_opened'], locale: 'pt-BR' });
			const { account, open } = await escalationSetup();
			await open('P2', at('2026-11-18T10:00:00Z'));
			const escalationId = await open('P1', at('2026-11-18T10:00:00Z'));
			expect(await deliveriesOf(breachOnly.id)).toEqual([]);
			expect(await deliveriesOf(paused.id)).toEqual([]);
			const [delivery] = await deliveriesOf(p1.id);
			expect(delivery!.payload.text).toBe(
				`Escalonamento P1 aberto em ${account.name}: Checkout down. https://keel.example.com/escalations/${escalationId}`
			);
		});

		it('announces a P1, its SLA warning, its breach and the critical flag it raises, each once', async () => {
			const { id } = await makeWebhook();
			const { account, open } = await escalationSetup();
			const opened = at('2026-11-18T10:00:00Z');
			const escalationId = await open('P1', opened);
			const { response_due_at: due } = await t.db
				.selectFrom('escalations')
				.select('response_due_at')
				.where('id', '=', escalationId)
				.executeTakeFirstOrThrow();
			const span = due.getTime() - opened.getTime();
			const warnAt = new Date(opened.getTime() + span * 0.8);

			await runSlaSweep(t.db, warnAt);
			await runSlaSweep(t.db, new Date(warnAt.getTime() + 60_000));
			await runSlaSweep(t.db, minutesAfter(due, 1));
			await runSlaSweep(t.db, minutesAfter(due, 30));

			const deliveries = await deliveriesOf(id);
			const mine = deliveries.filter((d) => d.payload.data.account_id === account.id);
			expect(mine.map((d) => d.event).sort()).toEqual([
				'churn_flag.critical_raised',
				'escalation.p1_opened',
				'escalation.sla_breach',
				'escalation.sla_warning'
			]);
			const byEvent = (event: WebhookEvent) => mine.find((d) => d.event === event)!.payload;
			expect(byEvent('escalation.sla_breach')).toMatchObject({
				data: { escalation_id: escalationId, clock: 'response', due_at: due.toISOString() }
			});
			expect(byEvent('escalation.sla_breach').text).toContain('missed its first response target');
			expect(byEvent('escalation.sla_warning').data).toMatchObject({ clock: 'response' });
			const flag = byEvent('churn_flag.critical_raised');
			expect(flag.data).toMatchObject({ severity: 'critical', rule: 'p1_sla_breach' });
			expect(flag.text).toContain(`Critical churn risk on ${account.name}: Service quality`);
			expect(flag.text).toContain(`https://keel.example.com/accounts/${account.id}/risks`);
		});

		it('announces a flag raised critical by hand, or edited up to critical, not other edits', async () => {
			const { id } = await makeWebhook({ events: ['churn_flag.critical_raised'] });
			const csm = await makeUser(t.db, 'csm');
			const account = await makeAccount(t.db);
			await putOnTeam(t.db, account.id, csm);
			const flag = {
				severity: 'high' as const,
				reason: 'competitor' as const,
				arr_at_risk: 50_000,
				summary: 'Evaluating a rival',
				next_step: '',
				next_step_owner_id: null,
				next_step_due: null
			};
			const critical = await churn.raiseFlag(t.db, csm, account.id, {
				...flag,
				severity: 'critical'
			});
			const high = await churn.raiseFlag(t.db, csm, account.id, flag);
			expect(await eventsOf(id)).toEqual(['churn_flag.critical_raised']);

			await churn.editFlag(t.db, csm, account.id, critical, 1, {
				...flag,
				severity: 'critical',
				summary: 'More'
			});
			expect(await eventsOf(id)).toHaveLength(1);
			await churn.editFlag(t.db, csm, account.id, high, 1, { ...flag, severity: 'critical' });
			const deliveries = await deliveriesOf(id);
			expect(deliveries.map((d) => d.payload.data.flag_id)).toEqual([critical, high]);
			expect(deliveries[0]!.payload.text).toBe(
				`Critical churn risk on ${account.name}: Competitor, $50,000 ARR at risk. https://keel.example.com/accounts/${account.id}/risks`
			);
		});

		it('announces an onboarding falling at risk once per episode, from the sweep or an edit', async () => {
			const { id } = await makeWebhook({ events: ['onboarding.at_risk'] });
			const csm = await makeUser(t.db, 'csm');
			const account = await makeAccount(t.db, { time_zone: 'UTC' });
			await putOnTeam(t.db, account.id, csm);
			const today = new Date().toISOString().slice(0, 10);
			await onboarding.start(t.db, csm, account.id, {
				template_version_id: await makeTemplate(t.db),
				start_date: today,
				target_go_live: '2099-01-01',
				skip_pre_onboarding: false,
				skip_reason: ''
			});
			const row = await t.db
				.selectFrom('onboardings')
				.select('id')
				.where('account_id', '=', account.id)
				.executeTakeFirstOrThrow();
			const mine = async () =>
				(await deliveriesOf(id)).filter((d) => d.payload.data.onboarding_id === row.id);

			await runOnboardingRiskSweep(t.db, new Date());
			expect(await mine()).toEqual([]);

			// Ten days on, phase 1 (7 days) has run over and its required item is overdue.
			const later = new Date(Date.now() + 10 * 86_400_000);
			await runOnboardingRiskSweep(t.db, later);
			await runOnboardingRiskSweep(t.db, new Date(later.getTime() + 3_600_000));
			const [announced] = await mine();
			expect(await mine()).toHaveLength(1);
			expect(announced!.payload.data).toMatchObject({
				account_id: account.id,
				phase: 1,
				days_in_phase: 10,
				target_days: 7,
				required_overdue: 1
			});
			expect(announced!.payload.text).toContain(`Onboarding of ${account.name} is at risk`);

			// Back on track today; an edit that makes a required item overdue is a new episode,
			// announced in the edit's own transaction.
			await runOnboardingRiskSweep(t.db, new Date());
			const task = await t.db
				.selectFrom('onboarding_items as i')
				.innerJoin('tasks as t', 't.id', 'i.task_id')
				.select(['t.id', 't.version'])
				.where('i.onboarding_id', '=', row.id)
				.where('i.template_item_key', '=', 'p1-a')
				.executeTakeFirstOrThrow();
			const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
			await items.changeItem(t.db, csm, account.id, task.id, task.version, {
				kind: 'edit',
				due_date: yesterday,
				owner_user_id: null,
				notes: ''
			});
			expect(await mine()).toHaveLength(2);
		});
	});
});

// Escalations: the queue with its clocks and one escalation with its timeline.
// Each endpoint reads its parameters and calls the section's own service (or the repository
// its export reads by keyset) with the token's user, so access is the web app's.
import type { Clock } from '../../domain/escalation';
import { parseEscalationQueueQuery } from '../../domain/escalation-queue-query';
import { withClocks } from '../escalations/escalation-clock';
import { queuePage, type QueuePosition } from '../escalations/escalation-queue.repository';
import * as escalations from '../escalations/escalation.service';
import { readableReseller } from '../../domain/access';
import { ok, pathId, type ApiContext } from './api-handler';
import { keysetPage, positionDecoder } from './api-pagination';

const clock = (c: Clock | null) =>
	c === null ? null : { state: c.state, due_at: c.dueAt, minutes_left: Math.round(c.minutesLeft) };

export async function listEscalationsEndpoint({ db, actor, url }: ApiContext) {
	const query = parseEscalationQueueQuery(url.searchParams);
	const resellerId = readableReseller(actor);
	// One instant for the page: every clock is read as it stands at the same moment.
	const now = new Date();
	return ok(
		await keysetPage(url, {
			read: (after: QueuePosition | null, size) =>
				queuePage(db, query, resellerId, now, { after, size }),
			positionOf: (last) => ({
				nextDueAt: last.next_due_key ?? null,
				priority: last.priority,
				openedAt: last.opened_key!,
				id: last.id
			}),
			decode: positionDecoder<QueuePosition>({
				nextDueAt: 'string?',
				priority: 'string',
				openedAt: 'string',
				id: 'id'
			}),
			present: async (rows) =>
				(await withClocks(db, rows, now)).map((r) => ({
					id: r.id,
					account_id: r.account_id,
					account_name: r.account_name,
					title: r.title,
					priority: r.priority,
					status: r.status,
					owner_name: r.owner_name,
					external_ref: r.external_ref,
					opened_at: r.opened_at,
					response_clock: clock(r.clocks.response),
					resolution_clock: clock(r.clocks.resolution)
				}))
		})
	);
}

export async function getEscalationEndpoint(ctx: ApiContext) {
	const view = await escalations.getEscalation(ctx.db, ctx.actor, pathId(ctx, 'id'));
	const e = view.escalation;
	return ok({
		id: e.id,
		account_id: e.account_id,
		account_name: view.account.name,
		title: e.title,
		description: e.description,
		priority: e.priority,
		status: e.status,
		category: e.category,
		routed_to: e.routed_to,
		owner_name: e.owner_name,
		external_ref: e.external_ref,
		opened_at: e.opened_at,
		response_clock: clock(e.clocks.response),
		resolution_clock: clock(e.clocks.resolution),
		version: e.version,
		events: view.events.map((ev) => ({
			id: ev.id,
			kind: ev.kind,
			actor: ev.actor_name,
			body: ev.body,
			at: ev.at
		}))
	});
}

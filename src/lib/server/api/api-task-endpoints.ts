// Tasks: the user's open tasks (My work), one task, completing and reopening.
// Each endpoint reads its parameters and calls the section's own service (or the repository
// its export reads by keyset) with the token's user, so access is the web app's.
import { isoDate, version } from '../../domain/validation';
import { workWindow } from '../tasks/my-work.service';
import { listOpenTasksFor, type MyWorkPosition } from '../tasks/task.repository';
import { validationError } from './api-errors';
import { ok, pathId, readBody, type ApiContext, type Endpoint } from './api-handler';
import { keysetPage, positionDecoder } from './api-pagination';
import { getTask, setTaskDone } from './api-tasks';

const dueByField = isoDate();

export async function listTasksEndpoint({ db, actor, url }: ApiContext) {
	const raw = url.searchParams.get('due_by');
	const parsed = dueByField(raw);
	if (!parsed.ok) throw await validationError({ due_by: parsed.error });
	const until = parsed.value ?? workWindow(actor, new Date()).until;
	return ok(
		await keysetPage(url, {
			read: (after: MyWorkPosition | null, size) =>
				listOpenTasksFor(db, actor.id, until, { after, size }),
			positionOf: (last) => ({
				accountName: last.account_name,
				dueDate: last.due_date!,
				id: last.id
			}),
			decode: positionDecoder<MyWorkPosition>({
				accountName: 'string',
				dueDate: 'string',
				id: 'id'
			}),
			present: (rows) =>
				rows.map((r) => ({
					id: r.id,
					account_id: r.account_id,
					account_name: r.account_name,
					title: r.title,
					status: 'open' as const,
					due_date: r.due_date,
					source: r.source,
					version: r.version
				}))
		})
	);
}

export async function getTaskEndpoint(ctx: ApiContext) {
	return ok(await getTask(ctx.db, ctx.actor, pathId(ctx, 'id')));
}

const taskChangeBody = { version: version() };

export function taskChange(done: boolean): Endpoint {
	return async (ctx) => {
		const taskId = pathId(ctx, 'id');
		// A task the user may not read is 404 before their input is looked at.
		await getTask(ctx.db, ctx.actor, taskId);
		const input = await readBody(ctx, taskChangeBody);
		await setTaskDone(ctx.db, ctx.actor, taskId, input.version, done);
		return ok(await getTask(ctx.db, ctx.actor, taskId));
	};
}

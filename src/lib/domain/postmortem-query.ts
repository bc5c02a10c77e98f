import { PRIORITIES, type Priority } from './escalation';
import { positiveInt } from './query-params';
import { isOneOf } from './vocabulary';

export const POSTMORTEM_PAGE_SIZE = 25;

/** The post-mortem list: words to find, a priority, a page; all of it in the URL. */
export interface PostmortemQuery {
	/** Words to find in the root cause, the summary or the escalation's title. */
	q: string;
	priority: Priority | null;
	page: number;
}

export function parsePostmortemQuery(params: URLSearchParams): PostmortemQuery {
	const priority = params.get('priority');
	return {
		q: (params.get('q') ?? '').trim().slice(0, 200),
		priority: isOneOf(PRIORITIES, priority) ? priority : null,
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}

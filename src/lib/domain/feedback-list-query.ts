import {
	FEEDBACK_KINDS,
	FEEDBACK_STATUSES,
	type FeedbackKind,
	type FeedbackStatus
} from './feedback';
import { positiveInt } from './query-params';
import { isOneOf } from './vocabulary';

export const FEEDBACK_PAGE_SIZE = 25;

/** An account's feedback list: the filters and page live in the URL, newest first. */
export interface FeedbackListQuery {
	kind: FeedbackKind | null;
	status: FeedbackStatus | null;
	page: number;
}

/** Reads the list's URL; anything unknown means "no filter", never an error. */
export function parseFeedbackListQuery(params: URLSearchParams): FeedbackListQuery {
	const kind = params.get('kind');
	const status = params.get('status');
	return {
		kind: isOneOf(FEEDBACK_KINDS, kind) ? kind : null,
		status: isOneOf(FEEDBACK_STATUSES, status) ? status : null,
		page: positiveInt(params.get('page'), 100_000) ?? 1
	};
}

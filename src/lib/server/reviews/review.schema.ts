import { REVIEW_KINDS } from '../../domain/review';
import { SEGMENTS } from '../../domain/vocabulary';
import {
	checkbox,
	clockTime,
	id,
	oneOf,
	requiredDate,
	text,
	version,
	wholeNumber
} from '../../domain/validation';

/** Scheduling a review; attendees come as repeated `attendees` values ('contact:12', 'user:3'). */
export const scheduleFields = {
	kind: oneOf(REVIEW_KINDS),
	title: text({ required: true, max: 200 }),
	date: requiredDate(),
	time: clockTime(),
	duration_minutes: wholeNumber({ min: 5, max: 480 }),
	location: text({ max: 500 }),
	agenda: text({ max: 5000 })
};

/** Changing a planned review (reschedule included): the same fields, at the version shown. */
export const editFields = { ...scheduleFields, version: version() };

/** Recording it as held; a held review's notes and decisions may be revised the same way. */
export const holdFields = {
	version: version(),
	notes: text({ required: true, max: 20000 }),
	decisions: text({ max: 10000 })
};

export const cancelFields = { version: version(), reason: text({ required: true, max: 1000 }) };

/** A follow-up action: a task for someone on the account team, with a due date. */
export const actionFields = {
	title: text({ required: true, max: 200 }),
	owner_id: id(),
	due_date: requiredDate()
};

export const actionStateFields = { id: id(), version: version(), done: checkbox() };

/** An admin's cadence: how often a segment's accounts should have a kind of review. */
export const cadenceFields = {
	segment: oneOf(SEGMENTS),
	kind: oneOf(REVIEW_KINDS),
	every_months: wholeNumber({ min: 1, max: 24 })
};

export const cadenceEditFields = { ...cadenceFields, version: version() };

export const cadenceRemoveFields = {
	segment: oneOf(SEGMENTS),
	kind: oneOf(REVIEW_KINDS),
	version: version()
};

/** Attendee checkboxes are named `attendee:contact:12`, `attendee:user:3` (ReviewForm.svelte). */
export const ATTENDEE_PREFIX = 'attendee:';

/**
 * The attendees a form ticked. Each checkbox has its own name (`attendee:contact:12`), so a
 * refused form gives every tick back with the rest of what the user typed.
 */
export function attendeesOf(form: FormData): string[] {
	return [...form.keys()]
		.filter((name) => name.startsWith(ATTENDEE_PREFIX))
		.map((name) => name.slice(ATTENDEE_PREFIX.length));
}

import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/lib/domain/dates';
import {
	FLAGGED_STANDINGS,
	REVIEW_KINDS,
	REVIEW_STATUSES,
	SCHEDULE_LEAD_DAYS,
	cadenceStanding,
	reviewDueOn
} from '../../src/lib/domain/review';
import { parseReviewListQuery } from '../../src/lib/domain/review-list-query';

describe('addMonths', () => {
	it.each([
		['2026-01-15', 1, '2026-02-15'],
		['2026-11-30', 3, '2027-02-28'],
		// Clamped to the last day of a shorter month, leap years included.
		['2026-01-31', 1, '2026-02-28'],
		['2028-01-31', 1, '2028-02-29'],
		['2028-02-29', 12, '2029-02-28'],
		['2026-08-31', 6, '2027-02-28'],
		['2026-03-31', 1, '2026-04-30'],
		// Across year ends, both ways.
		['2026-12-15', 1, '2027-01-15'],
		['2026-10-01', 24, '2028-10-01'],
		['2027-01-31', -2, '2026-11-30'],
		['2026-03-15', -3, '2025-12-15'],
		['2026-05-20', 0, '2026-05-20']
	])('%s + %i months is %s', (day, months, expected) => {
		expect(addMonths(day, months)).toBe(expected);
	});
});

describe('reviewDueOn', () => {
	it('counts from the last review held', () => {
		expect(reviewDueOn(3, '2026-09-10', '2025-01-01')).toBe('2026-12-10');
		expect(reviewDueOn(6, '2026-09-10', '2025-01-01')).toBe('2027-03-10');
	});

	it('counts from when the account became a customer when none was held', () => {
		expect(reviewDueOn(3, null, '2026-08-31')).toBe('2026-11-30');
		expect(reviewDueOn(12, null, '2026-02-01')).toBe('2027-02-01');
	});
});

describe('cadenceStanding', () => {
	const dueOn = '2026-12-10';

	it('is scheduled when one is planned on or before the due day', () => {
		expect(cadenceStanding({ dueOn, nextPlanned: '2026-12-10', today: '2026-11-01' })).toBe(
			'scheduled'
		);
		expect(cadenceStanding({ dueOn, nextPlanned: '2026-11-20', today: '2026-11-01' })).toBe(
			'scheduled'
		);
		// Planned in time is enough, even once the due day has passed and it is not yet recorded.
		expect(cadenceStanding({ dueOn, nextPlanned: '2026-12-01', today: '2027-01-05' })).toBe(
			'scheduled'
		);
	});

	it('is late when the one planned falls after the due day', () => {
		expect(cadenceStanding({ dueOn, nextPlanned: '2026-12-11', today: '2026-11-01' })).toBe('late');
		expect(cadenceStanding({ dueOn, nextPlanned: '2027-02-01', today: '2026-12-20' })).toBe('late');
	});

	it('is overdue when none is planned and the due day has passed', () => {
		expect(cadenceStanding({ dueOn, nextPlanned: null, today: '2026-12-11' })).toBe('overdue');
		expect(cadenceStanding({ dueOn, nextPlanned: null, today: '2027-06-01' })).toBe('overdue');
	});

	it(`asks for one within ${SCHEDULE_LEAD_DAYS} days of the due day, due day included`, () => {
		expect(cadenceStanding({ dueOn, nextPlanned: null, today: '2026-12-10' })).toBe('unscheduled');
		// 30 days before: the first day it should be in the diary.
		expect(cadenceStanding({ dueOn, nextPlanned: null, today: '2026-11-10' })).toBe('unscheduled');
		expect(cadenceStanding({ dueOn, nextPlanned: null, today: '2026-11-09' })).toBe('not_due');
		expect(cadenceStanding({ dueOn, nextPlanned: null, today: '2026-06-01' })).toBe('not_due');
	});

	it('flags exactly the standings a CSM must act on', () => {
		expect([...FLAGGED_STANDINGS].sort()).toEqual(['late', 'overdue', 'unscheduled']);
	});

	it('flags a quarterly enterprise CBR a quarter and a day after the last one was held', () => {
		const due = reviewDueOn(3, '2026-08-31', '2024-01-01');
		expect(due).toBe('2026-11-30');
		expect(cadenceStanding({ dueOn: due, nextPlanned: null, today: '2026-11-30' })).toBe(
			'unscheduled'
		);
		expect(cadenceStanding({ dueOn: due, nextPlanned: null, today: '2026-12-01' })).toBe('overdue');
	});
});

describe('review vocabularies', () => {
	it('covers the kinds and statuses the issue names, each once', () => {
		expect(REVIEW_KINDS).toEqual(['cbr', 'obr', 'qbr', 'ebr', 'survey_review']);
		expect(REVIEW_STATUSES).toEqual(['planned', 'held', 'cancelled']);
	});
});

describe('parseReviewListQuery', () => {
	it('defaults to upcoming reviews, page 1, no filters', () => {
		expect(parseReviewListQuery(new URLSearchParams())).toEqual({
			view: 'upcoming',
			kind: null,
			csm: null,
			segment: null,
			region: null,
			page: 1
		});
	});

	it('reads every filter from the URL', () => {
		const query = parseReviewListQuery(
			new URLSearchParams({
				view: 'cadence',
				kind: 'obr',
				csm: '12',
				segment: 'enterprise',
				region: 'latam',
				page: '3'
			})
		);
		expect(query).toEqual({
			view: 'cadence',
			kind: 'obr',
			csm: 12,
			segment: 'enterprise',
			region: 'latam',
			page: 3
		});
		expect(parseReviewListQuery(new URLSearchParams({ csm: 'all' })).csm).toBe('all');
	});

	it('drops what it does not know instead of failing', () => {
		expect(
			parseReviewListQuery(
				new URLSearchParams({
					view: 'everything',
					kind: 'xbr',
					csm: '-4',
					segment: 'huge',
					region: 'mars',
					page: '0'
				})
			)
		).toEqual({ view: 'upcoming', kind: null, csm: null, segment: null, region: null, page: 1 });
	});
});

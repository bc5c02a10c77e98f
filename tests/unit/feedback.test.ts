import { describe, expect, it } from 'vitest';
import {
	FEEDBACK_KINDS,
	FEEDBACK_THEMES,
	MAX_TAG_LENGTH,
	MAX_THEMES,
	SCORE_RANGE,
	csatAverage,
	isLibraryTheme,
	needsFollowUp,
	netPromoterScore,
	normalizeTag,
	npsGroup
} from '../../src/lib/domain/feedback';
import { parseFeedbackListQuery } from '../../src/lib/domain/feedback-list-query';
import { parseForm } from '../../src/lib/domain/validation';
import {
	feedbackFields,
	freeTags,
	libraryThemes,
	scoreFor,
	storedTag
} from '../../src/lib/server/feedback/feedback.schema';
import { error, value } from '../support/field-results';

describe('npsGroup', () => {
	it('puts 9–10 in promoters, 7–8 in passives and 0–6 in detractors', () => {
		const groups = Array.from({ length: 11 }, (_, score) => npsGroup(score));
		expect(groups).toEqual([
			...Array(7).fill('detractor'),
			'passive',
			'passive',
			'promoter',
			'promoter'
		]);
	});
});

describe('needsFollowUp', () => {
	it('asks for a follow-up from an NPS detractor, and only from one', () => {
		expect(needsFollowUp('nps', 0)).toBe(true);
		expect(needsFollowUp('nps', 6)).toBe(true);
		expect(needsFollowUp('nps', 7)).toBe(false);
		expect(needsFollowUp('nps', 10)).toBe(false);
	});

	it('asks for a follow-up from a CSAT of 2 or less', () => {
		expect(needsFollowUp('csat', 1)).toBe(true);
		expect(needsFollowUp('csat', 2)).toBe(true);
		expect(needsFollowUp('csat', 3)).toBe(false);
		expect(needsFollowUp('csat', 5)).toBe(false);
	});

	it('never for free text or a missing score', () => {
		expect(needsFollowUp('comment', null)).toBe(false);
		expect(needsFollowUp('nps', null)).toBe(false);
		expect(needsFollowUp('csat', null)).toBe(false);
	});
});

describe('netPromoterScore', () => {
	it('is the share of promoters minus the share of detractors, in points', () => {
		expect(netPromoterScore({ promoters: 5, passives: 3, detractors: 2 })).toBe(30);
		expect(netPromoterScore({ promoters: 10, passives: 0, detractors: 0 })).toBe(100);
		expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 4 })).toBe(-100);
		expect(netPromoterScore({ promoters: 0, passives: 7, detractors: 0 })).toBe(0);
	});

	it('is null without a response', () => {
		expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 0 })).toBeNull();
	});

	it('gives mirrored answers mirrored scores (halves round away from zero)', () => {
		// 1 promoter in 8 is +12.5; 1 detractor in 8 is −12.5.
		expect(netPromoterScore({ promoters: 1, passives: 7, detractors: 0 })).toBe(13);
		expect(netPromoterScore({ promoters: 0, passives: 7, detractors: 1 })).toBe(-13);
	});

	it('never shows a tiny negative share as −0', () => {
		const nps = netPromoterScore({ promoters: 0, passives: 299, detractors: 1 });
		expect(Object.is(nps, 0)).toBe(true);
	});
});

describe('csatAverage', () => {
	it('is the mean to one decimal, or null without a response', () => {
		expect(csatAverage(0, 0)).toBeNull();
		expect(csatAverage(3, 12)).toBe(4);
		expect(csatAverage(3, 13)).toBe(4.3);
		// 4.45 rounds up, as people expect, despite binary fractions.
		expect(csatAverage(20, 89)).toBe(4.5);
	});
});

describe('SCORE_RANGE', () => {
	it('scores NPS 0–10 and CSAT 1–5, and free text not at all', () => {
		expect(SCORE_RANGE.nps).toEqual({ min: 0, max: 10 });
		expect(SCORE_RANGE.csat).toEqual({ min: 1, max: 5 });
		expect(SCORE_RANGE.comment).toBeNull();
		expect(Object.keys(SCORE_RANGE).sort()).toEqual([...FEEDBACK_KINDS].sort());
	});
});

describe('normalizeTag', () => {
	it('lower-cases and joins words with single hyphens', () => {
		expect(normalizeTag('  Cage Access ')).toBe('cage-access');
		expect(normalizeTag('Invoice -- layout!!')).toBe('invoice-layout');
		expect(normalizeTag('#slow_portal')).toBe('slow-portal');
	});

	it('keeps letters of any script, accents composed', () => {
		expect(normalizeTag('Café Société')).toBe('café-société');
		// The same word typed with combining accents is the same tag.
		expect(normalizeTag('Cafe\u0301')).toBe(normalizeTag('Café'));
		expect(normalizeTag('Atendimento ÁGIL')).toBe('atendimento-ágil');
		expect(normalizeTag('सहायता केंद्र')).toBe('सहायता-केंद्र');
	});

	it('is empty when nothing but punctuation is left', () => {
		expect(normalizeTag(' !!! ')).toBe('');
		expect(normalizeTag('')).toBe('');
	});

	it(`cuts at ${MAX_TAG_LENGTH} characters without a trailing hyphen or half a letter`, () => {
		expect(normalizeTag('a'.repeat(60))).toHaveLength(MAX_TAG_LENGTH);
		expect(normalizeTag(`${'a'.repeat(MAX_TAG_LENGTH - 1)} b`)).toBe('a'.repeat(39));
		const astral = '𠀋'.repeat(MAX_TAG_LENGTH + 5);
		expect(Array.from(normalizeTag(astral))).toHaveLength(MAX_TAG_LENGTH);
		expect(normalizeTag(astral).isWellFormed()).toBe(true);
	});

	it('is idempotent', () => {
		for (const tag of ['Cage Access', 'café-société', '  x  y  ']) {
			expect(normalizeTag(normalizeTag(tag))).toBe(normalizeTag(tag));
		}
	});
});

describe('isLibraryTheme', () => {
	it('knows the library, codes as stored', () => {
		for (const theme of FEEDBACK_THEMES) expect(isLibraryTheme(theme)).toBe(true);
		expect(isLibraryTheme('Billing')).toBe(false);
		expect(isLibraryTheme('support-quality')).toBe(false);
		expect(isLibraryTheme('')).toBe(false);
	});
});

describe('the feedback form', () => {
	it('takes an NPS 0–10 and a CSAT 1–5, whole numbers only', () => {
		expect(value(scoreFor('nps')('0'))).toBe(0);
		expect(value(scoreFor('nps')(' 10 '))).toBe(10);
		expect(error(scoreFor('nps')('11'))).toEqual({
			key: 'feedback.error.npsScore',
			params: { min: 0, max: 10 }
		});
		expect(error(scoreFor('nps')('')).key).toBe('feedback.error.npsScore');
		expect(error(scoreFor('nps')('7.5')).key).toBe('feedback.error.npsScore');
		expect(error(scoreFor('nps')('-1')).key).toBe('feedback.error.npsScore');
		expect(value(scoreFor('csat')('5'))).toBe(5);
		expect(error(scoreFor('csat')('0'))).toEqual({
			key: 'feedback.error.csatScore',
			params: { min: 1, max: 5 }
		});
	});

	it('refuses a score on free text, and leaves an unknown kind to its own field', () => {
		expect(value(scoreFor('comment')(''))).toBeNull();
		expect(error(scoreFor('comment')('3')).key).toBe('feedback.error.noScore');
		expect(value(scoreFor('bogus')('99'))).toBeNull();
	});

	it('takes library themes only', () => {
		expect(value(libraryThemes()('billing,usability,billing'))).toEqual(['billing', 'usability']);
		expect(value(libraryThemes()(''))).toEqual([]);
		expect(error(libraryThemes()('billing,made-up')).key).toBe('error.choice');
	});

	it('normalises free tags, maps library names to their code and drops repeats', () => {
		expect(value(freeTags([])('Cage access, cage ACCESS ,  , !!, Support quality'))).toEqual([
			'cage-access',
			'support_quality'
		]);
		// A tag that repeats a ticked theme is that theme, once.
		expect(value(freeTags(['billing'])('Billing, invoices'))).toEqual(['invoices']);
		expect(storedTag('Feature request')).toBe('feature_request');
	});

	it(`allows at most ${MAX_THEMES} themes and tags in all`, () => {
		const picked = FEEDBACK_THEMES.slice(0, MAX_THEMES - 1);
		expect(value(freeTags(picked)('one'))).toEqual(['one']);
		expect(error(freeTags(picked)('one, two'))).toEqual({
			key: 'feedback.error.tooManyThemes',
			params: { max: MAX_THEMES }
		});
		expect(error(libraryThemes()(FEEDBACK_THEMES.slice(0, MAX_THEMES + 1).join(','))).key).toBe(
			'feedback.error.tooManyThemes'
		);
	});

	it(`refuses a tag longer than ${MAX_TAG_LENGTH} characters, naming it`, () => {
		const long = 'x'.repeat(MAX_TAG_LENGTH + 1);
		expect(error(freeTags([])(`fine, ${long}`))).toEqual({
			key: 'feedback.error.tagTooLong',
			params: { tag: long, max: MAX_TAG_LENGTH }
		});
	});

	it('reads the ticked boxes as one list and keeps them for the form to show again', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			kind: 'csat',
			score: '0',
			comment: '',
			source: 'call',
			received_on: '2026-11-18',
			tags: 'Slow portal',
			status: 'new'
		}))
			form.set(k, v);
		form.append('themes', 'billing');
		form.append('themes', 'usability');
		const parsed = parseForm(feedbackFields(form), form);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(Object.keys(parsed.errors)).toEqual(['score']);
		expect(form.get('themes')).toBe('billing,usability');

		form.set('score', '2');
		const fixed = parseForm(feedbackFields(form), form);
		expect(fixed.ok && fixed.data).toMatchObject({
			kind: 'csat',
			score: 2,
			themes: ['billing', 'usability'],
			tags: ['slow-portal'],
			routed_team: null,
			contact_id: null
		});
	});

	it('asks free-text feedback for its words', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			kind: 'comment',
			score: '',
			comment: '  ',
			source: 'email',
			received_on: '2026-11-18',
			status: 'new'
		}))
			form.set(k, v);
		const parsed = parseForm(feedbackFields(form), form);
		expect(!parsed.ok && parsed.errors).toEqual({ comment: { key: 'error.required' } });
	});
});

describe('parseFeedbackListQuery', () => {
	it('reads the filters and page, and ignores what it does not know', () => {
		expect(parseFeedbackListQuery(new URLSearchParams('kind=nps&status=routed&page=3'))).toEqual({
			kind: 'nps',
			status: 'routed',
			page: 3
		});
		expect(parseFeedbackListQuery(new URLSearchParams('kind=NPS&status=x&page=0'))).toEqual({
			kind: null,
			status: null,
			page: 1
		});
	});
});

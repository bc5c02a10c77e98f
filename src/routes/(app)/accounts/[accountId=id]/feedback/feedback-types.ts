import type { FollowUp } from '$lib/server/feedback/feedback.service';
import type { ActionState } from '../action-state';
import type { PageData } from './$types';

export type FeedbackRow = PageData['rows'][number];
export type FeedbackSummary = PageData['summary'];
export type ReviewOption = PageData['reviews'][number];

/** An action's answer: the row form names its response; capturing says what became of a follow-up. */
export type FeedbackActionState =
	(NonNullable<ActionState> & { id?: number; followUp?: FollowUp }) | null;

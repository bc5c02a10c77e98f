import type { LocalizedText } from './localized-text';

/**
 * The 3-phase onboarding method from the seeds: 1 pre-onboarding (may be skipped, depending on
 * location, size and scope), 2 kick-off, 3 continuous follow-up.
 */
export const PHASES = [1, 2, 3] as const;
export type Phase = (typeof PHASES)[number];

/** Who owns an item: a team role of the account, or the customer themselves. */
export const ITEM_OWNERS = [
	'CSM',
	'AM',
	'SE',
	'BA',
	'CPM',
	'TAM',
	'PARTNER_CSM',
	'CUSTOMER'
] as const;
export type ItemOwner = (typeof ITEM_OWNERS)[number];

export interface TemplateItem {
	/** Stable within a template across versions, so reports can follow an item. */
	key: string;
	title: LocalizedText;
	description: LocalizedText;
	owner: ItemOwner;
	/** Days after the onboarding's start date that the item is due. */
	dueOffsetDays: number;
	required: boolean;
}

export interface TemplatePhase {
	phase: Phase;
	/** How long the phase should take, in days. */
	targetDays: number;
	entryCriteria: LocalizedText[];
	exitCriteria: LocalizedText[];
	items: TemplateItem[];
}

/** One immutable version of a template: what an onboarding copies when it starts. */
export interface TemplateContent {
	name: LocalizedText;
	description: LocalizedText;
	phases: [TemplatePhase, TemplatePhase, TemplatePhase];
}

import type { PageData } from './$types';

export type BandRow = PageData['bands'][number];
export type ReviewAccount = PageData['accounts'][number];
export type Mover = PageData['movers']['falls'][number];

/** A group's health (a CSM, a segment or a region): its mean score and accounts per band. */
export interface GroupHealth {
	key: string;
	label: string;
	accounts: number;
	mean: number | null;
	red: number;
	yellow: number;
	green: number;
}

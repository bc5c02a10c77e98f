import type { ActionState } from '../action-state';
import type { PageData } from './$types';

export type Flag = PageData['flags'][number];
export type FlagEvent = Flag['events'][number];

/** An action's answer, naming the flag whose form it belongs to. */
export type FlagActionState = (NonNullable<ActionState> & { id?: number }) | null;

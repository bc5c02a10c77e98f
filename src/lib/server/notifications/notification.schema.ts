import { id, wholeNumber } from '../../domain/validation';

/** Marking one read: its id. */
export const markReadFields = { id: id() };

/** Marking all read: the newest id the page showed, so later arrivals stay new. */
export const markAllReadFields = { up_to: wholeNumber({ min: 0, max: 2_147_483_647 }) };

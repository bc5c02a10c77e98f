import { METRIC_KEYS } from '../../domain/adoption';
import { month, oneOf, optionalId, requiredDecimal } from '../../domain/validation';

export const usageFields = {
	metric: oneOf(METRIC_KEYS),
	month: month(),
	entitled: requiredDecimal({ min: 0, max: 1_000_000_000 }),
	used: requiredDecimal({ min: 0, max: 1_000_000_000 }),
	/** Present when correcting a reading the form showed; empty for a new month. */
	version: optionalId()
};

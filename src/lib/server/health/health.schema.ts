import { HEALTH_BANDS } from '../../domain/health';
import {
	oneOf,
	optionalId,
	requiredDate,
	text,
	version,
	wholeNumber
} from '../../domain/validation';

export const overrideFields = {
	band: oneOf(HEALTH_BANDS),
	reason: text({ required: true, max: 1000 }),
	expires_on: requiredDate(),
	/** The assessment's version when the form showed one; empty when there was none. */
	version: optionalId()
};

export const clearOverrideFields = { version: version() };

const weight = () => wholeNumber({ min: 0, max: 100 });

export const modelFields = {
	w_adoption: weight(),
	w_engagement: weight(),
	w_progress: weight(),
	w_support: weight(),
	w_sentiment: weight(),
	red_up_to: wholeNumber({ min: 0, max: 98 }),
	yellow_up_to: wholeNumber({ min: 1, max: 99 }),
	/** 0 for a segment model not saved yet. */
	version: wholeNumber({ min: 0 })
};

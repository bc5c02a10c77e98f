import { page } from '$app/state';
import {
	format,
	formatDate,
	formatDateTime,
	formatMoney,
	formatMonth,
	formatNumber,
	formatPercent,
	pluralCategory
} from './format';
import type { MessageKey, Messages } from './catalogue';

/**
 * Components translate through these: the root layout load sends the one catalogue the user
 * needs as page data, so no catalogue is bundled into the JavaScript.
 */
function messages(): Messages {
	return page.data.messages;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
	return format(messages()?.[key] ?? key, params);
}

/** Plural-aware: looks up `key.one` / `key.other` by the locale's plural rules. */
export function tn(key: string, count: number, params?: Record<string, string | number>): string {
	const rule = pluralCategory(count, page.data.locale);
	const all = (messages() ?? {}) as Record<string, string>;
	const template = all[`${key}.${rule}`] ?? all[`${key}.other`] ?? key;
	return format(template, { count: formatNumber(count, page.data.locale), ...params });
}

export const fmt = {
	money: (amount: number, currency: string) => formatMoney(amount, currency, page.data.locale),
	number: (value: number) => formatNumber(value, page.data.locale),
	date: (date: string | null) => formatDate(date, page.data.locale),
	dateTime: (at: Date | string) => formatDateTime(at, page.data.locale, page.data.timeZone),
	percent: (ratio: number) => formatPercent(ratio, page.data.locale),
	month: (month: string, style?: 'short' | 'long') => formatMonth(month, page.data.locale, style)
};

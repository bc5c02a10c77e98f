import { page } from '$app/state';
import {
	format,
	formatDate,
	formatDateTime,
	formatDateTimeIn,
	formatDuration,
	formatMoney,
	formatMonth,
	formatNumber,
	formatPercent,
	pluralCategory
} from './format';
import type { MessageKey, Messages } from './catalogue';

/**
 * Components translate through these: the root layout's universal load puts the user's locale's
 * core and the route's sections into page data (see catalogue.ts), so no catalogue is in the
 * entry bundle. A key outside them would show as itself; route-messages.test.ts rules that out.
 */
function messages(): Partial<Messages> | undefined {
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
	/** In another zone, named: a due time as the account's calendar sees it. */
	dateTimeIn: (at: Date | string, timeZone: string) =>
		formatDateTimeIn(at, page.data.locale, timeZone),
	/** Minutes as "2 h 15 min". */
	duration: (minutes: number) => formatDuration(minutes, page.data.locale),
	percent: (ratio: number) => formatPercent(ratio, page.data.locale),
	month: (month: string, style?: 'short' | 'long') => formatMonth(month, page.data.locale, style)
};

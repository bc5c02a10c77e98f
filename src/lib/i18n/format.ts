/** Intl formatting in the user's locale and time zone; the only place numbers and dates become text. */

// Building an Intl formatter costs ~50–100 µs, formatting with one ~1 µs: a page of 12 months ×
// 9 metrics would spend more time constructing formatters than rendering. One per locale and
// options, kept for the life of the process (a handful of locales × a handful of styles).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}) {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
	return format;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions) {
	const key = `${locale}|${JSON.stringify(options)}`;
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
	return format;
}

export function format(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}

/** 'one', 'other'…: which plural form the locale uses for `count`. */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
	let rules = pluralRules.get(locale);
	if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
	return rules.select(count);
}

export function formatMoney(amount: number, currency: string, locale: string): string {
	return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(
		amount
	);
}

export function formatNumber(value: number, locale: string): string {
	return numberFormat(locale).format(value);
}

/** A calendar date 'YYYY-MM-DD' (no time, no zone): formatted as that very day everywhere. */
export function formatDate(date: string | null, locale: string): string {
	if (!date) return '';
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, d))
	);
}

export function formatDateTime(at: Date | string, locale: string, timeZone: string): string {
	return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
		typeof at === 'string' ? new Date(at) : at
	);
}

/** An instant with its zone named ("18 Nov 2026, 11:00 CET"): a due time as the account sees it. */
export function formatDateTimeIn(at: Date | string, locale: string, timeZone: string): string {
	// dateStyle cannot name the zone: the same fields spelled out.
	return dateFormat(locale, {
		year: 'numeric',
		month: 'short',
		day: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone,
		timeZoneName: 'short'
	}).format(typeof at === 'string' ? new Date(at) : at);
}

/**
 * A span of minutes as hours and minutes: "45 min", "2 h 15 min", "27 h". Never days: SLA time
 * is open support time, and a "day" of it would read as 24 hours. Units are the locale's own.
 */
export function formatDuration(minutes: number, locale: string): string {
	const total = Math.round(Math.abs(minutes));
	const unit = (value: number, name: 'hour' | 'minute') =>
		numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'narrow' }).format(value);
	const hours = Math.floor(total / 60);
	const mins = total % 60;
	if (hours === 0) return unit(mins, 'minute');
	return mins === 0 ? unit(hours, 'hour') : `${unit(hours, 'hour')} ${unit(mins, 'minute')}`;
}

/** "in 12 days" / "3 days ago", from a day count. */
export function formatRelativeDays(days: number, locale: string): string {
	return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/** A share 0–1 as a whole percentage ("53 %" or "53%", as the locale writes it). */
export function formatPercent(ratio: number, locale: string): string {
	return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A month 'YYYY-MM-01' as the locale names it: "Oct 2026", "out. de 2026". */
export function formatMonth(month: string, locale: string, style: 'short' | 'long' = 'short') {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return dateFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, 1))
	);
}

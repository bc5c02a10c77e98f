/** Intl formatting in the user's locale and time zone; the only place numbers and dates become text. */

export function format(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		Object.hasOwn(params, name) ? String(params[name]) : whole
	);
}

export function formatMoney(amount: number, currency: string, locale: string): string {
	return new Intl.NumberFormat(locale, {
		style: 'currency',
		currency,
		maximumFractionDigits: 0
	}).format(amount);
}

export function formatNumber(value: number, locale: string): string {
	return new Intl.NumberFormat(locale).format(value);
}

/** A calendar date 'YYYY-MM-DD' (no time, no zone): formatted as that very day everywhere. */
export function formatDate(date: string | null, locale: string): string {
	if (!date) return '';
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, d))
	);
}

export function formatDateTime(at: Date | string, locale: string, timeZone: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(typeof at === 'string' ? new Date(at) : at);
}

/** "in 12 days" / "3 days ago", from a day count. */
export function formatRelativeDays(days: number, locale: string): string {
	return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/** A share 0–1 as a whole percentage ("53 %" or "53%", as the locale writes it). */
export function formatPercent(ratio: number, locale: string): string {
	return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
		ratio
	);
}

/** A month 'YYYY-MM-01' as the locale names it: "Oct 2026", "out. de 2026". */
export function formatMonth(month: string, locale: string, style: 'short' | 'long' = 'short') {
	const [y, m] = month.split('-').map(Number) as [number, number];
	return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
		new Date(Date.UTC(y, m - 1, 1))
	);
}

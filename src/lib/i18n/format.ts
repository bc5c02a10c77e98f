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

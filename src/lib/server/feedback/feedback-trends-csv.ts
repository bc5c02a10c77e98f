import { toCsv, type CsvCell } from '../../domain/csv';
import { isLibraryTheme } from '../../domain/feedback';
import type { TrendComparison } from '../../domain/feedback-trends-query';
import type { Messages, MessageKey } from '../../i18n/catalogue';
import type { trends } from './feedback-trends.service';

type Trends = Awaited<ReturnType<typeof trends>>;

/** The charts a CSV can be downloaded for: each is the table beside it on the page. */
export const TREND_CHARTS = ['nps', 'csat', 'themes', 'groups'] as const;
export type TrendChart = (typeof TREND_CHARTS)[number];

const month = (day: string) => day.slice(0, 7);

/** A theme's name in the reader's language; a free tag as it was typed. */
export function themeLabel(messages: Messages, theme: string) {
	return isLibraryTheme(theme) ? messages[`feedbackTheme.${theme}`] : theme;
}

/** A comparison group's name in the reader's language. */
export function groupLabel(
	messages: Messages,
	compare: TrendComparison,
	group: { key: string; csmName: string | null }
) {
	if (compare === 'csm') return group.csmName ?? messages['trends.noCsm'];
	const prefix = compare === 'channel' ? 'channel' : compare;
	return messages[`${prefix}.${group.key}` as MessageKey] ?? group.key;
}

/** One chart's data as CSV, headed in the reader's language. */
export function trendsCsv(
	data: Trends,
	chart: TrendChart,
	compare: TrendComparison | null,
	messages: Messages
): string {
	const m = (key: MessageKey) => messages[key];
	let rows: CsvCell[][];
	switch (chart) {
		case 'nps':
			rows = [
				[
					m('trends.month'),
					m('trends.promoters'),
					m('trends.passives'),
					m('trends.detractors'),
					m('trends.nps')
				],
				...data.series.map((s) => [month(s.month), s.promoters, s.passives, s.detractors, s.nps])
			];
			break;
		case 'csat':
			rows = [
				[m('trends.month'), m('trends.csatResponses'), m('trends.csat')],
				...data.series.map((s) => [month(s.month), s.csatResponses, s.csat])
			];
			break;
		case 'themes':
			rows = [
				[m('trends.month'), ...data.themes.map((t) => themeLabel(messages, t.theme))],
				...data.months.map((day, i) => [month(day), ...data.themes.map((t) => t.mentions[i]!)])
			];
			break;
		case 'groups': {
			const groups = compare ? data.groups : [];
			const names = groups.map((g) => groupLabel(messages, compare!, g));
			rows = [
				[
					m('trends.month'),
					...names.flatMap((name) => [
						`${name}: ${m('trends.nps')}`,
						`${name}: ${m('trends.csat')}`,
						`${name}: ${m('trends.responses')}`
					])
				],
				...data.months.map((day, i) => [
					month(day),
					...groups.flatMap((g) => [g.months[i]!.nps, g.months[i]!.csat, g.months[i]!.responses])
				])
			];
			break;
		}
	}
	return toCsv(rows);
}

import type { Chart as ChartType } from 'chart.js';

let registered: Promise<typeof ChartType> | undefined;

/** Chart.js with only what a bar chart uses, fetched the first time a page draws one. */
export function loadBarChart(): Promise<typeof ChartType> {
	registered ??= import('chart.js').then(
		({ Chart, BarController, BarElement, LinearScale, CategoryScale, Tooltip }) => {
			Chart.register(BarController, BarElement, LinearScale, CategoryScale, Tooltip);
			return Chart;
		}
	);
	return registered;
}

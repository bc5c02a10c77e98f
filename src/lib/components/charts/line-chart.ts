import type { Chart as ChartType } from 'chart.js';

let registered: Promise<typeof ChartType> | undefined;

/**
 * Chart.js with only what a line chart uses, fetched the first time a page draws one, so pages
 * without charts never download it (DESIGN.md: Chart.js only where charts are).
 */
export function loadLineChart(): Promise<typeof ChartType> {
	registered ??= import('chart.js').then(
		({
			Chart,
			LineController,
			LineElement,
			PointElement,
			LinearScale,
			CategoryScale,
			Legend,
			Tooltip
		}) => {
			Chart.register(
				LineController,
				LineElement,
				PointElement,
				LinearScale,
				CategoryScale,
				Legend,
				Tooltip
			);
			return Chart;
		}
	);
	return registered;
}

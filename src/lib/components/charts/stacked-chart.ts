import type { Chart as ChartType } from 'chart.js';

let registered: Promise<typeof ChartType> | undefined;

/** Chart.js with what stacked bars under a line use, fetched the first time a page draws one. */
export function loadStackedChart(): Promise<typeof ChartType> {
	registered ??= import('chart.js').then(
		({
			Chart,
			BarController,
			BarElement,
			LineController,
			LineElement,
			PointElement,
			LinearScale,
			CategoryScale,
			Legend,
			Tooltip
		}) => {
			Chart.register(
				BarController,
				BarElement,
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

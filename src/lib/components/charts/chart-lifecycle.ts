import type { Chart as ChartType, ChartConfiguration } from 'chart.js';

/**
 * Draws a chart on `canvas` once Chart.js (with the parts `load` registers) has arrived, and
 * returns what removes it: for a component's `$effect`, which reruns when its data changes.
 */
export function mountChart(
	canvas: HTMLCanvasElement,
	load: () => Promise<typeof ChartType>,
	config: ChartConfiguration
): () => void {
	let chart: { destroy(): void } | undefined;
	let cancelled = false;
	load().then((Chart) => {
		if (!cancelled) chart = new Chart(canvas, config);
	});
	return () => {
		cancelled = true;
		chart?.destroy();
	};
}

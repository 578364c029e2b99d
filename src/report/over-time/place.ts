/// <reference lib="dom" />
// Where a chart goes on the report's page: into its `figure[data-chart]`, in place of the one
// drawn before. Written into the page as source text and handed to the drawing functions.

/** Puts `chart` into the figure named `name`, replacing the chart it held. */
export function placeChart(name: string, chart: Element): void {
  const figure = document.querySelector(`figure[data-chart="${name}"]`);
  if (figure === null) return;
  figure.querySelector('.chart')?.remove();
  chart.classList.add('chart');
  figure.append(chart);
}

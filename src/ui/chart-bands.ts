/**
 * Uncertainty drawn on a chart: a series' confidence band as a shaded d3 area
 * behind its line (replications over time or percentile), and its error bars
 * as whiskers at each point (a sweep's points).
 */
import { area, select, type Selection } from 'd3';
import type { Series } from './charts.js';

/** An interval at x: [x, low, high]. */
export type Interval = [x: number, low: number, high: number];

const isDrawable = ([x, lo, hi]: Interval, yLog: boolean) =>
  Number.isFinite(x) && Number.isFinite(lo) && Number.isFinite(hi) && (!yLog || (lo > 0 && hi > 0));

/** Draws the bands and whiskers of `series` into `g` (the chart's bands layer), updated in place. */
export function drawBands(
  g: Selection<SVGGElement, unknown, null, undefined>,
  series: readonly Series[],
  x: (v: number) => number,
  y: (v: number) => number,
  yLog = false,
): void {
  const shaded = series.filter((s) => s.band?.length).map((s) => ({ ...s, band: s.band!.filter((b) => isDrawable(b, yLog)) }));
  const fill = area<Interval>()
    .x((d) => x(d[0]))
    .y0((d) => y(d[1]))
    .y1((d) => y(d[2]));
  g.selectAll<SVGPathElement, Series>('path.band')
    .data(shaded, (s) => s.name)
    .join('path')
    .attr('class', 'band')
    .attr('d', (s) => fill(s.band!) ?? '')
    .attr('fill', (s) => s.color)
    .attr('fill-opacity', 0.18)
    .attr('stroke', 'none');
  const barred = series.filter((s) => s.whiskers?.length);
  g.selectAll<SVGGElement, Series>('g.whiskers')
    .data(barred, (s) => s.name)
    .join('g')
    .attr('class', 'whiskers')
    .attr('stroke', (s) => s.color)
    .each(function (s) {
      select(this)
        .selectAll('path')
        .data(s.whiskers!.filter((b) => isDrawable(b, yLog)))
        .join('path')
        .attr('d', ([v, lo, hi]) => {
          // the interval's vertical line with short caps at both ends
          const cx = x(v),
            y0 = y(lo),
            y1 = y(hi);
          return `M${cx},${y0}V${y1}M${cx - 3},${y0}H${cx + 3}M${cx - 3},${y1}H${cx + 3}`;
        })
        .attr('stroke-width', 1.25)
        .attr('fill', 'none');
    });
}

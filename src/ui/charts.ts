/**
 * Chart drawing with d3: time series (latency percentiles, throughput) and the
 * latency percentile plot on a log 1/(1−p) axis. Colours are Okabe–Ito, and
 * every series also has its own dash pattern and marker shape, so colour is
 * never the only cue. Baseline series are drawn thin and grey behind.
 */
import {
  axisBottom,
  axisLeft,
  line,
  max as d3max,
  min as d3min,
  scaleLinear,
  scaleLog,
  select,
  symbol,
  symbolCircle,
  symbolDiamond,
  symbolSquare,
  symbolTriangle,
  type SymbolType,
} from 'd3';

/** The Okabe–Ito palette (colour-blind safe). */
export const OKABE_ITO = {
  orange: '#E69F00',
  sky: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  black: '#000000',
};

/** One line of a chart. */
export interface Series {
  name: string;
  points: [number, number][];
  color: string;
  dash?: string;
  marker?: 'circle' | 'square' | 'triangle' | 'diamond';
  /** Drawn thin and muted behind the others (the pinned baseline). */
  isBaseline?: boolean;
}

/** What a chart shows. */
export interface ChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** Log y axis (latencies spanning orders of magnitude). */
  yLog?: boolean;
  /** x axis as percentiles on a log 1/(1−p) scale. */
  xPercentile?: boolean;
  /** Fixed x domain (the run's duration, so a live chart grows into it). */
  xMax?: number;
}

const MARKERS: Record<string, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};
const M = { top: 8, right: 12, bottom: 36, left: 54 };

/** Percentile p (0..1) → position on the 1/(1−p) axis: log10(1/(1−p)). */
export const nines = (p: number): number => Math.log10(1 / (1 - Math.min(p, 0.999999)));

/** Percentile points [nines, latencyMs] from a histogram [lowerMs, upperMs, count][]. */
export function percentilePoints(histogram: [number, number, number][]): [number, number][] {
  const total = histogram.reduce((s, b) => s + b[2], 0);
  if (!total) return [];
  const out: [number, number][] = [];
  let seen = 0;
  for (const [lo, hi, n] of histogram) {
    if (!n) continue;
    seen += n;
    const p = seen / total;
    // a point per bucket, at the bucket's upper edge, up to the largest observed value
    if (p < 1) out.push([nines(p), Math.max(lo, (lo + hi) / 2)]);
    else out.push([nines(1 - 0.5 / total), hi]);
  }
  return out;
}

/** True when a point can be drawn: finite, and above zero on a log y axis. */
export const isPlottable = ([x, y]: [number, number], yLog = false): boolean =>
  Number.isFinite(x) && Number.isFinite(y) && (!yLog || y > 0);

/** Draws `spec` into `el` (an <svg>), sized width × height. */
export function drawChart(el: SVGSVGElement, spec: ChartSpec, width: number, height: number): void {
  const w = Math.max(120, width),
    h = Math.max(90, height);
  const root = select(el).attr('viewBox', `0 0 ${w} ${h}`).attr('width', w).attr('height', h);
  root.selectAll('*').remove();
  const all = spec.series.flatMap((s) => s.points).filter((p) => isPlottable(p, spec.yLog));
  const iw = w - M.left - M.right,
    ih = h - M.top - M.bottom;
  const g = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const xMax = spec.xPercentile ? Math.max(3, d3max(all, (d) => d[0]) ?? 3) : (spec.xMax ?? d3max(all, (d) => d[0]) ?? 1);
  const x = scaleLinear()
    .domain([0, xMax || 1])
    .range([0, iw]);
  const yHi = (d3max(all, (d) => d[1]) ?? 1) || 1;
  const y = spec.yLog
    ? scaleLog()
        .domain([Math.max(1e-3, yHi / 1e4, Math.min(d3min(all, (d) => d[1]) ?? 1, yHi / 10)), yHi * 1.15])
        .range([ih, 0])
        .clamp(true)
        .nice()
    : scaleLinear()
        .domain([0, yHi * 1.1])
        .range([ih, 0])
        .nice();
  const xAxis = spec.xPercentile
    ? axisBottom(x)
        .tickValues([0, 1, 2, 3, 4, 5, 6].filter((t) => t <= xMax && t <= Math.floor(iw / 55)))
        .tickFormat((t) => ['0%', '90%', '99%', '99.9%', '99.99%', '99.999%', '99.9999%'][+t])
    : axisBottom(x)
        .ticks(Math.max(2, Math.floor(iw / 80)))
        .tickFormat((t) => fmtTime(+t, xMax));
  g.append('g')
    .attr('class', 'grid')
    .call(
      axisLeft(y)
        .ticks(spec.yLog ? 4 : 5)
        .tickSize(-iw)
        .tickFormat(() => ''),
    );
  g.append('g').attr('class', 'axis x').attr('transform', `translate(0,${ih})`).call(xAxis);
  // a log axis labels only 1, 2 and 5 × 10^k; the minor ticks stay unlabelled
  const logLabel = (v: number) => [1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9)));
  g.append('g')
    .attr('class', 'axis y')
    .call(
      axisLeft(y)
        .ticks(spec.yLog ? 4 : 5)
        .tickFormat((v) => (spec.yLog && !logLabel(+v) ? '' : fmtValue(+v))),
    );
  g.append('text')
    .attr('class', 'axis-label')
    .attr('x', iw / 2)
    .attr('y', ih + 31)
    .attr('text-anchor', 'middle')
    .text(spec.xLabel);
  g.append('text')
    .attr('class', 'axis-label')
    .attr('transform', `translate(${-42},${ih / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .text(spec.yLabel);
  const ordered = [...spec.series.filter((s) => s.isBaseline), ...spec.series.filter((s) => !s.isBaseline)];
  for (const s of ordered) {
    const pts = s.points.filter((p) => isPlottable(p, spec.yLog));
    if (!pts.length) continue;
    const path = line<[number, number]>()
      .x((d) => x(d[0]))
      .y((d) => y(d[1]))(pts);
    g.append('path')
      .attr('class', s.isBaseline ? 'series baseline' : 'series')
      .attr('d', path ?? '')
      .attr('fill', 'none')
      .attr('stroke', s.color)
      .attr('stroke-width', s.isBaseline ? 1.25 : 2)
      .attr('stroke-dasharray', s.dash ?? null)
      .attr('stroke-opacity', s.isBaseline ? 0.55 : 1)
      .append('title')
      .text(s.name);
    if (s.marker) {
      const every = Math.max(1, Math.ceil(pts.length / 8));
      g.append('g')
        .selectAll('path')
        .data(pts.filter((_, i) => i % every === every - 1 || i === pts.length - 1))
        .join('path')
        .attr('transform', (d) => `translate(${x(d[0])},${y(d[1])})`)
        .attr('d', symbol(MARKERS[s.marker], 28))
        .attr('fill', s.isBaseline ? 'var(--surface)' : s.color)
        .attr('stroke', s.color);
    }
  }
}

/** A time axis tick: ms, s or min depending on the span shown. */
export function fmtTime(t: number, span: number): string {
  if (span >= 900_000) return `${+(t / 60_000).toFixed(1)} min`;
  if (span >= 2000) return `${+(t / 1000).toFixed(1)} s`;
  return `${Math.round(t)} ms`;
}

/** An axis value: 0.01, 0.5, 20, 1.5k, 2M (no SI "m" for milli, which reads as minutes). */
export function fmtValue(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(+v.toPrecision(2));
}

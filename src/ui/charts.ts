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
  type Selection,
  type SymbolType,
} from 'd3';
import { drawBands, type Interval } from './chart-bands.js';

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
  /** A 95 % confidence band [x, low, high] shaded behind the line (replications). */
  band?: Interval[];
  /** 95 % intervals [x, low, high] drawn as whiskers at the points (a sweep's points). */
  whiskers?: Interval[];
  /** Drawn without a line: markers only (a sweep's simulated points beside a theory curve). */
  isPointsOnly?: boolean;
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
  /** Timeline events marked on a time axis. */
  events?: ChartEvent[];
  /** One sentence on what the chart shows (a declared series' help). */
  help?: string;
  /** How the x axis labels a value (a sweep's parameter); the default reads x as simulated time. */
  xFormat?: (x: number) => string;
}

/** A timeline event on a time chart: simulated ms and a short label ("kill app #2"). */
export interface ChartEvent {
  at: number;
  label: string;
}

const MARKERS: Record<string, SymbolType> = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
};
/** Each marker's outline, made once (a series' markers differ only by where they sit). */
const MARKER_PATHS: Record<string, string> = Object.fromEntries(Object.entries(MARKERS).map(([k, t]) => [k, symbol(t, 28)() ?? '']));
const M = { top: 8, right: 12, bottom: 36, left: 54 };

/**
 * The point of `spec` drawn nearest (x, y) in `el`'s own coordinates as last
 * drawn, with its series' name; undefined before a draw or without points.
 */
export function pointAt(el: SVGSVGElement, spec: ChartSpec, x: number, y: number): { series: string; x: number; y: number } | undefined {
  const scales = drawnScales.get(el);
  if (!scales) return undefined;
  let best: { series: string; x: number; y: number } | undefined,
    bestD = Number.POSITIVE_INFINITY;
  for (const s of spec.series) {
    if (s.isBaseline) continue;
    for (const [px, py] of s.points) {
      if (!isPlottable([px, py], spec.yLog)) continue;
      const d = (scales.x(px) + M.left - x) ** 2 + (scales.y(py) + M.top - y) ** 2;
      if (d < bestD) (bestD = d), (best = { series: s.name, x: px, y: py });
    }
  }
  return best;
}

/** The scales each chart was last drawn with (for pointAt). */
const drawnScales = new WeakMap<SVGSVGElement, { x: (v: number) => number; y: (v: number) => number }>();

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

/** A frame's layers, created once per <svg> and updated in place on every draw. */
const LAYERS = ['grid', 'axis x', 'axis y', 'events', 'bands', 'lines', 'markers'] as const;

/** The <g> of the frame for `cls`, created on first use. */
function layer(g: Selection<SVGGElement, unknown, null, undefined>, cls: string) {
  const sel = g.select<SVGGElement>(`:scope > g.${cls.replace(' ', '.')}`);
  return sel.empty() ? g.append('g').attr('class', cls) : sel;
}

/**
 * Draws `spec` into `el` (an <svg>), sized width × height. Incremental: the
 * frame, axes, lines and markers are kept between calls and updated by d3
 * joins, so a live chart redrawn a few times a second creates no elements
 * once its series exist.
 */
export function drawChart(el: SVGSVGElement, spec: ChartSpec, width: number, height: number): void {
  const w = Math.max(120, width),
    h = Math.max(90, height);
  const root = select(el).attr('viewBox', `0 0 ${w} ${h}`).attr('width', w).attr('height', h);
  const all = spec.series
    .flatMap((s) => [...s.points, ...[...(s.band ?? []), ...(s.whiskers ?? [])].map(([bx, , hi]) => [bx, hi] as [number, number])])
    .filter((p) => isPlottable(p, spec.yLog));
  const isEmpty = !all.length;
  const iw = w - M.left - M.right,
    ih = h - M.top - M.bottom;
  let g = root.select<SVGGElement>(':scope > g.frame');
  if (g.empty()) {
    g = root.append('g').attr('class', 'frame');
    for (const cls of LAYERS) layer(g, cls);
    g.append('text').attr('class', 'axis-label x').attr('text-anchor', 'middle');
    g.append('text').attr('class', 'axis-label y').attr('text-anchor', 'middle');
  }
  g.attr('transform', `translate(${M.left},${M.top})`);
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
  // an empty time chart has no span to label ("0 ms, 1 ms, 1 ms" said nothing)
  const xAxis = spec.xPercentile
    ? axisBottom(x)
        .tickValues([0, 1, 2, 3, 4, 5, 6].filter((t) => t <= xMax && t <= Math.floor(iw / 55)))
        .tickFormat((t) => ['0%', '90%', '99%', '99.9%', '99.99%', '99.999%', '99.9999%'][+t])
    : axisBottom(x)
        .ticks(Math.max(2, Math.floor(iw / 80)))
        .tickFormat((t) => (spec.xFormat ? spec.xFormat(+t) : fmtTime(+t, xMax)));
  if (isEmpty && !spec.xMax && !spec.xPercentile) xAxis.tickValues([]);
  // axes are the costliest part of a draw (a log scale's grid has dozens of ticks) and a live
  // run mostly leaves their scales alone (a fixed x span, a y domain rounded by nice()): redraw
  // them only when a scale, the size or the kind of axis changed
  const axesKey = JSON.stringify([x.domain(), x.range(), y.domain(), y.range(), isEmpty, spec.yLog, spec.xPercentile, spec.xMax]);
  if (g.attr('data-axes') !== axesKey) {
    g.attr('data-axes', axesKey);
    layer(g, 'grid').call(
      axisLeft(y)
        .ticks(spec.yLog ? 4 : 5)
        .tickSize(-iw)
        .tickFormat(() => ''),
    );
    layer(g, 'axis x').attr('transform', `translate(0,${ih})`).call(xAxis);
    // a log axis labels only 1, 2 and 5 × 10^k; the minor ticks stay unlabelled
    const logLabel = (v: number) => [1, 2, 5].includes(Math.round(v / 10 ** Math.floor(Math.log10(v) + 1e-9)));
    const yAxis = axisLeft(y)
      .ticks(spec.yLog ? 4 : 5)
      .tickFormat((v) => (spec.yLog && !logLabel(+v) ? '' : fmtValue(+v)));
    if (isEmpty) yAxis.tickValues([]);
    layer(g, 'axis y').call(yAxis);
  }
  g.select('text.axis-label.x')
    .attr('x', iw / 2)
    .attr('y', ih + 31)
    .text(spec.xLabel);
  g.select('text.axis-label.y')
    .attr('transform', `translate(${-42},${ih / 2}) rotate(-90)`)
    .text(spec.yLabel);
  drawEvents(layer(g, 'events'), spec.events ?? [], x, xMax, iw, ih);
  const ordered = [...spec.series.filter((s) => s.isBaseline), ...spec.series.filter((s) => !s.isBaseline)]
    .map((s) => ({ ...s, points: s.points.filter((p) => isPlottable(p, spec.yLog)) }))
    .filter((s) => s.points.length);
  const path = line<[number, number]>()
    .x((d) => x(d[0]))
    .y((d) => y(d[1]));
  drawBands(layer(g, 'bands'), ordered, x, y, spec.yLog);
  layer(g, 'lines')
    .selectAll<SVGPathElement, Series>('path.series')
    .data(
      ordered.filter((s) => !s.isPointsOnly),
      (s) => s.name,
    )
    .join((enter) => enter.append('path').call((p) => p.append('title')))
    .attr('class', (s) => (s.isBaseline ? 'series baseline' : 'series'))
    .attr('d', (s) => path(s.points) ?? '')
    .attr('fill', 'none')
    .attr('stroke', (s) => s.color)
    .attr('stroke-width', (s) => (s.isBaseline ? 1.25 : 2))
    .attr('stroke-dasharray', (s) => s.dash ?? null)
    .attr('stroke-opacity', (s) => (s.isBaseline ? 0.55 : 1))
    .select('title')
    .text((s) => s.name);
  layer(g, 'markers')
    .selectAll<SVGGElement, Series>('g.marker')
    .data(
      ordered.filter((s) => s.marker),
      (s) => s.name,
    )
    .join('g')
    .attr('class', 'marker')
    .each(function (s) {
      // points with their own whiskers (a sweep's) each keep a marker; a long line gets about eight
      const every = s.isPointsOnly || s.whiskers?.length ? 1 : Math.max(1, Math.ceil(s.points.length / 8));
      select(this)
        .selectAll('path')
        .data(s.points.filter((_, i) => i % every === every - 1 || i === s.points.length - 1))
        .join((enter) => enter.append('path').attr('d', MARKER_PATHS[s.marker!]))
        .attr('transform', (d) => `translate(${x(d[0])},${y(d[1])})`)
        .attr('fill', s.isBaseline ? 'var(--surface)' : s.color)
        .attr('stroke', s.color);
    });
  drawnScales.set(el, { x, y });
}

/** Timeline events as labelled vertical rules (one label per moment; several events at one time share it). */
function drawEvents(
  g: Selection<SVGGElement, unknown, null, undefined>,
  events: ChartEvent[],
  x: (t: number) => number,
  xMax: number,
  iw: number,
  ih: number,
): void {
  if (!events.length && g.select('g.event').empty()) return;
  const byTime = new Map<number, string[]>();
  for (const e of events) if (e.at >= 0 && e.at <= xMax) byTime.set(e.at, [...(byTime.get(e.at) ?? []), e.label]);
  // labels alternate between two lines, so events close in time do not print over each other
  const marks = [...byTime].sort((a, b) => a[0] - b[0]).map(([at, labels], i) => ({ at, label: labels.join(', '), row: i % 2 }));
  g.selectAll<SVGGElement, { at: number; label: string; row: number }>('g.event')
    .data(marks, (m) => String(m.at))
    .join((enter) => {
      const e = enter.append('g').attr('class', 'event');
      e.append('line').attr('y1', 0).attr('stroke-dasharray', '3 3');
      e.append('text').attr('class', 'event-label');
      e.append('title');
      return e;
    })
    .attr('transform', (m) => `translate(${x(m.at)},0)`)
    .call((e) => e.select('line').attr('y2', ih))
    .call((e) =>
      e
        .select('text')
        .attr('y', (m) => 9 + m.row * 11)
        // a label near the right edge reads leftwards from its rule, so it is never cut off
        .attr('x', (m) => (x(m.at) > iw - 6 * m.label.length - 6 ? -3 : 3))
        .attr('text-anchor', (m) => (x(m.at) > iw - 6 * m.label.length - 6 ? 'end' : 'start'))
        .text((m) => m.label),
    )
    .call((e) => e.select('title').text((m) => `${fmtTime(m.at, xMax)}: ${m.label}`));
}

/** A time axis tick: ms, s or min depending on the span shown. */
export function fmtTime(t: number, span: number): string {
  if (span >= 900_000) return `${+(t / 60_000).toFixed(1)} min`;
  if (span >= 2000) return `${+(t / 1000).toFixed(1)} s`;
  return `${+t.toFixed(span >= 20 ? 0 : span >= 2 ? 1 : 2)} ms`;
}

/** An axis value: 0.01, 0.5, 20, 1.5k, 2M (no SI "m" for milli, which reads as minutes). */
export function fmtValue(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${+(v / 1e6).toFixed(1)}M`;
  if (a >= 1e3) return `${+(v / 1e3).toFixed(1)}k`;
  return String(+v.toPrecision(2));
}

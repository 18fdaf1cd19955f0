/**
 * The component detail view: every statistic a run reports for one component —
 * the common ones of the output contract and the ones its kind declares — with
 * label, value, unit and help from the descriptors, and the series it declares
 * as charts over time (with the run's timeline events marked).
 */
import { html, nothing } from 'lit';
import { COMMON_STAT_DEFS, declaredStats, type AnyKindDef, type ComponentStats, type SeriesDef, type StatDef } from '../kinds/define.js';
import { formatDeclared } from '../kinds/format-stat.js';
import type { RunResult } from '../worker/api.js';
import { OKABE_ITO, type ChartEvent, type ChartSpec } from './charts.js';
import { aggregateOf, splitEstimates } from './replicated.js';

/** Words for a unit, shown beside the value (the value itself carries ms, %, $). */
const UNIT_WORDS: Record<string, string> = {
  ratio: 'share',
  ms: 'time',
  count: 'count',
  number: 'number',
  rps: 'rate',
  usd: 'US dollars',
  'summary-ms': 'mean (p99)',
  cost: 'run (per month)',
  level: 'mean (max)',
  text: '',
};

/** One row of the detail table. */
export interface DetailRow {
  key: string;
  label: string;
  value: string;
  unit: string;
  help?: string;
  /** "± 0.4 ms": the half-width of the value's 95 % interval, for a replicated run. */
  ci?: string;
}

/**
 * Every statistic `st` holds, common ones first, then the kind's declared ones
 * in declaration order (absent ones left out); with `halfWidths` (a replicated
 * run: `st` holds the means), each numeric one with its interval.
 */
export function detailRows(def: AnyKindDef | undefined, st: ComponentStats, halfWidths?: Record<string, unknown>): DetailRow[] {
  const declared = def ? declaredStats(def) : [];
  const own = new Set(declared.map(([k]) => k));
  const rows: [string, StatDef][] = [...Object.entries(COMMON_STAT_DEFS).filter(([k]) => !own.has(k)), ...declared];
  return rows
    .filter(([key]) => st[key] !== undefined && st[key] !== null)
    .map(([key, d]) => ({
      key,
      label: d.label,
      value: formatDeclared(st[key], d, 50),
      unit: UNIT_WORDS[d.unit] ?? d.unit,
      help: d.help,
      ...(halfWidths && d.unit !== 'text' && halfWidths[key] !== undefined ? { ci: `± ${formatDeclared(halfWidths[key], d, 50)}` } : {}),
    }));
}

const UNIT_AXIS: Record<SeriesDef['unit'], string> = { count: 'count', ms: 'ms', ratio: 'share' };
const COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.green, OKABE_ITO.purple];

/** Chart specs of the series the kind declares for component `id` (one chart each, only those the run reported). */
export function detailCharts(def: AnyKindDef | undefined, id: string, r: RunResult, events: ChartEvent[], xMax?: number): ChartSpec[] {
  const declared = Object.entries((def?.series ?? {}) as Record<string, SeriesDef>);
  return declared.flatMap(([name, d], i) => {
    const values = (r.series[name] as Record<string, number[]> | undefined)?.[id];
    if (!Array.isArray(values)) return [];
    const points = values.flatMap((v, j) => (Number.isFinite(v) ? [[r.series.t[j], v] as [number, number]] : []));
    return [
      {
        title: `${d.label} of ${id}`,
        xLabel: 'simulated time',
        yLabel: `${d.label.toLowerCase()} (${UNIT_AXIS[d.unit]})`,
        series: [{ name: d.label.toLowerCase(), points, color: COLOURS[i % COLOURS.length], marker: 'circle' as const }],
        xMax,
        events,
        help: d.help,
      },
    ];
  });
}

/** The detail table of component `id` in run `r` (with `reps`, a replicated run: means ± 95 % intervals), or a line saying why there is none. */
export function detailTable(def: AnyKindDef | undefined, id: string | undefined, r: RunResult | undefined, reps?: readonly RunResult[]) {
  if (!id) return html`<p class="status idle">Select a component in the diagram (click it, or Tab to it) to see all its figures here.</p>`;
  const one = r?.components[id];
  if (!one) return html`<p class="status idle">No figures for <b>${id}</b> yet: run the design.</p>`;
  const split = reps ? splitEstimates(aggregateOf(reps).components[id]) : undefined;
  const st = (split?.mean as ComponentStats | undefined) ?? one;
  const series = Object.entries((def?.series ?? {}) as Record<string, SeriesDef>);
  return html`<table aria-label=${`Statistics of ${id}`} class="detail">
      <caption>${id} <small>${def?.label ?? st.kind}</small></caption>
      <thead><tr><th scope="col">Statistic</th><th scope="col">${reps ? `Mean of ${reps.length}` : 'Value'}</th>${reps ? html`<th scope="col">± 95% CI</th>` : nothing}</tr></thead>
      <tbody>${detailRows(def, st, split?.halfWidth as Record<string, unknown> | undefined).map(
        (row) =>
          html`<tr title=${row.help ?? ''}><th scope="row">${row.label}${row.unit ? html` <small>${row.unit}</small>` : nothing}${row.help ? html`<div class="help">${row.help}</div>` : nothing}</th><td>${row.value}</td>${reps ? html`<td>${row.ci ?? ''}</td>` : nothing}</tr>`,
      )}</tbody></table>
    ${series.length ? html`<p class="status idle">Over time: ${series.map(([, d]) => d.label).join(', ')} — in the charts beside.</p>` : nothing}`;
}

/**
 * The CSV of replications (`archsim run --replications N --csv`): the rows and
 * columns of the single-run CSV (csv.ts) — TOTAL, each phase, each route when
 * several, each component — with each figure's 95 % half-width in a `_ci95`
 * column right after it (empty for a single replication). Pure formatting.
 */
import type { AggregateResult, Estimate } from '../analysis/aggregate.js';
import { terminalSafe } from './terminal-safe.js';

const FIGURES = [
  'samples',
  'completed',
  'failed',
  'error_rate',
  'throughput_rps',
  'mean_ms',
  'p50_ms',
  'p90_ms',
  'p95_ms',
  'p99_ms',
  'max_ms',
];

/** The header: label, kind, then each figure and its `_ci95` half-width. */
export const CSV_REPLICATIONS_HEADER = ['label', 'kind', ...FIGURES.flatMap((f) => [f, `${f}_ci95`])].join(',');

const isEstimate = (v: unknown): v is Estimate => typeof v === 'object' && v !== null && 'mean' in v && 'halfWidth' in v;

/** A figure's two cells: mean and half-width; empty where there is no figure or no interval. */
const cells = (e: unknown): string[] =>
  isEstimate(e) ? [String(e.mean), Number.isFinite(e.halfWidth) ? String(e.halfWidth) : ''] : ['', ''];

type AggSummary = AggregateResult['summary'];

/** One CSV row per label (TOTAL, phases, routes when several, components), each figure with its 95 % half-width. */
export function csvReplications(rep: AggregateResult): string {
  const q = (x: string) => {
    const s = terminalSafe(x);
    return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const sum = (label: string, s: AggSummary, kind = 'summary') => {
    const l = s.latencyMs;
    const figures = [s.requests, s.completed, s.failed, s.errorRate, s.throughputRps, l.mean, l.p50, l.p90, l.p95, l.p99, l.max];
    return [label, kind, ...figures.flatMap(cells)].join(',');
  };
  const rows = [sum('TOTAL', rep.summary), ...rep.phases.map((p) => sum(q(p.name), p))];
  const routes = Object.entries((rep.routes ?? {}) as Record<string, AggSummary>);
  if (routes.length > 1) for (const [name, s] of routes) rows.push(sum(q(name), s, 'route'));
  for (const [id, c] of Object.entries(rep.components)) {
    const l = c.latencyMs;
    const figures = [c.arrivals, c.completed, c.failed, undefined, undefined, l.mean, l.p50, undefined, undefined, l.p99, undefined];
    rows.push([q(id), q(c.kind), ...figures.flatMap(cells)].join(','));
  }
  return terminalSafe([CSV_REPLICATIONS_HEADER, ...rows].join('\n'), true);
}

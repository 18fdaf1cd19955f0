/**
 * The text rendering of a RunResult, in the spirit of JMeter's aggregate
 * report and Locust's statistics table (the CSV is output/csv.ts, shared with the app).
 */
import { kinds } from '../kinds/index.js';
import { declaredStats } from '../kinds/define.js';
import { formatDeclared } from '../kinds/format-stat.js';
import type { RunResult, Summary } from './result.js';
import { formatDuration } from '../scenario/units.js';
import { terminalSafe } from '../output/terminal-safe.js';
import { analyze } from '../analysis/analyze.js';
import { analysisSections } from './analysis-report.js';
import { textTable } from '../output/text-table.js';

/** An author's text (title, id, phase name) as one terminal-safe line. */
const t = (x: unknown) => terminalSafe(String(x));

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

const SUMMARY_HEADER = ['Label', '# Samples', 'Failures', 'Error %', 'Throughput/s', 'Mean', 'p50', 'p90', 'p95', 'p99', 'Max'];

function summaryRow(label: string, s: Summary): string[] {
  const l = s.latencyMs;
  return [
    label,
    n0(s.requests),
    n0(s.failed),
    pct(s.errorRate),
    s.throughputRps.toFixed(1),
    ms(l.mean),
    ms(l.p50),
    ms(l.p90),
    ms(l.p95),
    ms(l.p99),
    ms(l.max),
  ];
}

const ROUTE_HEADER = ['Name', '# Requests', '# Fails', 'Median', 'p90', 'p95', 'p99', 'Average', 'Min', 'Max', 'Req/s'];

/** Locust's statistics table: one row per route, then the aggregate (shown when there are several routes). */
function routeTable(r: RunResult): string[] {
  const routes = Object.entries(r.routes ?? {});
  if (routes.length < 2) return [];
  const row = (name: string, s: Summary, min: number) => {
    const l = s.latencyMs;
    return [
      name,
      n0(s.requests),
      n0(s.failed),
      ms(l.p50),
      ms(l.p90),
      ms(l.p95),
      ms(l.p99),
      ms(l.mean),
      ms(min),
      ms(l.max),
      s.throughputRps.toFixed(2),
    ];
  };
  const rows = routes.map(([name, s]) => row(t(name), s, s.latencyMs.min));
  const all = r.summary;
  const min = Math.min(...routes.filter(([, s]) => s.completed > 0).map(([, s]) => s.latencyMs.min));
  rows.push(row('Aggregated', all, Number.isFinite(min) ? min : 0));
  return ['', 'Routes (latency in ms of successful requests; fails by route)', textTable(ROUTE_HEADER, rows)];
}

/** The human-readable report printed by `archsim run`. */
export function textReport(r: RunResult): string {
  const out: string[] = [];
  out.push(`${t(r.title)}${r.variant ? ` — variant ${t(r.variant)}` : ''}`);
  out.push(
    `seed ${t(r.seed)} · simulated ${formatDuration(r.simulatedMs, 4)} in ${(r.wallMs / 1000).toFixed(2)} s wall · ${n0(r.events)} events${r.complete ? '' : ' · INCOMPLETE'}`,
  );
  out.push('');
  out.push('Latency in ms; requests issued in the measured interval (after warmup).');
  const rows = [summaryRow('TOTAL', r.summary), ...r.phases.map((p) => summaryRow(`  ${t(p.name)}`, p))];
  out.push(textTable(SUMMARY_HEADER, rows));
  out.push(...routeTable(r));
  const f = r.summary.failures;
  out.push('');
  out.push(
    `Failures by reason: timeout ${n0(f.timeout)} · rejected ${n0(f.rejected)} · throttled ${n0(f.throttled)} · error ${n0(f.error)}` +
      (r.summary.inFlight ? ` · still in flight ${n0(r.summary.inFlight)}` : ''),
  );
  const cost = r.summary.cost as { run?: number; perMonth?: number } | undefined;
  if (cost && typeof cost.run === 'number' && cost.run > 0)
    out.push(`Cost: $${cost.run.toFixed(4)} for this run · $${(cost.perMonth ?? 0).toFixed(2)} per month at this load`);
  out.push('');
  out.push('Components');
  const crow = Object.entries(r.components).map(([id, c]) => [
    t(id),
    t(c.kind),
    n0(c.arrivals),
    n0(c.completed),
    n0(c.failed),
    `${(c.utilization * 100).toFixed(1)}%`,
    `${c.queueLength.mean.toFixed(2)} / ${n0(c.queueLength.max)}`,
    ms(c.waitMs.mean),
    ms(c.latencyMs.mean),
    ms(c.latencyMs.p99),
  ]);
  out.push(textTable(['Id', 'Kind', 'Arrivals', 'Completed', 'Failed', 'Util', 'Queue mean/max', 'Wait', 'Latency', 'p99'], crow, 2));
  const extras = Object.entries(r.components).flatMap(([id, c]) => {
    const def = kinds[c.kind];
    const stats = def ? declaredStats(def) : [];
    const parts = stats
      .filter(([key]) => key !== 'utilization' && c[key] !== undefined && c[key] !== null)
      .map(([key, d]) => `${d.label} ${formatDeclared(c[key], d)}`);
    return parts.length ? [`  ${t(id)}: ${parts.join(' · ')}`] : [];
  });
  if (extras.length) out.push('', ...extras);
  out.push(...analysisSections(analyze(r)));
  if (r.warnings.length) {
    out.push('', 'Warnings');
    for (const w of r.warnings) out.push(`  ! ${t(w.message)}`);
  }
  return terminalSafe(out.join('\n'), true);
}

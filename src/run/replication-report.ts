/**
 * The text rendering of replications (`archsim run --replications N`): the
 * tables of the single-run report (report.ts) — summary and phases, routes,
 * failures, cost, components and their declared statistics — with every
 * figure as "mean ± half-width" of its 95 % confidence interval.
 */
import { kinds } from '../kinds/index.js';
import { declaredStats, type StatUnit } from '../kinds/define.js';
import { formatStat } from '../kinds/format-stat.js';
import type { AggregateResult, Estimate } from '../analysis/aggregate.js';
import { terminalSafe } from '../output/terminal-safe.js';
import { textTable } from '../output/text-table.js';

/** An author's text (title, id, phase name) as one terminal-safe line. */
const t = (x: unknown) => terminalSafe(String(x));

const isEstimate = (v: unknown): v is Estimate => typeof v === 'object' && v !== null && 'mean' in v && 'halfWidth' in v;

const n0 = (x: number) => Math.round(x).toLocaleString('en-US');
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const fixed1 = (x: number) => x.toFixed(1);

/** "mean ± half-width" in one format; the half-width is left out when there is no interval (one replication). */
function pm(e: unknown, f: (x: number) => string): string {
  if (!isEstimate(e)) return '—';
  return Number.isFinite(e.halfWidth) ? `${f(e.mean)} ± ${f(e.halfWidth)}` : f(e.mean);
}

type AggSummary = AggregateResult['summary'];

const SUMMARY_HEADER = ['Label', '# Samples', 'Failures', 'Error %', 'Throughput/s', 'Mean', 'p50', 'p90', 'p95', 'p99', 'Max'];

function summaryRow(label: string, s: AggSummary): string[] {
  const l = s.latencyMs;
  return [
    label,
    pm(s.requests, n0),
    pm(s.failed, n0),
    pm(s.errorRate, pct),
    pm(s.throughputRps, fixed1),
    pm(l.mean, ms),
    pm(l.p50, ms),
    pm(l.p90, ms),
    pm(l.p95, ms),
    pm(l.p99, ms),
    pm(l.max, ms),
  ];
}

/** A declared statistic's value over replications: an estimate in its unit, or each figure of a compound one ("mean 4.20 ms ± 0.10 ms · p99 …"). */
function declared(value: unknown, unit: StatUnit): string | undefined {
  const leafUnit: StatUnit = unit === 'summary-ms' ? 'ms' : unit === 'cost' ? 'usd' : unit === 'level' ? 'count' : unit;
  const f = (x: number) => formatStat(x, leafUnit);
  if (isEstimate(value)) return pm(value, f);
  if (typeof value !== 'object' || value === null) return undefined;
  const parts = Object.entries(value)
    .filter(([, v]) => isEstimate(v))
    .map(([k, v]) => `${t(k)} ${pm(v, f)}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** The human-readable report of `archsim run --replications N`: every figure as mean ± 95 % half-width. */
export function replicationReport(rep: AggregateResult): string {
  const out: string[] = [];
  out.push(`${t(rep.title)}${rep.variant ? ` — variant ${t(rep.variant)}` : ''}`);
  out.push(
    `${rep.replications} replications, seeds ${t(rep.seeds[0])}..${t(rep.seeds[rep.seeds.length - 1])}` +
      ` · ${pm(rep.events, n0)} events each${rep.complete ? '' : ' · INCOMPLETE'}`,
  );
  out.push('');
  out.push("Mean ± half-width of the 95% confidence interval (Student's t) over the replications.");
  out.push('Latency in ms; requests issued in the measured interval (after warmup).');
  const rows = [summaryRow('TOTAL', rep.summary), ...rep.phases.map((p) => summaryRow(`  ${t(p.name)}`, p))];
  const routes = Object.entries((rep.routes ?? {}) as Record<string, AggSummary>);
  if (routes.length > 1) rows.push(...routes.map(([name, s]) => summaryRow(`  route ${t(name)}`, s)));
  out.push(textTable(SUMMARY_HEADER, rows));
  const f = rep.summary.failures;
  out.push('');
  out.push(
    `Failures by reason: timeout ${pm(f.timeout, n0)} · rejected ${pm(f.rejected, n0)} · throttled ${pm(f.throttled, n0)} · error ${pm(f.error, n0)}` +
      (isEstimate(rep.summary.inFlight) && rep.summary.inFlight.mean ? ` · still in flight ${pm(rep.summary.inFlight, n0)}` : ''),
  );
  const cost = rep.summary.cost as { run?: Estimate; perMonth?: Estimate } | undefined;
  if (cost && isEstimate(cost.run) && cost.run.mean > 0)
    out.push(`Cost: $${pm(cost.run, (x) => x.toFixed(4))} for a run · $${pm(cost.perMonth, (x) => x.toFixed(2))} per month at this load`);
  out.push('');
  out.push('Components');
  const crow = Object.entries(rep.components).map(([id, c]) => [
    t(id),
    t(c.kind),
    pm(c.arrivals, n0),
    pm(c.completed, n0),
    pm(c.failed, n0),
    pm(c.utilization, (x) => `${(x * 100).toFixed(1)}%`),
    pm(c.queueLength.mean, (x) => x.toFixed(2)),
    pm(c.waitMs.mean, ms),
    pm(c.latencyMs.mean, ms),
    pm(c.latencyMs.p99, ms),
  ]);
  out.push(textTable(['Id', 'Kind', 'Arrivals', 'Completed', 'Failed', 'Util', 'Queue mean', 'Wait', 'Latency', 'p99'], crow, 2));
  const extras = Object.entries(rep.components).flatMap(([id, c]) => {
    const def = kinds[c.kind];
    const stats = def ? declaredStats(def) : [];
    const parts = stats
      .filter(([key]) => key !== 'utilization')
      .flatMap(([key, d]) => {
        const v = declared((c as Record<string, unknown>)[key], d.unit);
        return v === undefined ? [] : [`${d.label} ${v}`];
      });
    return parts.length ? [`  ${t(id)}: ${parts.join(' · ')}`] : [];
  });
  if (extras.length) out.push('', ...extras);
  if (rep.warnings.length) {
    out.push('', 'Warnings');
    for (const w of rep.warnings) out.push(`  ! ${t(w.message)} (in ${w.runs} of ${rep.replications} runs)`);
  }
  return terminalSafe(out.join('\n'), true);
}

/**
 * A sweep's results as text (a table per point, the knee marked) and as CSV (a
 * row per point, each figure with its `_ci95` half-width, the theory columns).
 * Pure formatting: the CLI and the app share it.
 */
import type { Estimate } from '../analysis/aggregate.js';
import type { SweepResult } from '../analysis/sweep-result.js';
import { terminalSafe } from './terminal-safe.js';
import { textTable } from './text-table.js';

const t = (x: unknown) => terminalSafe(String(x));
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pm = (e: Estimate, f: (x: number) => string) => (Number.isFinite(e.halfWidth) ? `${f(e.mean)} ± ${f(e.halfWidth)}` : f(e.mean));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
const orDash = (x: number | null | undefined, f: (x: number) => string) => (typeof x === 'number' && Number.isFinite(x) ? f(x) : '—');

/** The text report of `archsim sweep`: one row per point, mean ± 95 % half-width, theory beside, the knee marked. */
export function sweepReport(r: SweepResult): string {
  const out: string[] = [];
  out.push(`${t(r.title)}${r.variant ? ` — variant ${t(r.variant)}` : ''}`);
  const n = r.seeds.length;
  out.push(
    `sweep of ${t(r.param)} over ${r.points.length} points · ${n} replication${n === 1 ? '' : 's'} each, seeds ${t(r.seeds[0])}..${t(r.seeds[n - 1])} at every point`,
  );
  out.push('');
  out.push(`Latency in ms, mean ± half-width of the 95% confidence interval over the replications.`);
  const hasTheory = 'model' in r.theory;
  const header = [t(r.param), 'p50', 'p95', 'p99', 'Mean', 'Throughput/s', 'Errors'];
  if (hasTheory) header.push('Theory mean', 'Theory p99');
  header.push('');
  const rows = r.points.map((p, i) => {
    const row = [
      t(p.value),
      pm(p.latencyMs.p50, ms),
      pm(p.latencyMs.p95, ms),
      pm(p.latencyMs.p99, ms),
      pm(p.latencyMs.mean, ms),
      pm(p.throughputRps, (x) => x.toFixed(1)),
      pm(p.errorRate, pct),
    ];
    if (hasTheory) row.push(orDash(p.theory?.meanMs, ms), orDash(p.theory?.p99Ms, ms));
    const notes = [r.knee?.index === i ? '◀ knee' : '', p.complete ? '' : 'incomplete'].filter(Boolean);
    row.push(notes.join(', '));
    return row;
  });
  out.push(textTable(header, rows, 1, true));
  out.push('');
  if (r.knee) out.push(`Knee: ${t(r.param)} = ${t(r.knee.value)} — ${r.knee.rule}.`);
  else out.push('Knee: none (the p99 curve is close to a straight line, or has fewer than three points).');
  out.push('model' in r.theory ? `Theory: ${r.theory.model} closed form at each point.` : `Theory: ${t(r.theory.none)}.`);
  const warned = r.points.filter((p) => p.warnings.length);
  if (warned.length) {
    out.push('', 'Warnings');
    for (const p of warned)
      for (const w of p.warnings) out.push(`  ! at ${t(p.value)}: ${t(w.message)} (in ${w.runs} of ${p.replications} runs)`);
  }
  return terminalSafe(out.join('\n'), true);
}

/** The CSV of `archsim sweep --csv`: a row per point; each figure with its 95 % half-width; theory columns; the knee flagged. */
export function sweepCsv(r: SweepResult): string {
  const figures = ['p50_ms', 'p95_ms', 'p99_ms', 'mean_ms', 'throughput_rps', 'error_rate'];
  const head = [
    'param',
    'value',
    'x',
    'replications',
    ...figures.flatMap((f) => [f, `${f}_ci95`]),
    'theory_mean_ms',
    'theory_p99_ms',
    'knee',
    'complete',
  ];
  const q = (x: string) => {
    const s = terminalSafe(x);
    return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const cells = (e: Estimate) => [String(e.mean), Number.isFinite(e.halfWidth) ? String(e.halfWidth) : ''];
  const rows = r.points.map((p, i) =>
    [
      q(r.param),
      q(p.value),
      p.x,
      p.replications,
      ...[p.latencyMs.p50, p.latencyMs.p95, p.latencyMs.p99, p.latencyMs.mean, p.throughputRps, p.errorRate].flatMap(cells),
      p.theory?.meanMs ?? '',
      p.theory?.p99Ms ?? '',
      r.knee?.index === i ? 1 : 0,
      p.complete ? 1 : 0,
    ].join(','),
  );
  return terminalSafe([head.join(','), ...rows].join('\n'), true);
}

/**
 * A comparison (analysis/comparison.ts) as text — the headline sentences, then
 * the summary, phase, route and component figures of both designs with the
 * paired difference and its 95 % interval — and as CSV, a row per figure.
 * Pure formatting.
 */
import type { Estimate } from '../analysis/aggregate.js';
import { type Comparison, differenceSentence, HEADLINE_PATHS } from '../analysis/comparison.js';
import { terminalSafe } from './terminal-safe.js';

const t = (x: unknown) => terminalSafe(String(x));
const num = (x: number) => {
  const a = Math.abs(x);
  return a >= 1000
    ? Math.round(x).toLocaleString('en-US')
    : a >= 100
      ? x.toFixed(0)
      : a >= 10
        ? x.toFixed(1)
        : a >= 1
          ? x.toFixed(2)
          : String(+x.toPrecision(3));
};
const pm = (e: Estimate, sign = false) =>
  `${sign && e.mean > 0 ? '+' : ''}${num(e.mean)}${Number.isFinite(e.halfWidth) ? ` ± ${num(e.halfWidth)}` : ''}`;

/** Figures shown in the text: the summary's, each phase's, each route's and each component's main ones. */
const SHOWN =
  /^(summary\.(requests|failed|errorRate|throughputRps|latencyMs\.(mean|p50|p95|p99)|cost\.perMonth)|(phases\.\d+|routes\.[^.]+)\.(errorRate|throughputRps|latencyMs\.(mean|p99))|components\.[^.]+\.(utilization|waitMs\.mean|latencyMs\.(mean|p99)|queueLength\.mean))$/;

/** The text report of `archsim compare`. */
export function compareReport(c: Comparison): string {
  const out: string[] = [];
  out.push(`${t(c.title)}: ${t(c.variant.name)} against ${t(c.base.name)}`);
  const n = c.seeds.length;
  out.push(`${n} replications per side with the same seeds ${t(c.seeds[0])}..${t(c.seeds[n - 1])} (common random numbers)`);
  out.push('');
  for (const path of HEADLINE_PATHS) {
    const d = c.differences.find((x) => x.path === path);
    if (d) out.push(`  ${t(differenceSentence(c.variant.name, d))}`);
  }
  out.push('');
  out.push("Mean ± half-width of the 95% confidence interval (Student's t); the difference is paired by seed.");
  const rows = c.differences
    .filter((d) => SHOWN.test(d.path))
    .map((d) => {
      const decided = Number.isFinite(d.difference.halfWidth) && Math.abs(d.difference.mean) > d.difference.halfWidth;
      return [t(d.path), pm(d.base), pm(d.variant), pm(d.difference, true), decided ? '*' : ''];
    });
  const header = ['Figure', t(c.base.name), t(c.variant.name), 'Difference', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  out.push(line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  out.push('', '* the interval of the difference excludes zero: a real difference at 95% confidence.');
  out.push(`Every figure is in the JSON (--json) and the CSV (--csv).`);
  return terminalSafe(out.join('\n'), true);
}

/** The CSV of `archsim compare --csv`: a row per figure both designs report. */
export function compareCsv(c: Comparison): string {
  const q = (x: string) => {
    const s = terminalSafe(x);
    return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const cells = (e: Estimate) => [String(e.mean), Number.isFinite(e.halfWidth) ? String(e.halfWidth) : ''];
  const head = 'figure,base_mean,base_ci95,variant_mean,variant_ci95,difference,difference_ci95,pairs';
  const rows = c.differences.map((d) => [q(d.path), ...cells(d.base), ...cells(d.variant), ...cells(d.difference), d.pairs].join(','));
  return terminalSafe([head, ...rows].join('\n'), true);
}

/**
 * The "Theory" and "Bottleneck" sections of the text report (report.ts): each
 * component with workers against its closed-form model, flagged where they
 * part and why, and the bottleneck by the utilisation law with its bounds.
 */
import type { Analysis, Comparison, NodeTheory } from '../analysis/analyze.js';
import type { Bottleneck } from '../analysis/bottleneck.js';
import { terminalSafe } from '../output/terminal-safe.js';
import { textTable } from '../output/text-table.js';

const t = (x: unknown) => terminalSafe(String(x));
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rate = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));

const FIGURES: [Comparison['figure'], string][] = [
  ['waitMs', 'Wait'],
  ['sojournMs', 'Sojourn'],
  ['waitP99Ms', 'Wait p99'],
  ['sojournP99Ms', 'Sojourn p99'],
  ['utilization', 'Util'],
  ['blocking', 'Blocking'],
];

/** "40.2 / 40.9 ✓": predicted / simulated, and whether they agree; blank when the model has no such figure. */
function cell(n: NodeTheory, figure: Comparison['figure']): string {
  const c = n.comparisons.find((x) => x.figure === figure);
  if (!c) return '';
  const f = c.unit === 'ratio' ? pct : ms;
  return `${f(c.predicted)} / ${f(c.simulated)} ${c.agrees ? '✓' : '✗'}`;
}

/** The Theory section: a row per modelled component, then its assumptions and, where it parts, why. */
export function theorySection(theory: NodeTheory[]): string[] {
  if (!theory.length) return [];
  const shown = FIGURES.filter(([f]) => theory.some((n) => n.comparisons.some((c) => c.figure === f)));
  const tol = (n: NodeTheory) => `${Math.round(n.tolerances.mean * 100)}/${Math.round(n.tolerances.p99 * 100)}%`;
  const rows = theory.map((n) => [
    t(n.id),
    n.model,
    n.inputs.rho.toFixed(2),
    ...shown.map(([f]) => cell(n, f)),
    tol(n),
    n.agrees ? 'agrees' : 'PARTS',
  ]);
  const out = [
    '',
    'Theory (closed forms from what each component measured; predicted / simulated, times in ms)',
    textTable(['Id', 'Model', 'ρ', ...shown.map(([, label]) => label), 'Tol', ''], rows, 2),
  ];
  for (const n of theory) {
    out.push(`  ${t(n.id)} — ${n.model}, ${n.formula}: ${n.assumptions}`);
    for (const reason of n.reasons) out.push(`    ✗ ${reason}`);
  }
  out.push(
    '  Tol: times agree within this share of the prediction (mean/p99): 4 (6) standard errors of an M/M/1 estimate at the',
    "  component's ρ over its measured arrivals, at least 5 % (8 %), waits also ± 2 % of the service time; shares within 0.02.",
  );
  return out;
}

/** The Bottleneck section: demands largest first, the sentence, and a closed workload's bounds. */
export function bottleneckSection(b: Bottleneck | null): string[] {
  if (b === null) return [];
  const rows = b.demands.map((d) => [
    t(d.id),
    t(d.kind),
    d.visits.toFixed(2),
    ms(d.serviceMs),
    String(d.servers),
    ms(d.demandMs),
    rate(d.maxRps),
    `${pct(d.utilization)} / ${pct(d.lawUtilization)}`,
  ]);
  const out = [
    '',
    'Bottleneck (utilisation law U = X·D; demand D = visits × service ÷ workers, ms per request)',
    textTable(['Id', 'Kind', 'Visits', 'Service', 'Workers', 'Demand', 'Max req/s', 'Util sim / X·D'], rows, 2),
    `  ${t(b.sentence)}`,
  ];
  const c = b.closed;
  if (c)
    out.push(
      `  Closed workload, N = ${c.users} users, Z = ${ms(c.thinkMs)} ms, D = ${ms(c.totalDemandMs)} ms${c.nested ? ' (largest single demand: calls nest)' : ''}, ` +
        `D_max = ${ms(b.demands[0].demandMs)} ms:`,
      `    X ≤ min(N/(D+Z), 1/D_max) = ${rate(c.maxThroughputRps)} req/s (simulated ${rate(c.throughputRps)}); ` +
        `R ≥ max(D, N·D_max − Z) = ${ms(c.minResponseMs)} ms (simulated ${ms(c.responseMs)} ms); N* = (D+Z)/D_max = ${c.saturationUsers.toFixed(1)} users`,
    );
  return out;
}

/** Both sections of analysis `a`, as report lines. */
export function analysisSections(a: Analysis): string[] {
  return [...theorySection(a.theory), ...bottleneckSection(a.bottleneck)];
}

/**
 * Runs every validation case (test/validation/cases/*.ts) and writes
 * docs/validation.md (`npm run validation`). Also the shared judge used by
 * test/validation/validation.test.ts: one definition of error, pass and
 * conservation for the test and the table.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadScenario } from '../src/scenario/index.js';
import { runScenario } from '../src/run/run.js';
import type { RunResult } from '../src/run/result.js';
import type { ValidationCase } from '../test/validation/case.js';

/** A case's outcome: the simulated figure, its error in the tolerance's terms, and the verdict. */
export interface Verdict {
  simulated: number;
  /** Relative error (sim − theory) / theory, or the absolute difference, matching the tolerance. */
  error: number;
  pass: boolean;
}

/** A case's tolerance as a bound on |error| and whether the error is relative to the theory. */
function tolerance(c: ValidationCase): { isRelative: boolean; bound: number } {
  return 'relative' in c.tolerance ? { isRelative: true, bound: c.tolerance.relative } : { isRelative: false, bound: c.tolerance.absolute };
}

/** Compare a case's simulated figure with its theory. */
export function judge(c: ValidationCase, r: RunResult): Verdict {
  const simulated = c.measure(r);
  const { isRelative, bound } = tolerance(c);
  const error = isRelative ? (simulated - c.theory) / c.theory : simulated - c.theory;
  return { simulated, error, pass: Number.isFinite(simulated) && Math.abs(error) <= bound };
}

/**
 * Conservation after the drain: issued = completed + failed + in flight, nothing
 * left in flight, every component answered every call it counted, and the
 * clients' issued requests add up to the summary. Returns the violations.
 */
export function conservationProblems(r: RunResult): string[] {
  const out: string[] = [];
  const s = r.summary;
  if (!r.complete) out.push(`the run did not complete: ${r.warnings.map((w) => w.message).join('; ')}`);
  if (s.requests !== s.completed + s.failed + s.inFlight)
    out.push(`summary: ${s.requests} issued ≠ ${s.completed} completed + ${s.failed} failed + ${s.inFlight} in flight`);
  if (s.inFlight !== 0) out.push(`summary: ${s.inFlight} requests still in flight after the drain`);
  const failures = Object.values(s.failures).reduce((a, b) => a + b, 0);
  if (failures !== s.failed) out.push(`summary: failures by reason add up to ${failures}, not ${s.failed}`);
  let issued = 0;
  for (const [id, c] of Object.entries(r.components)) {
    if (c.kind === 'client') issued += c.arrivals;
    if (c.arrivals !== c.completed + c.failed + c.inFlight || c.inFlight !== 0)
      out.push(`${id}: ${c.arrivals} arrivals ≠ ${c.completed} completed + ${c.failed} failed (+ ${c.inFlight} in flight)`);
  }
  if (issued !== s.requests) out.push(`clients issued ${issued} requests but the summary counts ${s.requests}`);
  return out;
}

/** Load and run a scenario text, once per text. */
export function runner(): (text: string) => RunResult {
  const cache = new Map<string, RunResult>();
  return (text) => {
    let r = cache.get(text);
    if (!r) cache.set(text, (r = runScenario(loadScenario(text))));
    return r;
  };
}

const casesDir = fileURLToPath(new URL('../test/validation/cases/', import.meta.url));

/** Every case from test/validation/cases/*.ts (file names containing `only`): queueing.ts first, the rest by name. */
export async function loadCases(only = ''): Promise<ValidationCase[]> {
  const files = readdirSync(casesDir)
    .filter((f) => f.endsWith('.ts') && f.includes(only))
    .sort((a, b) => Number(b === 'queueing.ts') - Number(a === 'queueing.ts') || a.localeCompare(b));
  const mods = await Promise.all(files.map((f) => import(pathToFileURL(casesDir + f).href) as Promise<{ cases: ValidationCase[] }>));
  return mods.flatMap((m) => m.cases);
}

const num = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 100 ? x.toFixed(1) : Math.abs(x) >= 0.1 ? x.toFixed(3) : x.toPrecision(3));
const pct = (x: number, digits = 2) => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)}%`;
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** One markdown table row. */
export function row(c: ValidationCase, v: Verdict): string {
  const { isRelative, bound } = tolerance(c);
  const tol = isRelative ? `±${+(bound * 100).toPrecision(6)}%` : `±${bound}`;
  const err = isRelative ? pct(v.error) : `${v.error >= 0 ? '+' : '−'}${num(Math.abs(v.error))}`;
  return `| ${cell(c.area)} | ${cell(c.name)} | ${num(c.theory)} ${c.unit} | ${num(v.simulated)} | ${err} | ${tol} | ${cell(c.runLength)} | ${v.pass ? 'yes' : '**NO**'} |`;
}

const INTRO = `# Validation against queueing theory

archsim's engine and component kinds are checked against results from queueing
theory. Each row below is a scenario written in the ordinary YAML format, loaded
with \`loadScenario\` and run with \`runScenario\` — the same path the CLI, the
browser and the tests use — and one figure of its result compared with the
formula. \`npx vitest run test/validation\` asserts every row;
\`npm run validation\` runs them again and rewrites this page. The cases live in
\`test/validation/cases/*.ts\`, the formulas in
[test/validation/theory.ts](../test/validation/theory.ts) (each tested against
textbook values).

**Method.** Each scenario runs long enough for its tolerance; the run length is
stated per row. Requests issued during the scenario's \`warmup\` are simulated but
not measured, so the empty start does not bias the means (the queueing cases use
20 s). Every scenario has a fixed seed, so this table is reproducible to the last
digit; another seed moves the figures within the tolerance.

**Confidence and tolerances.** A tolerance tighter than the sampling error of the
run makes a flaky test, so tolerances are set from the measured spread of each
estimate: \`npx tsx scripts/validation-table.ts --spread 20\` reruns every
scenario with seeds 1–20 and prints each case's standard deviation and its
tolerance in standard deviations. The "sd" in a run length is that figure; the
queueing cases allow about four to six of them (a false alarm is then about 1 in
10,000 per case or rarer), which also covers the histogram's 0.8% bucket
resolution for percentiles. Waiting times at ρ = 0.8 are strongly
autocorrelated, so a mean within ±2% takes about a million customers and a p99
several times more; the M/M/1 case runs 6.4M. Little's law is held to ±0.5%
because both sides come from the same run: it checks the bookkeeping (arrivals,
waits and time-averaged queues over the measured window), not the randomness.

**Conservation.** For every run the tests also assert that it completed and
drained: issued = completed + failed at every component and in the summary,
nothing left in flight, failures by reason adding up, and the clients' issued
requests matching the summary.

**Models** (queueing rows). λ and μ are per millisecond and service times are
exponential unless the row says otherwise. The tandem's first stage is
\`async: true\` (it frees its worker before calling the second), so the pair is a
Jackson network and, by Burke's theorem, the second stage sees Poisson
arrivals; a blocking first stage would hold its worker through the second
stage's time and would not be. The closed case is solved by exact mean value
analysis, with think time as a delay station. Round-robin turns Poisson
arrivals into Erlang-n arrivals at each server (E_n/M/1): σ is the root of
σ = A*(μ(1 − σ)) and the mean sojourn 1/(μ(1 − σ)). Power-of-two-choices and
least-connections (join the shortest queue) are solved exactly as a Markov
chain over sorted queue lengths; their ratio rows show the ordering
least-connections < power-of-two < round-robin < random at equal load, and pass
only if it holds.

Error is (simulated − theory) ÷ theory for a relative tolerance, and the
difference for an absolute one.
`;

/** The whole docs/validation.md text. */
export function page(results: [ValidationCase, Verdict][]): string {
  const head = '| Area | Case | Theory | Simulated | Error | Tolerance | Run length | Pass |\n|---|---|---|---|---|---|---|---|';
  return `${INTRO}\n${head}\n${results.map(([c, v]) => row(c, v)).join('\n')}\n`;
}

/**
 * `--spread N [FILE]`: run every scenario (of case files whose name contains FILE) with seeds 1..N and print, per case, the
 * standard deviation of its error and the tolerance in standard deviations —
 * how the tolerances were chosen. Writes nothing.
 */
async function spread(n: number, only: string): Promise<void> {
  const cases = await loadCases(only);
  const errors = new Map<ValidationCase, number[]>(cases.map((c) => [c, []]));
  for (const text of new Set(cases.map((c) => c.scenario))) {
    for (let seed = 1; seed <= n; seed++) {
      const r = runScenario(loadScenario(text, { seed }));
      for (const c of cases) if (c.scenario === text) errors.get(c)!.push(judge(c, r).error);
    }
  }
  for (const [c, e] of errors) {
    const mean = e.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(e.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    const { isRelative, bound } = tolerance(c);
    const f = (x: number) => (isRelative ? `${(x * 100).toFixed(2)}%` : x.toFixed(4));
    console.log(
      `${c.id.padEnd(26)} mean error ${f(mean).padStart(8)}  sd ${f(sd).padStart(7)}  max |error| ${f(Math.max(...e.map(Math.abs))).padStart(7)}  tolerance ${f(bound)} = ${(bound / sd).toFixed(1)} sd`,
    );
  }
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const run = runner();
  const cases = await loadCases();
  const results: [ValidationCase, Verdict][] = [];
  let failed = 0;
  for (const c of cases) {
    const r = run(c.scenario);
    const problems = conservationProblems(r);
    const v = judge(c, r);
    if (problems.length) console.error(`${c.id}: ${problems.join('; ')}`);
    if (!v.pass || problems.length) failed++;
    results.push([c, v]);
    console.log(row(c, v));
  }
  for (const text of new Set(cases.map((c) => c.scenario))) console.log(`${run(text).wallMs} ms  ${run(text).title}`);
  const file = fileURLToPath(new URL('../docs/validation.md', import.meta.url));
  writeFileSync(file, page(results));
  console.log(`wrote ${file}: ${cases.length} cases, ${failed} failing, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--spread');
  (i > 0 ? spread(Number(process.argv[i + 1] ?? 20), process.argv[i + 2] ?? '') : main()).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}

/**
 * The `archsim` command.
 *
 *   archsim run FILE [--seed N] [--duration D] [--set id.param=value]... [--variant NAME]
 *                    [--replications N] [--jobs J] [--max-events N] [--json | --csv]
 *   archsim sweep FILE --set id.param=FROM..TO [--steps N] [run options]   (src/cli/sweep.ts)
 *   archsim compare FILE --variant A [--variant B] [run options]         (src/cli/compare.ts)
 *   archsim validate FILE...
 *   archsim check FILE... [--design SUBMISSION] [...]   (src/cli/check.ts)
 *   archsim schema
 */
import { loadScenario, listVariants, parseScenarioText, scenarioSchema, ScenarioError } from '../scenario/index.js';
import { DEFAULT_MAX_EVENTS, runScenario, RunTooLargeError } from '../run/run.js';
import { textReport } from '../run/report.js';
import { csvReport } from '../output/csv.js';
import { checkCampaign, MAX_REPLICATIONS, replicated, replicationInputs, replicationReport } from '../run/replications.js';
import { csvReplications } from '../output/csv-replications.js';
import { runScenarios } from './run-scenarios.js';
import { defaultJobs } from './worker-pool.js';
import { messageOf, print, printError, read, RunFailedError, seedOf, UsageError } from './command.js';
import { cmdSweep } from './sweep.js';
import { cmdCompare } from './compare.js';
import { MAX_SWEEP_POINTS } from '../analysis/sweep.js';
import { jsonSafe, terminalSafe } from '../output/terminal-safe.js';
import { withAnalysis } from '../analysis/analyze.js';
import { CHECK_USAGE, check } from './check.js';
import { TRACE_USAGE, traceFlag, writeTrace, type TraceArgs } from './trace.js';
import { runTraced } from '../run/trace-run.js';

const USAGE = `usage:
  archsim run FILE [options]     run a scenario and print a report
  archsim sweep FILE --set id.param=FROM..TO [--steps N] [options]
                                 run it at each point of a range: p50/p95/p99, throughput, errors, the knee
  archsim compare FILE --variant A [--variant B] [options]
                                 the paired difference a variant makes (same seeds on both sides)
  archsim validate FILE...       check scenarios (every variant) without running
  archsim check FILE... [options]  run a scenario's goals (or a student's design against them)
  archsim schema                 print the scenario JSON Schema

run options:
  --seed N              random seed (overrides the scenario's)
  --duration D          simulated duration, e.g. 2m, 30s
  --set id.param=value  override a parameter (repeatable), e.g. --set app.workers=4
  --variant NAME        apply a named variant from the file's variants:
  --replications N      run seeds seed..seed+N-1 (N ≤ ${MAX_REPLICATIONS}); every figure as mean ± 95% confidence half-width
  --jobs J              worker threads for replications, sweep points and comparisons (default: this machine's ${defaultJobs()} cores)
  --max-events N        refuse or stop runs beyond N events (default ${DEFAULT_MAX_EVENTS})
  --json                print one JSON document
  --csv                 print a CSV table (--json and --csv exclude each other)
${TRACE_USAGE}

sweep options (and the run options; a sweep: block in the file gives the defaults):
  --set id.param=FROM..TO   the parameter swept: a range (100/s..1000/s, 1..8, 1ms..10ms) or a list A,B,C
  --steps N                 points of a range (default: every integer of an integer range, else 10)
  --replications N          runs per point, seeds seed..seed+N-1 at every point (default 3)

compare options (and the run options): --variant A [--variant B] compares B with A, or A with the file
as written; --replications N pairs N seeds (default 10)

${CHECK_USAGE}`;

/** The parsed command line of run, validate, sweep and compare. */
export interface Args {
  cmd: string;
  files: string[];
  seed?: string;
  duration?: string;
  set: string[];
  variant?: string;
  /** Every --variant in order (compare takes two). */
  variants: string[];
  replications?: number;
  jobs?: number;
  steps?: number;
  maxEvents?: number;
  format: 'text' | 'json' | 'csv';
  /** --trace FILE and the requests it traces (src/cli/trace.ts). */
  trace?: Partial<TraceArgs>;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cmd: argv[0] ?? 'help', files: [], set: [], variants: [], format: 'text' };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const count = (v: string, flag: string, min: number, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} expects an integer ≥ ${min}, got "${v}"`);
    if (n > max) throw new UsageError(`${flag} is at most ${max}, got ${v}`);
    return n;
  };
  const format = (f: 'json' | 'csv', flag: string) => {
    if (a.format !== 'text' && a.format !== f)
      throw new UsageError(`${flag} cannot be combined with --${a.format}: choose one output format`);
    a.format = f;
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--seed':
        a.seed = take();
        break;
      case '--duration':
        a.duration = take();
        break;
      case '--set':
        a.set.push(take());
        break;
      case '--variant':
        a.variant = take();
        a.variants.push(a.variant);
        break;
      case '--replications':
        a.replications = count(take(), flag, 1, MAX_REPLICATIONS);
        break;
      case '--jobs':
        a.jobs = count(take(), flag, 1, 256);
        break;
      case '--steps':
        a.steps = count(take(), flag, 2, MAX_SWEEP_POINTS);
        break;
      case '--trace':
      case '--trace-sample':
      case '--trace-percentile':
        traceFlag((a.trace ??= {}), flag, take(), (m) => new UsageError(m));
        break;
      case '--max-events':
        a.maxEvents = count(take(), flag, 1);
        break;
      case '--json':
        format('json', flag);
        break;
      case '--csv':
        format('csv', flag);
        break;
      case '-h':
      case '--help':
        a.cmd = 'help';
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        else a.files.push(arg);
    }
  }
  return a;
}

function cmdRun(a: Args): number | Promise<number> {
  if (a.files.length !== 1) throw new UsageError('run expects exactly one scenario file');
  const file = a.files[0];
  const text = read(file);
  const opts = { file, variant: a.variant, seed: seedOf(a.seed), duration: a.duration, set: a.set };
  const scenario = loadScenario(text, opts);
  const running = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw e instanceof RunTooLargeError ? e : new RunFailedError(messageOf(e));
    }
  };
  if (a.replications && a.replications > 1 && !a.trace) {
    const inputs = replicationInputs(scenario, a.replications);
    checkCampaign(inputs, `${a.replications} replications`, a.maxEvents);
    return runScenarios(inputs, a.jobs ?? defaultJobs(), a.maxEvents).then((runs) => {
      const rep = replicated(runs);
      if (a.format === 'json') print(jsonSafe(JSON.stringify(rep, null, 2)));
      else print(a.format === 'csv' ? csvReplications(rep) : replicationReport(rep));
      return 0;
    });
  }
  if (a.trace) return cmdTrace(a, scenario, running);
  const result = running(() => runScenario(scenario, { maxEvents: a.maxEvents }));
  printResult(a, result);
  return 0;
}

/** One run's report in the format asked for: JSON (with the analysis), CSV or text. */
function printResult(a: Args, result: ReturnType<typeof runScenario>): void {
  print(
    a.format === 'json'
      ? jsonSafe(JSON.stringify(withAnalysis(result), null, 2))
      : a.format === 'csv'
        ? csvReport(result)
        : textReport(result),
  );
}

/** `run --trace FILE`: the run replayed to trace its requests, the report, and the trace file. */
function cmdTrace(a: Args, scenario: Parameters<typeof runTraced>[0], running: <T>(f: () => T) => T): number {
  const t = a.trace as Partial<TraceArgs>;
  if (t.file === undefined) throw new UsageError('--trace-sample and --trace-percentile need --trace FILE');
  if (a.replications && a.replications > 1) throw new UsageError('--trace traces one run: drop --replications');
  const result = running(() => runTraced(scenario, { maxEvents: a.maxEvents }, t));
  const note = writeTrace(t.file, result, (m) => new UsageError(m));
  printResult(a, result);
  printError(note);
  return 0;
}

function cmdValidate(a: Args): number {
  if (!a.files.length) throw new UsageError('validate expects one or more scenario files');
  let bad = 0;
  for (const file of a.files) {
    try {
      const text = read(file);
      const s = loadScenario(text, { file });
      const variants = listVariants(parseScenarioText(text, file).raw);
      const named = variants.length ? `, variants: ${variants.join(', ')}` : '';
      print(terminalSafe(`${file}: ok — ${s.components.length} components, ${s.links.length} links${named}`));
    } catch (e) {
      bad++;
      printError(e instanceof ScenarioError ? e.message : `${file}: ${messageOf(e)}`);
    }
  }
  return bad ? 1 : 0;
}

/** Runs the command; returns its exit status (a promise of it for work on worker threads). */
export function main(argv: string[]): number | Promise<number> {
  if (argv[0] === 'check') return check(argv.slice(1));
  try {
    const a = parseArgs(argv);
    const settled = (status: number | Promise<number>) => (typeof status === 'number' ? status : status.catch(failed));
    switch (a.cmd) {
      case 'run':
        return settled(cmdRun(a));
      case 'sweep':
        return settled(cmdSweep(a));
      case 'compare':
        return settled(cmdCompare(a));
      case 'validate':
        return cmdValidate(a);
      case 'schema':
        print(JSON.stringify(scenarioSchema(), null, 2));
        return 0;
      case 'help':
      case '--help':
      case '-h':
        print(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${a.cmd}"`);
    }
  } catch (e) {
    return failed(e);
  }
}

/** The exit status and message of a command that threw: 2 bad input, 3 a run refused or failed. */
function failed(e: unknown): number {
  if (e instanceof ScenarioError) {
    printError(e.message);
    return 2;
  }
  if (e instanceof UsageError) {
    printError(`archsim: ${e.message}\n\n${USAGE}`);
    return 2;
  }
  if (e instanceof RunTooLargeError) {
    printError(`archsim: ${e.message}`);
    return 3;
  }
  if (e instanceof RunFailedError) {
    printError(
      `archsim: the run failed: ${e.message}\n(the scenario passed validation, so this is a bug in archsim; please report it with the scenario)`,
    );
    return 3;
  }
  // anything else was thrown while reading or checking the input
  printError(`archsim: could not read the input: ${messageOf(e)}\n(this is a bug in archsim; please report it with the scenario)`);
  return 2;
}

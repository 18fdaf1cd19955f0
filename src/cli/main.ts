/**
 * The `archsim` command.
 *
 *   archsim run FILE [--seed N] [--duration D] [--set id.param=value]... [--variant NAME]
 *                    [--replications N] [--max-events N] [--json | --csv]
 *   archsim validate FILE...
 *   archsim check FILE... [--design SUBMISSION] [...]   (src/cli/check.ts)
 *   archsim schema
 */
import { readFileSync } from 'node:fs';
import { loadScenario, listVariants, parseScenarioText, scenarioSchema, ScenarioError } from '../scenario/index.js';
import { DEFAULT_MAX_EVENTS, runScenario, RunTooLargeError } from '../run/run.js';
import { textReport } from '../run/report.js';
import { csvReport } from '../output/csv.js';
import { MAX_REPLICATIONS, replicate, replicationReport } from '../run/replications.js';
import { jsonSafe, terminalSafe } from '../output/terminal-safe.js';
import { CHECK_USAGE, check } from './check.js';
import { TRACE_USAGE, traceFlag, writeTrace, type TraceArgs } from './trace.js';
import { runTraced } from '../run/trace-run.js';

const USAGE = `usage:
  archsim run FILE [options]     run a scenario and print a report
  archsim validate FILE...       check scenarios (every variant) without running
  archsim check FILE... [options]  run a scenario's goals (or a student's design against them)
  archsim schema                 print the scenario JSON Schema

run options:
  --seed N              random seed (overrides the scenario's)
  --duration D          simulated duration, e.g. 2m, 30s
  --set id.param=value  override a parameter (repeatable), e.g. --set app.workers=4
  --variant NAME        apply a named variant from the file's variants:
  --replications N      run seeds seed..seed+N-1 (N ≤ ${MAX_REPLICATIONS}); add means and 95% confidence half-widths
  --max-events N        refuse or stop runs beyond N events (default ${DEFAULT_MAX_EVENTS})
  --json                print one JSON document
  --csv                 print a CSV table (--json and --csv exclude each other)
${TRACE_USAGE}

${CHECK_USAGE}`;

/** The command line is wrong: exit 2 with the usage. */
class UsageError extends Error {}

/** A run threw after its scenario was accepted: exit 3, no stack trace. */
class RunFailedError extends Error {}

/** Text for the terminal: control characters shown escaped, line breaks kept. */
const print = (text: string) => void process.stdout.write(`${terminalSafe(text, true)}\n`);
const printError = (text: string) => void process.stderr.write(`${terminalSafe(text, true)}\n`);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

interface Args {
  cmd: string;
  files: string[];
  seed?: string;
  duration?: string;
  set: string[];
  variant?: string;
  replications?: number;
  maxEvents?: number;
  format: 'text' | 'json' | 'csv';
  /** --trace FILE and the requests it traces (src/cli/trace.ts). */
  trace?: Partial<TraceArgs>;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cmd: argv[0] ?? 'help', files: [], set: [], format: 'text' };
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
        break;
      case '--replications':
        a.replications = count(take(), flag, 1, MAX_REPLICATIONS);
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

function read(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function seedOf(s: string | undefined): number | string | undefined {
  if (s === undefined) return undefined;
  return /^-?\d+$/.test(s) ? Number(s) : s;
}

function cmdRun(a: Args): number {
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
  if (a.trace) return cmdTrace(a, scenario, running);
  if (a.replications && a.replications > 1) {
    const rep = running(() => replicate(scenario, a.replications!, { maxEvents: a.maxEvents }));
    print(a.format === 'json' ? jsonSafe(JSON.stringify(rep, null, 2)) : replicationReport(rep));
    return 0;
  }
  const result = running(() => runScenario(scenario, { maxEvents: a.maxEvents }));
  print(a.format === 'json' ? jsonSafe(JSON.stringify(result, null, 2)) : a.format === 'csv' ? csvReport(result) : textReport(result));
  return 0;
}

/** `run --trace FILE`: the run replayed to trace its requests, the report, and the trace file. */
function cmdTrace(a: Args, scenario: Parameters<typeof runTraced>[0], running: <T>(f: () => T) => T): number {
  const t = a.trace as Partial<TraceArgs>;
  if (t.file === undefined) throw new UsageError('--trace-sample and --trace-percentile need --trace FILE');
  if (a.replications && a.replications > 1) throw new UsageError('--trace traces one run: drop --replications');
  const result = running(() => runTraced(scenario, { maxEvents: a.maxEvents }, t));
  const note = writeTrace(t.file, result, (m) => new UsageError(m));
  print(a.format === 'json' ? jsonSafe(JSON.stringify(result, null, 2)) : a.format === 'csv' ? csvReport(result) : textReport(result));
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

/** Runs the command; returns its exit status (a promise of it for a batch check). */
export function main(argv: string[]): number | Promise<number> {
  if (argv[0] === 'check') return check(argv.slice(1));
  try {
    const a = parseArgs(argv);
    switch (a.cmd) {
      case 'run':
        return cmdRun(a);
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
}

/**
 * `archsim check`: the goals of a scenario, checked as an autograder would.
 *
 *   archsim check FILE... [--variant V] [--replications N] [--seed S] [--json | --junit OUT | --gradescope OUT]
 *   archsim check FILE --design SUBMISSION [...]      a student's design against FILE's goals and locked paths
 *   archsim check FILE --design 'subs/*.yaml' [--jobs N] [--out DIR]   grade a folder in parallel
 *
 * Exit status: 0 every goal passed; 1 a goal failed or was not decided, or a
 * design changed a locked path; 2 bad input (the command line, a malformed
 * scenario or design, a run too large).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScenarioError } from '../scenario/index.js';
import { MAX_REPLICATIONS } from '../run/replications.js';
import { jsonSafe, terminalSafe } from '../output/terminal-safe.js';
import { checkDesign, loadReference, type CheckOptions, type CheckReport, type SourceFile } from './check-run.js';
import { BATCH_CSV_HEADER, batchCsvRow, checkGradescope, checkJson, checkJunit, checkText } from './check-formats.js';
import { defaultJobs, expandDesigns, isBatch, reportNames, runBatch } from './check-batch.js';

/** Usage of `archsim check`, shown by `archsim help`. */
export const CHECK_USAGE = `check options (archsim check FILE... [options]):
  --design SUBMISSION   check a student's design against FILE: goals, hints and locked paths
                        come from FILE; a design that changes a locked path is refused (exit 1)
  --design 'DIR/*.yaml' grade every matching design (or a folder) in parallel: a CSV row each
  --jobs N              worker threads for a batch (default: this machine's ${defaultJobs()} cores)
  --out DIR             a batch's reports: DIR/results.csv and DIR/NAME.{txt,json,xml} per design
  --variant V           check variant V (goals with their own variant: use theirs)
  --replications N      N runs per variant; a goal passes only when its 95% CI is on the right side
  --seed S              random seed (overrides the scenario's)
  --max-events N        refuse runs beyond N events
  --json                print one JSON document
  --junit OUT           write JUnit XML to OUT (one testcase per goal)
  --gradescope OUT      write Gradescope's results.json to OUT
  exit status: 0 every goal passed, 1 a goal failed or was not decided, 2 bad input`;

/** The command line is wrong: exit 2 with the usage. */
export class CheckUsageError extends Error {}

interface CheckArgs {
  files: string[];
  design?: string;
  jobs?: number;
  out?: string;
  opts: CheckOptions;
  json: boolean;
  junit?: string;
  gradescope?: string;
}

function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const a: CheckArgs = { files: [], opts: {}, json: false };
  const count = (v: string, flag: string, max = Number.MAX_SAFE_INTEGER) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new CheckUsageError(`${flag} expects an integer ≥ 1, got "${v}"`);
    if (n > max) throw new CheckUsageError(`${flag} is at most ${max}, got ${v}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const take = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new CheckUsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--design':
        a.design = take();
        break;
      case '--jobs':
        a.jobs = count(take(), flag, 256);
        break;
      case '--out':
        a.out = take();
        break;
      case '--variant':
        a.opts.variant = take();
        break;
      case '--replications':
        a.opts.replications = count(take(), flag, MAX_REPLICATIONS);
        break;
      case '--seed': {
        const s = take();
        a.opts.seed = /^-?\d+$/.test(s) ? Number(s) : s;
        break;
      }
      case '--max-events':
        a.opts.maxEvents = count(take(), flag);
        break;
      case '--json':
        a.json = true;
        break;
      case '--junit':
        a.junit = take();
        break;
      case '--gradescope':
        a.gradescope = take();
        break;
      default:
        if (arg.startsWith('-')) throw new CheckUsageError(`unknown option ${arg}`);
        a.files.push(arg);
    }
  }
  const formats = [a.json && '--json', a.junit && '--junit', a.gradescope && '--gradescope'].filter(Boolean);
  if (formats.length > 1) throw new CheckUsageError(`${formats.join(' and ')} exclude each other: choose one output format`);
  if (!a.files.length) throw new CheckUsageError('check expects one or more scenario files');
  if (a.design !== undefined && a.files.length > 1)
    throw new CheckUsageError(`--design checks a design against one scenario; got ${a.files.length} scenario files`);
  const batch = a.design !== undefined && isBatch(a.design);
  if (!batch && (a.jobs !== undefined || a.out !== undefined))
    throw new CheckUsageError('--jobs and --out grade a folder: give --design a folder or a quoted pattern such as "subs/*.yaml"');
  if (batch && (a.junit || a.gradescope))
    throw new CheckUsageError('a batch writes its reports with --out DIR (text, JSON and JUnit per design), not --junit or --gradescope');
  return a;
}

const print = (text: string) => void process.stdout.write(`${terminalSafe(text, true)}\n`);
const printError = (text: string) => void process.stderr.write(`${terminalSafe(text, true)}\n`);

function read(file: string): SourceFile {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CheckUsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function write(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CheckUsageError(`cannot write ${file}: ${(e as Error).message}`);
  }
}

/** The exit status of reports: 2 when a design could not be checked, 1 when a goal did not pass or a locked path changed, else 0. */
export function exitStatus(reports: readonly CheckReport[]): number {
  if (reports.some((r) => r.error)) return 2;
  return reports.every((r) => r.passed) ? 0 : 1;
}

/**
 * Runs `archsim check` with its arguments (after `check`); returns the exit
 * status, a promise of it for a batch. Never throws for bad input.
 */
export function check(argv: readonly string[]): number | Promise<number> {
  try {
    const a = parseCheckArgs(argv);
    if (a.design !== undefined && isBatch(a.design)) return batch(a, a.design).catch(failed);
    return single(a);
  } catch (e) {
    return failed(e);
  }
}

function failed(e: unknown): number {
  if (e instanceof ScenarioError) printError(e.message);
  else if (e instanceof CheckUsageError) printError(`archsim: ${e.message}\n\n${CHECK_USAGE}`);
  else
    printError(
      `archsim: the check failed: ${e instanceof Error ? e.message : String(e)}\n(this is a bug in archsim; please report it with the scenario)`,
    );
  return e instanceof ScenarioError || e instanceof CheckUsageError ? 2 : 3;
}

function single(a: CheckArgs): number {
  const design = a.design === undefined ? undefined : read(a.design);
  const reports = a.files.map((f) => checkDesign(read(f), design, a.opts));
  if (a.junit) write(a.junit, checkJunit(reports));
  if (a.gradescope) write(a.gradescope, `${jsonSafe(JSON.stringify(checkGradescope(reports), null, 2))}\n`);
  print(a.json ? jsonSafe(checkJson(reports)) : checkText(reports));
  // a design that could not be read is also said on stderr, where a terminal user looks for errors
  for (const r of reports) if (r.error) printError(r.error);
  return exitStatus(reports);
}

async function batch(a: CheckArgs, pattern: string): Promise<number> {
  const scenario = read(a.files[0]);
  loadReference(scenario); // a malformed scenario stops the batch before any worker starts
  const designs = expandDesigns(pattern);
  if (!designs.length) throw new CheckUsageError(`no submissions match ${pattern}`);
  if (a.out)
    try {
      mkdirSync(a.out, { recursive: true });
    } catch (e) {
      throw new CheckUsageError(`cannot make the folder ${a.out}: ${(e as Error).message}`);
    }
  const names = reportNames(designs);
  const answers = await runBatch(scenario, designs, a.opts, a.jobs ?? defaultJobs());
  const rows = answers.map((ans, i) => batchCsvRow(designs[i], ans.report, ans.error));
  const csv = [BATCH_CSV_HEADER, ...rows].join('\n');
  if (a.out) {
    write(join(a.out, 'results.csv'), `${csv}\n`);
    answers.forEach((ans, i) => {
      const base = join(a.out!, names[i]);
      if (!ans.report) return write(`${base}.txt`, `${designs[i]}: ${ans.error}\n`);
      write(`${base}.txt`, `${checkText([ans.report])}\n`);
      write(`${base}.json`, `${jsonSafe(checkJson([ans.report]))}\n`);
      write(`${base}.xml`, checkJunit([ans.report]));
    });
  }
  const reports = answers.flatMap((ans) => (ans.report ? [ans.report] : []));
  print(
    a.json
      ? jsonSafe(JSON.stringify({ passed: reports.length === answers.length && reports.every((r) => r.passed), checks: answers }, null, 2))
      : csv,
  );
  return answers.every((ans) => ans.report?.passed) ? 0 : 1;
}

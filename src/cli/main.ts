/**
 * The `archsim` command.
 *
 *   archsim run FILE [--seed N] [--duration D] [--set id.param=value]... [--variant NAME]
 *                    [--replications N] [--max-events N] [--json | --csv]
 *   archsim validate FILE...
 *   archsim schema
 */
import { readFileSync } from 'node:fs';
import { loadScenario, listVariants, parseScenarioText, scenarioSchema, ScenarioError } from '../scenario/index.js';
import { DEFAULT_MAX_EVENTS, runScenario, RunTooLargeError } from '../run/run.js';
import { textReport, csvReport } from '../run/report.js';
import { replicate, replicationReport } from '../run/replications.js';

const USAGE = `usage:
  archsim run FILE [options]     run a scenario and print a report
  archsim validate FILE...       check scenarios (every variant) without running
  archsim schema                 print the scenario JSON Schema

run options:
  --seed N              random seed (overrides the scenario's)
  --duration D          simulated duration, e.g. 2m, 30s
  --set id.param=value  override a parameter (repeatable), e.g. --set app.workers=4
  --variant NAME        apply a named variant from the file's variants:
  --replications N      run seeds seed..seed+N-1; add means and 95% confidence half-widths
  --max-events N        refuse or stop runs beyond N events (default ${DEFAULT_MAX_EVENTS})
  --json                print one JSON document
  --csv                 print a CSV table`;

class UsageError extends Error {}

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
}

function parseArgs(argv: string[]): Args {
  const a: Args = { cmd: argv[0] ?? 'help', files: [], set: [], format: 'text' };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  const count = (v: string, flag: string, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} expects an integer ≥ ${min}, got "${v}"`);
    return n;
  };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--seed': a.seed = take(); break;
      case '--duration': a.duration = take(); break;
      case '--set': a.set.push(take()); break;
      case '--variant': a.variant = take(); break;
      case '--replications': a.replications = count(take(), flag, 1); break;
      case '--max-events': a.maxEvents = count(take(), flag, 1); break;
      case '--json': a.format = 'json'; break;
      case '--csv': a.format = 'csv'; break;
      case '-h': case '--help': a.cmd = 'help'; break;
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
  if (a.replications && a.replications > 1) {
    const rep = replicate(scenario, a.replications, { maxEvents: a.maxEvents });
    process.stdout.write(a.format === 'json' ? JSON.stringify(rep, null, 2) + '\n' : replicationReport(rep) + '\n');
    return 0;
  }
  const result = runScenario(scenario, { maxEvents: a.maxEvents });
  const out = a.format === 'json' ? JSON.stringify(result, null, 2) : a.format === 'csv' ? csvReport(result) : textReport(result);
  process.stdout.write(out + '\n');
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
      process.stdout.write(`${file}: ok — ${s.components.length} components, ${s.links.length} links${variants.length ? `, variants: ${variants.join(', ')}` : ''}\n`);
    } catch (e) {
      bad++;
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    }
  }
  return bad ? 1 : 0;
}

export function main(argv: string[]): number {
  try {
    const a = parseArgs(argv);
    switch (a.cmd) {
      case 'run': return cmdRun(a);
      case 'validate': return cmdValidate(a);
      case 'schema': process.stdout.write(JSON.stringify(scenarioSchema(), null, 2) + '\n'); return 0;
      case 'help': case '--help': case '-h': process.stdout.write(USAGE + '\n'); return 0;
      default: throw new UsageError(`unknown command "${a.cmd}"`);
    }
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`archsim: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof RunTooLargeError) {
      process.stderr.write(`archsim: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}

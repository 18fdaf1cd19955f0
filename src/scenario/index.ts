/**
 * The scenario format, version 1: read YAML or JSON, apply a variant and overrides,
 * validate against the kinds' parameter descriptors and resolve units and defaults.
 *
 * @example
 * const scenario = loadScenario(text, { file: 'cache.yaml', variant: '+cache', set: ['app.workers=4'] });
 */
import { parseScenarioText, ScenarioError, type Locate, type ParsedScenario, type Problem } from './parse.js';
import type { RawProblem } from './resolve-param.js';
import { nestingProblem } from './depth.js';
import { validateScenario, type ResolvedScenario, type ValidateOptions } from './validate.js';
import { applyOverrides, applyVariant, listVariants, parseSet, type Overrides } from './variants.js';

export {
  parseScenarioText,
  ScenarioError,
  formatProblem,
  MAX_TEXT,
  type Problem,
  type Pos,
  type Path,
  type ParsedScenario,
} from './parse.js';
export { parseDuration, parseRate, formatDuration, formatRate, ValueError } from './units.js';
export { parseDist } from './dist-syntax.js';
export { listVariants, applyVariant, applyOverrides, mergePatch, type Overrides } from './variants.js';
export { scenarioSchema } from './schema.js';
export { MAX_DEPTH } from './depth.js';
export { RESERVED_KEYS } from './plain-map.js';
export {
  validateScenario,
  scenarioParams,
  type ResolvedScenario,
  type ResolvedComponent,
  type Registry,
  type KindSpec,
  type ValidateOptions,
} from './validate.js';
export type { EventsHook } from '../timeline/events.js';

/** Options of resolveScenario: which variant, overrides, and (for tests) the kind registry. */
export interface ResolveOptions extends Overrides, ValidateOptions {
  variant?: string;
  /** When no variant is chosen, also check that every variant resolves (default true). */
  checkVariants?: boolean;
}

/** Options of loadScenario: resolveScenario's, plus the file name for messages. */
export interface LoadOptions extends ResolveOptions {
  file?: string;
}

/**
 * Reads (unless given it already parsed), validates and resolves scenario text;
 * throws ScenarioError listing every problem as `FILE:LINE:COL: PATH: MESSAGE`.
 * @example loadScenario(fs.readFileSync('mm1.yaml', 'utf8'), { file: 'mm1.yaml', seed: 7 })
 */
export function loadScenario(text: string | ParsedScenario, opts: LoadOptions = {}): ResolvedScenario {
  const parsed = typeof text === 'string' ? parseScenarioText(text, opts.file) : text;
  return resolve(
    parsed.raw,
    opts,
    opts.file,
    (name) => (path, at) =>
      (name === undefined ? undefined : parsed.locateExact(['variants', name, ...path], at)) ?? parsed.locate(path, at),
  );
}

/**
 * Validates and resolves a scenario given as a plain object (from the UI or a worker).
 * @example resolveScenario({ duration: '10s', components: { ... } })
 */
export function resolveScenario(raw: unknown, opts: ResolveOptions = {}): ResolvedScenario {
  return resolve(raw, opts);
}

function resolve(raw: unknown, opts: ResolveOptions, file?: string, locator?: (variant?: string) => Locate): ResolvedScenario {
  const nesting = nestingProblem(raw);
  if (nesting) throw new ScenarioError([toProblem(nesting, locator?.(), [])], file);
  // problems of --set and --variant name no place in the text, but do name the file
  const inFile = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw e instanceof ScenarioError && file !== undefined ? new ScenarioError(e.problems, file) : e;
    }
  };
  const sets = inFile(() => parseSet(opts.set ?? []));
  const run = (variant?: string) => {
    const r = inFile(() => applyOverrides(variant === undefined ? raw : applyVariant(raw, variant), opts, sets));
    const result = validateScenario(r, { ...opts, base: raw });
    const locate = locator?.(variant);
    const problems = result.problems.map((p) => toProblem(p, locate, sets));
    return { ...result, problems };
  };
  const base = run(opts.variant);
  let problems = base.problems;
  if (opts.variant === undefined && opts.checkVariants !== false) {
    const seen = new Set(problems.map((p) => `${p.path}\0${p.message}`));
    for (const name of listVariants(raw)) {
      for (const p of run(name).problems)
        if (!seen.has(`${p.path}\0${p.message}`)) problems = [...problems, { ...p, message: `in variant "${name}": ${p.message}` }];
    }
  }
  if (problems.length || !base.scenario) throw new ScenarioError(problems, file);
  return { ...base.scenario, ...(opts.variant === undefined ? {} : { variant: opts.variant }) };
}

/** Dot-joined path: `components.app.workers`, `links[2].to`, `routes["/checkout"]`. */
function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : /^[A-Za-z_][\w-]*$/.test(k) ? (i ? '.' : '') + k : `[${JSON.stringify(k)}]`))
    .join('');
}

function toProblem(p: RawProblem, locate: Locate | undefined, sets: { text: string; path: string[] }[]): Problem {
  // the --set that wrote at or below the problem's path, or whose path holds the unknown key reported
  const within = (s: { path: string[] }) => s.path.length <= p.path.length && s.path.every((k, i) => p.path[i] === k);
  const through = (s: { path: string[] }) => p.at === 'key' && p.path.every((k, i) => s.path[i] === k);
  const set = [...sets].reverse().find((s) => within(s) || through(s));
  if (set) return { path: formatPath(p.path), message: `${p.message} (from --set ${set.text})` };
  const pos = locate?.(p.path, p.at);
  return { path: formatPath(p.path), message: p.message, ...pos };
}

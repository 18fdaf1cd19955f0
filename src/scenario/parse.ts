/**
 * Reads scenario text (YAML or JSON: JSON is parsed as YAML, which it is) into a
 * plain object, keeping a map from paths to line:column for messages.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { MAX_DEPTH, tooDeepAt } from './depth.js';

/** A position in the source text, 1-based. */
export interface Pos {
  line: number;
  col: number;
}

/** A path into the scenario: keys and list indices, e.g. ['components', 'app', 'workers']. */
export type Path = readonly (string | number)[];

/** Finds the position of the node at `path`; `at: 'key'` gives the key's position for a map entry. */
export type Locate = (path: Path, at?: 'value' | 'key') => Pos | undefined;

/** Parsed scenario text: the raw object and where each of its nodes is. */
export interface ParsedScenario {
  raw: unknown;
  /** Position of the node at `path`, or of its nearest ancestor that exists. */
  locate: Locate;
  /** Position of the node at `path` only when it exists. */
  locateExact: Locate;
}

/** A problem with the input, located by path (dot-joined) and, when known, line and column. */
export interface Problem {
  path: string;
  message: string;
  line?: number;
  col?: number;
}

/** Largest scenario text accepted, in characters. */
export const MAX_TEXT = 1_000_000;
/** Aliases expanded at most, so an alias bomb ("billion laughs") fails fast. */
export const MAX_ALIASES = 1000;

/** Thrown for any invalid scenario: every problem found, one per line in the message. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(
    readonly problems: Problem[],
    readonly file?: string,
  ) {
    super(problems.map((p) => formatProblem(p, file)).join('\n'));
  }
}

/**
 * One problem as `FILE:LINE:COL: PATH: MESSAGE`; parts that are unknown are left out.
 * @example formatProblem({path: 'components.app.workers', message: 'expected an integer ≥ 1, got 0', line: 9, col: 14}, 'a.yaml')
 * // "a.yaml:9:14: components.app.workers: expected an integer ≥ 1, got 0"
 */
export function formatProblem(p: Problem, file?: string): string {
  const where = [file, p.line, p.line === undefined ? undefined : p.col].filter((x) => x !== undefined).join(':');
  return [where, p.path, p.message].filter(Boolean).join(': ');
}

/**
 * Parses YAML or JSON scenario text. Throws ScenarioError for text over 1 MB,
 * nesting deeper than MAX_DEPTH, syntax errors, duplicate keys, several
 * documents and alias bombs.
 * @example parseScenarioText('version: 1\nduration: 10s\n').raw // {version: 1, duration: '10s'}
 */
export function parseScenarioText(text: string, file?: string): ParsedScenario {
  const fail = (message: string, pos?: Pos): never => {
    throw new ScenarioError([{ path: '', message, ...pos }], file);
  };
  if (text.length > MAX_TEXT) fail(`the scenario is ${(text.length / 1e6).toFixed(1)} MB; at most ${MAX_TEXT / 1e6} MB is accepted`);
  const deep = tooDeepAt(text);
  if (deep !== undefined)
    fail(`mappings and lists are nested more than ${MAX_DEPTH} levels deep here; a scenario needs a handful`, posAt(text, deep));
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, merge: true, prettyErrors: false, strict: true });
  const errors = doc.errors.map((e) => {
    const pos = lc.linePos(e.pos[0]);
    const message =
      e.code === 'MULTIPLE_DOCS'
        ? 'only one YAML document is allowed; remove the second "---" and what follows it'
        : e.code === 'DUPLICATE_KEY'
          ? 'duplicate key: a key may appear only once in a mapping'
          : firstLine(e.message);
    return { path: '', message, line: pos.line, col: pos.col };
  });
  if (errors.length) throw new ScenarioError(errors, file);
  visit(doc, {
    Alias(_key, alias, path) {
      const target = alias.resolve(doc);
      const at = alias.range ? lc.linePos(alias.range[0]) : undefined;
      if (!target) fail(`*${alias.source} refers to no anchor: define &${alias.source} before it`, at);
      if (path.includes(target as never)) fail(`*${alias.source} refers to a node that contains it, which would never end`, at);
    },
  });
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof RangeError) fail(`mappings and lists are nested more than ${MAX_DEPTH} levels deep once aliases are expanded`);
    fail(
      /alias/i.test((e as Error).message)
        ? `too many YAML aliases (over ${MAX_ALIASES} expansions): refused as a possible alias bomb`
        : firstLine((e as Error).message),
    );
  }
  const pos = (n: YamlNode | null | undefined): Pos | undefined => (n?.range ? lc.linePos(n.range[0]) : undefined);
  const find = (path: Path, at: 'value' | 'key' = 'value', exact = false): Pos | undefined => {
    let node: unknown = doc.contents;
    let best = pos(doc.contents as YamlNode);
    for (let i = 0; i < path.length; i++) {
      let next: unknown, key: unknown;
      if (isMap(node)) {
        const pair = node.items.find(
          (it) =>
            (isScalar(it.key) ? it.key.value : it.key) === path[i] || String(isScalar(it.key) ? it.key.value : '') === String(path[i]),
        );
        key = pair?.key;
        next = pair?.value;
        if (pair && i === path.length - 1 && (at === 'key' || !pos(next as YamlNode))) return pos(key as YamlNode) ?? best;
      } else if (isSeq(node) && typeof path[i] === 'number') next = node.items[path[i] as number];
      const p = pos(next as YamlNode);
      if (!p) return exact ? undefined : best;
      [node, best] = [next, p];
    }
    return best;
  };
  return { raw, locate: (p, at) => find(p, at), locateExact: (p, at) => find(p, at, true) };
}

/** Line and column (1-based) of a character offset. */
function posAt(text: string, offset: number): Pos {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, col: offset - before.lastIndexOf('\n') };
}

const firstLine = (s: string) => s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');

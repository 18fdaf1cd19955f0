/**
 * Nesting limits. A scenario is a few levels deep; text or data nested
 * thousands deep is refused up front with its position, before any recursive
 * reader (the YAML composer, merge patches, JSON) can run out of stack.
 */
import { Parser, type CST } from 'yaml';

/** Deepest nesting of mappings and lists accepted in a scenario. */
export const MAX_DEPTH = 64;

const COLLECTIONS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Offset in `text` of the first collection nested deeper than MAX_DEPTH, or
 * undefined. Walks yaml's concrete syntax tree, whose parser needs no recursion.
 * @example tooDeepAt('a: ' + '['.repeat(100) + ']'.repeat(100)) // 3 + MAX_DEPTH - 1
 */
export function tooDeepAt(text: string): number | undefined {
  const stack: [CST.Token, number][] = [];
  for (const doc of new Parser().parse(text)) stack.push([doc, 0]);
  while (stack.length) {
    const [token, outer] = stack.pop()!;
    const depth = COLLECTIONS.has(token.type) ? outer + 1 : outer;
    if (depth > MAX_DEPTH) return token.offset;
    const t = token as { value?: CST.Token; items?: { key?: CST.Token | null; value?: CST.Token }[] };
    if (t.value && typeof t.value === 'object') stack.push([t.value, depth]);
    for (const item of t.items ?? []) {
      if (item.key && typeof item.key === 'object') stack.push([item.key, depth]);
      if (item.value && typeof item.value === 'object') stack.push([item.value, depth]);
    }
  }
  return undefined;
}

/**
 * The first place a plain value (a design from the app or a worker) nests
 * mappings and lists deeper than MAX_DEPTH, or holds itself; undefined when it
 * does neither. Iterative; a value shared by several places is walked once.
 * @example nestingProblem({ a: [[1]] }) // undefined
 */
export function nestingProblem(value: unknown): { path: (string | number)[]; message: string } | undefined {
  const stack: [unknown, (string | number)[], object[]][] = [[value, [], []]];
  const seen = new Set<object>();
  while (stack.length) {
    const [v, path, above] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (above.includes(v)) return { path, message: 'this value contains itself, so it has no end' };
    if (seen.has(v)) continue;
    seen.add(v);
    if (path.length >= MAX_DEPTH)
      return { path, message: `mappings and lists are nested more than ${MAX_DEPTH} levels deep here; a scenario needs a handful` };
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) stack.push([x, [...path, k], [...above, v]]);
  }
  return undefined;
}

/**
 * Locked paths: what a student's submission may not change from the
 * instructor's scenario. Both are compared as raw parsed documents (YAML or
 * JSON), path by path.
 *
 * @example
 * lockedChanges(['duration', 'components.users'], reference, submission) // ['duration']
 */
import { isObject } from '../scenario/is-object.js';
import { parseDuration, parseRate } from '../scenario/units.js';

/**
 * Paths of `locked` whose value differs between the instructor's scenario and a
 * submission (raw parsed docs). A path names a top-level key (`duration`,
 * `goals`, `links`), a component (compared whole, except its diagram
 * `position`) or anything under one (`components.db.queryTime`,
 * `components.app.autoscale.max`). Values compare equal when they are the same
 * data or the same amount written two ways ("1m" and "60s", "6000/min" and
 * "100/s").
 */
export function lockedChanges(locked: readonly string[], reference: unknown, submission: unknown): string[] {
  return locked.filter((path) => {
    const segments = path.split('.');
    const a = valueAt(reference, segments);
    const b = valueAt(submission, segments);
    return segments[0] === 'components' && segments.length === 2 ? !same(withoutPosition(a), withoutPosition(b)) : !same(a, b);
  });
}

function valueAt(doc: unknown, segments: readonly string[]): unknown {
  let at = doc;
  for (const k of segments) {
    if (!isObject(at) || !Object.hasOwn(at, k)) return undefined;
    at = at[k];
  }
  return at;
}

/** Where a component sits on the diagram is not part of the design. */
function withoutPosition(c: unknown): unknown {
  if (!isObject(c)) return c;
  const { position: _position, ...rest } = c;
  return rest;
}

/** Deep equality of parsed data; an absent key and null are the same (both mean "not set"). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null && b == null) return true;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(a[k], b[k]));
  }
  return sameAmount(a, b, parseDuration) || sameAmount(a, b, parseRate);
}

function sameAmount(a: unknown, b: unknown, parse: (v: unknown) => number): boolean {
  if (typeof a !== 'string' && typeof b !== 'string') return false;
  try {
    return parse(a) === parse(b);
  } catch {
    return false;
  }
}

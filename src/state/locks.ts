/**
 * Locked paths: the parts of a challenge a student may not change (`locked:`
 * in the scenario, e.g. `components.users`, `components.db.queryTime`,
 * `duration`). The design store refuses an edit that changes one, and the
 * inspector shows them read-only. What counts as a change is exactly what
 * `archsim check --design` refuses (check/locked.ts), so a design the app lets
 * through passes that check: a component's place on the diagram is layout, not
 * design, so moving a locked component is allowed. Pure: no DOM.
 */
import { lockedChanges } from '../check/locked.js';
import { isObject } from '../scenario/is-object.js';

/** The `locked:` paths of a design document, each split at its dots (none when absent or malformed). */
export function lockedPaths(doc: unknown): string[][] {
  const locked = isObject(doc) ? doc.locked : undefined;
  if (!Array.isArray(locked)) return [];
  return locked.filter((p): p is string => typeof p === 'string' && p.length > 0).map((p) => p.split('.'));
}

/**
 * The locked path that covers `path` (a field at or inside it, or a whole
 * that holds it), as written in `locked:`; undefined when `path` is free.
 * @example lockOf({ locked: ['components.db.queryTime'] }, ['components', 'db']) // 'components.db.queryTime'
 */
export function lockOf(doc: unknown, path: readonly string[]): string | undefined {
  const hit = lockedPaths(doc).find((l) => l.every((k, i) => i >= path.length || path[i] === k));
  return hit?.join('.');
}

/** A value with every component's `position` left out (layout is free even when a component is locked). */
export function withoutLayout(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutLayout);
  if (!isObject(v)) return v;
  return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (k === 'position' ? [] : [[k, withoutLayout(x)]])));
}

/**
 * The locked paths (of `before`, the design as it was) whose value differs
 * in `after`, as the checker compares them.
 */
export function lockedChangesIn(before: unknown, after: unknown): string[] {
  return lockedChanges(
    lockedPaths(before).map((l) => l.join('.')),
    before,
    after,
  );
}

/** The status-line notice refusing to delete component `id`, which `lock` (a locked path) covers. */
export function lockedDeleteNotice(id: string, lock: string): { tone: 'error'; text: string } {
  return { tone: 'error', text: `${id} cannot be deleted: ${lock} is locked by the instructor.` };
}

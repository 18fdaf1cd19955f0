/** How many instances the diagram draws for a component: its kind's `instances` capability on its parameters. */
import { instanceCount, type AnyKindDef } from '../kinds/define.js';
import { resolveFields } from '../scenario/resolve-param.js';

/**
 * Instances of a component as the run will build it (1 when its parameters do
 * not resolve yet). Keys that are no parameter (kind, label, position) change
 * no count, so only a value that does not resolve falls back to 1.
 */
export function instancesOf(def: AnyKindDef, raw: Record<string, unknown>): number {
  if (!def.instances) return 1;
  let ok = true;
  const p = resolveFields(def.params, raw, [], { targets: [], report: (problem) => void (ok &&= problem.at === 'key') });
  return ok ? instanceCount(def, p) : 1;
}

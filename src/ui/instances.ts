/** How many instances the diagram draws for a component: its kind's `instances` capability on its parameters. */
import { instanceCount, type AnyKindDef } from '../kinds/define.js';
import { resolveFields } from '../scenario/resolve-param.js';

/** Instances of a component as the run will build it (1 when its parameters do not resolve yet). */
export function instancesOf(def: AnyKindDef, raw: Record<string, unknown>): number {
  if (!def.instances) return 1;
  let ok = true;
  const p = resolveFields(def.params, raw, [], { targets: [], report: () => void (ok = false) });
  return ok ? instanceCount(def, p) : 1;
}

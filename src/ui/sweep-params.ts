/**
 * What the Sweep view offers to vary: every numeric parameter and rate of the
 * design's components (a client's rate or users, a service's instances or
 * workers, …), from the kinds' descriptors, each with a starting range around
 * its value in the design.
 */
import { kinds } from '../kinds/index.js';
import type { Param } from '../kinds/params.js';
import type { ScenarioDoc } from '../state/design.js';
import { parseRate } from '../scenario/units.js';

/** A parameter the view can sweep, and the range it proposes. */
export interface SweepChoice {
  /** As `--set` names it: "users.rate". */
  path: string;
  /** "users · Rate". */
  label: string;
  /** The proposed range's ends, as a scenario writes them ("10/s", "1"), and its number of steps (undefined: every integer). */
  from: string;
  to: string;
  steps?: number;
}

const num = (x: number) => String(+x.toPrecision(3));

/** The value the design gives the parameter (or its default), as a number: per second for a rate. */
function currentOf(raw: unknown, desc: Param): number | undefined {
  const v = raw ?? ('default' in desc ? desc.default : undefined);
  try {
    if (desc.type === 'rate') return typeof v === 'number' ? v : typeof v === 'string' ? parseRate(v) : undefined;
    return typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The range proposed for a parameter at `value`: a rate from an eighth of it to 1.2×, a count from its minimum to twice it, another number ±50 %. */
function rangeOf(desc: Param, value: number | undefined): Pick<SweepChoice, 'from' | 'to' | 'steps'> | undefined {
  if (desc.type === 'rate') {
    const r = value && value > 0 ? value : 100;
    return { from: `${num(r / 8)}/s`, to: `${num(r * 1.2)}/s`, steps: 8 };
  }
  if (desc.type !== 'number') return undefined;
  if (desc.integer) {
    const lo = Math.max(desc.min ?? 0, 1),
      hi = Math.max(lo + 3, Math.round((value ?? lo) * 2));
    return { from: String(lo), to: String(hi), steps: hi - lo > 11 ? 10 : undefined };
  }
  const v = value ?? 1;
  return { from: num(v * 0.5), to: num(v * 1.5), steps: 10 };
}

/** The sweepable parameters of `doc`, component by component in the design's order. */
export function sweepChoices(doc: ScenarioDoc): SweepChoice[] {
  return Object.entries(doc.components).flatMap(([id, c]) => {
    const kind = kinds[String((c as { kind?: unknown }).kind)];
    if (!kind) return [];
    return Object.entries(kind.params as Record<string, Param>).flatMap(([name, desc]) => {
      const raw = (c as Record<string, unknown>)[name];
      // a parameter the design leaves out and that has no default plays no part (a closed client's rate)
      if (raw === undefined && !('default' in desc && desc.default !== undefined)) return [];
      const range = rangeOf(desc, currentOf(raw, desc));
      return range && range.from !== range.to ? [{ path: `${id}.${name}`, label: `${id} · ${desc.label}`, ...range }] : [];
    });
  });
}

/**
 * How fast the components behind a workload source can answer, worked out from
 * the scenario before a run, so a closed workload's request count can be
 * estimated (its users can go no faster than the system answers them). Each
 * kind says what it knows of itself (`pace` in src/kinds/define.ts); this file
 * combines them along the links.
 */
import { leastOf } from '../engine/distributions.js';
import type { Pace } from './define.js';
import { kindDef } from './index.js';
import type { LinkSpec } from './link.js';
import type { ResolvedObject } from './params.js';

/** No limit and no time: the pace of a component nothing is known of. */
const UNBOUNDED: Pace = { maxRps: Infinity, minMs: 0 };

/**
 * How fast the components that source `id` calls answer its requests: at most
 * `maxRps` together (the slowest component every request passes through, or the
 * sum over alternatives), and never in under `minMs` (the shortest way through,
 * latencies both ways). A bound, not a prediction: requests failed fast
 * (rejected, throttled, short-circuited) can go faster.
 */
export function downstreamPace(
  id: string,
  components: readonly { id: string; kind: string; params: ResolvedObject }[],
  links: readonly LinkSpec[],
): Pace {
  const byId = new Map(components.map((c) => [c.id, c]));
  const onPath = new Set<string>();
  const across = (from: string, via: 'all' | 'one'): Pace => {
    let out = links.filter((l) => l.from === from);
    // only the calls every request makes bound a component that makes them all
    if (via === 'all') out = out.filter((l) => l.p >= 1 && !l.routes?.length);
    if (!out.length) return UNBOUNDED;
    const legs = out.map((l) => {
      const to = paceOf(l.to);
      return { maxRps: to.maxRps, minMs: Math.min(2 * leastOf(l.latency) + to.minMs, l.timeout ?? Infinity) };
    });
    return via === 'all'
      ? { maxRps: Math.min(...legs.map((g) => g.maxRps)), minMs: legs.reduce((a, g) => a + g.minMs, 0) }
      : { maxRps: legs.reduce((a, g) => a + g.maxRps, 0), minMs: Math.min(...legs.map((g) => g.minMs)) };
  };
  const paceOf = (cid: string): Pace => {
    const c = byId.get(cid);
    if (!c || onPath.has(cid)) return UNBOUNDED;
    const own = kindDef(c.kind)?.pace?.(c.params) ?? {};
    onPath.add(cid);
    const calls = own.via ? across(cid, own.via) : UNBOUNDED;
    onPath.delete(cid);
    return { maxRps: Math.min(own.maxRps ?? Infinity, calls.maxRps), minMs: (own.minMs ?? 0) + calls.minMs };
  };
  // a source sends each request over one of its links
  return across(id, 'one');
}

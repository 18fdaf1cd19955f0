/**
 * Schedules the failure and change timeline (`events:`) on a run; validation
 * and resolution live in src/scenario/events.ts.
 */
import type { Sim } from '../engine/sim.js';
import type { Node } from '../kinds/define.js';
import { kinds } from '../kinds/index.js';
import { resolveTimeline, type TimelineEvent } from '../scenario/events.js';

export { resolveTimeline, timelineHook, type TimelineEvent } from '../scenario/events.js';

interface Failable {
  instances: number;
  kill(inst: number): void;
  crash(inst: number): void;
  restore(inst: number): void;
  slow(inst: number, factor: number): void;
}
interface Settable {
  setParam(name: string, value: unknown): void;
}

/**
 * Schedule a scenario's events on a run (raw or already resolved: they are
 * resolved again, which also checks them when validation passed them through).
 */
export function scheduleTimeline(sim: Sim, nodes: readonly Node[], raw: readonly unknown[]): void {
  if (!raw.length) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const { events, problems } = resolveTimeline([...raw], { ids: [...byId.keys()], kindOf: (id) => byId.get(id)?.kind });
  if (problems.length) throw new Error(`events${problems.map((p) => `[${p.path.join('].')}: ${p.message}`).join('; events')}`);
  for (const e of events) {
    const n = byId.get(e.target) as Node;
    if (e.instance !== undefined && e.instance > n.instances)
      throw new Error(`events: ${e.target} has ${n.instances} instance${n.instances > 1 ? 's' : ''}, so instance ${e.instance} does not exist`);
  }
  const h = sim.onTimer((i) => apply(events[i], byId.get(events[i].target) as Node));
  events.forEach((e, i) => sim.timerAt(e.at, h, i));
}

function apply(e: TimelineEvent, n: Node): void {
  if (e.action === 'set') return (n as unknown as Settable).setParam(e.param as string, e.value);
  const f = n as unknown as Failable;
  const from = e.instance === undefined ? 0 : e.instance - 1;
  const to = e.instance === undefined ? n.instances : e.instance;
  for (let i = from; i < to; i++) {
    if (e.action === 'kill') f.kill(i);
    else if (e.action === 'crash') f.crash(i);
    else if (e.action === 'restore') f.restore(i);
    else f.slow(i, e.factor as number);
  }
}

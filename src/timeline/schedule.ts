/**
 * Schedules the failure and change timeline (`events:`) on a run; events.ts,
 * beside this file, validates and resolves them against the kinds' capabilities.
 */
import type { Sim } from '../engine/sim.js';
import type { Node } from '../nodes/node.js';
import { deployPlanOf, type TimelineEvent } from './events.js';

/** Tell each node, before the run starts, of the events aimed at it (a deploy needs its load balancer to see registrations). */
export function announceTimeline(nodes: readonly Node[], events: readonly TimelineEvent[]): void {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const e of events) byId.get(e.target)?.planned(e);
}

/** Schedule a scenario's resolved events on a run (validation has checked targets, instances and parameters). */
export function scheduleTimeline(sim: Sim, nodes: readonly Node[], events: readonly TimelineEvent[]): void {
  if (!events.length) return;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const h = sim.onTimer((i) => apply(events[i], byId.get(events[i].target) as Node));
  events.forEach((e, i) => sim.timerAt(e.at, h, i));
}

function apply(e: TimelineEvent, n: Node): void {
  if (e.action === 'set') return n.setParam(e.param as never, e.value as never);
  if (e.action === 'deploy') return n.deploy(deployPlanOf(e));
  if (e.action === 'resize') return n.resize({ workers: e.workers, speed: e.speed, costPerHour: e.costPerHour, downtime: e.downtime ?? 0 });
  const from = e.instance === undefined ? 0 : e.instance - 1;
  const to = e.instance === undefined ? n.instances : e.instance;
  for (let i = from; i < to; i++) {
    if (e.action === 'kill') n.kill(i);
    else if (e.action === 'crash') n.crash(i);
    else if (e.action === 'restore') n.restore(i);
    else n.slow(i, e.factor as number);
  }
}

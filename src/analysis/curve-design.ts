/**
 * Which designs have a closed-form load curve (theory-curve.ts), read from a
 * resolved scenario: an open Poisson client with no timeout or retries calling,
 * over an instant link, one service with exponential service times, one
 * instance at full speed and nothing downstream — M/M/c with c its workers.
 * Anything else gets the reason it has no curve, so a report can say why the
 * theory column is empty. Pure.
 */
import type { CurveDesign, SweptParameter } from './theory-curve.js';

/** The parts of a resolved scenario the check reads. */
export interface DesignShape {
  components: readonly { id: string; kind: string; params: Record<string, unknown> }[];
  links: readonly { from: string; to: string; latency?: unknown; p?: number; retries?: unknown; timeout?: unknown }[];
}

/** A design the closed form models, its name ("M/M/1", "M/M/4") and what a sweep of `param` varies in it. */
export interface CurveModel {
  model: string;
  design: CurveDesign;
  swept: SweptParameter;
}

const isZero = (d: unknown) =>
  d === undefined ||
  d === 0 ||
  (typeof d === 'object' &&
    d !== null &&
    (d as { dist?: string; value?: number }).dist === 'constant' &&
    (d as { value: number }).value === 0);

/**
 * The M/M/c model of `s` with `param` (`users.rate`, `app.workers`) swept, or
 * `{ none: why }`. Only the client's rate has a curve here: theoryCurve sweeps
 * the arrival rate or a station's instances, and this design has one instance.
 */
export function curveModelOf(s: DesignShape, param: string): CurveModel | { none: string } {
  const none = (why: string) => ({ none: `no closed form: ${why}` });
  if (s.components.length !== 2 || s.links.length !== 1) return none('the design is not one client calling one service');
  const client = s.components.find((c) => c.kind === 'client');
  const service = s.components.find((c) => c.kind === 'service');
  if (!client || !service) return none('the design is not one client calling one service');
  const link = s.links[0];
  if (link.from !== client.id || link.to !== service.id) return none(`the link is not ${client.id} → ${service.id}`);
  if (!isZero(link.latency) || (link.p ?? 1) !== 1 || link.timeout !== undefined)
    return none('the link has latency, a timeout or a drop probability');
  const c = client.params,
    p = service.params;
  if (typeof c.rate !== 'number' || c.phases !== undefined || c.users !== undefined)
    return none(`${client.id} is not one open workload at a fixed rate`);
  if (c.arrival !== 'poisson') return none(`${client.id}'s arrivals are not Poisson`);
  if (c.timeout !== undefined || ((c.retries as { max?: number } | undefined)?.max ?? 0) > 0)
    return none(`${client.id} has a timeout or retries`);
  const time = p.serviceTime as { dist?: string; mean?: number } | undefined;
  if (time?.dist !== 'exponential' || typeof time.mean !== 'number') return none(`${service.id}'s service time is not exponential`);
  if (p.instances !== 1 || (p.speed ?? 1) !== 1) return none(`${service.id} has more than one instance or a speed other than 1`);
  if (typeof p.workers !== 'number') return none(`${service.id} has no worker count`);
  if (param !== `${client.id}.rate`) return none(`the curve is drawn against ${client.id}.rate, not ${param}`);
  return {
    model: `M/M/${p.workers}`,
    design: { rateRps: c.rate, stations: [{ id: service.id, serviceMs: time.mean, workers: p.workers, instances: 1 }] },
    swept: { kind: 'rate' },
  };
}

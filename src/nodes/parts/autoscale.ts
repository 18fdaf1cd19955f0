/**
 * Autoscaling for a service, like a Kubernetes HPA: every `interval`, the busy
 * share of the serving workers over that interval gives
 * desired = ceil(current × utilisation ÷ target), clamped to [min, max], with no
 * change within ±10%. New instances take traffic after `provisionTime`;
 * scale-in waits `cooldown` after the last change.
 */
import type { Sim } from '../../engine/sim.js';
import { ALL_TIME, TimeAverage } from '../../engine/stats.js';
import type { AutoscaleParams } from '../../kinds/autoscale-params.js';

/** What the autoscaler needs of the service it scales. */
export interface Scalable {
  /** Instances taking traffic. */
  readonly serving: number;
  readonly workersPerInstance: number;
  /** `k` provisioned instances start taking traffic. */
  register(k: number): void;
  /** Instances from `n` on stop taking traffic. */
  deregisterFrom(n: number): void;
  /** The number being provisioned changed (they are billed). */
  provisioningChanged(): void;
}

export class Autoscaler {
  readonly p: AutoscaleParams;
  /** Instances decided on but not yet taking traffic. */
  provisioning = 0;
  scaleUps = 0;
  scaleDowns = 0;
  /** Busy workers, integrated over all time (the measured averages skip warmup). */
  private readonly busyWorkers = new TimeAverage(ALL_TIME);
  /** The busy integral at the last decision. */
  private lastArea = 0;
  private lastScale = -Infinity;
  private readonly hReady: number;

  constructor(
    params: AutoscaleParams,
    private readonly sim: Sim,
    private readonly target: Scalable,
  ) {
    this.p = params;
    this.hReady = sim.onTimer((k) => {
      this.provisioning -= k;
      target.register(k);
    });
  }

  /** Clamp a starting instance count to [min, max]. */
  clamp(n: number): number {
    return Math.min(this.p.max, Math.max(this.p.min, n));
  }

  start(): void {
    const h = this.sim.onTimer(() => {
      this.decide();
      this.sim.timer(this.p.interval, h);
    });
    this.sim.timer(this.p.interval, h);
  }

  /** The service's busy worker count changed by `d` at `now`. */
  busy(now: number, d: number): void {
    this.busyWorkers.add(now, d);
  }

  private decide(): void {
    const p = this.p,
      t = this.target,
      now = this.sim.now;
    // close the integral at now, so the next interval integrates from here
    this.busyWorkers.add(now, 0);
    const area = this.busyWorkers.integralTo(now);
    const util = (area - this.lastArea) / (p.interval * t.serving * t.workersPerInstance);
    this.lastArea = area;
    const ratio = util / p.targetUtilization;
    if (Math.abs(ratio - 1) <= 0.1) return;
    const desired = this.clamp(Math.ceil(t.serving * ratio));
    const current = t.serving + this.provisioning;
    if (desired > current) {
      const k = desired - current;
      this.provisioning += k;
      this.scaleUps++;
      this.lastScale = now;
      t.provisioningChanged();
      this.sim.timer(p.provisionTime, this.hReady, k);
    } else if (desired < t.serving && this.provisioning === 0 && now - this.lastScale >= p.cooldown) {
      this.scaleDowns++;
      this.lastScale = now;
      t.deregisterFrom(desired);
    }
  }
}

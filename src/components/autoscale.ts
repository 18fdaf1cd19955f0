/**
 * Autoscaling for a service, like a Kubernetes HPA: every `interval`, the busy
 * share of the serving workers over that interval gives
 * desired = ceil(current × utilisation ÷ target), clamped to [min, max], with no
 * change within ±10%. New instances take traffic after `provisionTime`;
 * scale-in waits `cooldown` after the last change.
 */
import type { Sim } from '../engine/sim.js';
import type { Param } from './params.js';

export interface AutoscaleParams {
  min?: number;
  max?: number;
  targetUtilization?: number;
  interval?: number;
  provisionTime?: number;
  cooldown?: number;
}

export const AUTOSCALE_DEFAULTS: Required<AutoscaleParams> = { min: 1, max: 10, targetUtilization: 0.7, interval: 15_000, provisionTime: 30_000, cooldown: 300_000 };

export const autoscaleFields: Record<keyof AutoscaleParams, Param> = {
  min: { type: 'number', integer: true, label: 'Min instances', help: 'Fewest instances (default 1).', min: 1, max: 10000 },
  max: { type: 'number', integer: true, label: 'Max instances', help: 'Most instances (default 10).', min: 1, max: 10000 },
  targetUtilization: { type: 'number', label: 'Target utilisation', help: 'Utilisation the autoscaler aims for (default 0.7).', min: 0, max: 1, minExclusive: true },
  interval: { type: 'duration', label: 'Interval', help: 'How often utilisation is measured and the count decided (default 15s, the HPA sync period).', min: 0, minExclusive: true },
  provisionTime: { type: 'duration', label: 'Provision time', help: 'Time from the decision until a new instance takes traffic (default 30s); it is billed meanwhile.', min: 0 },
  cooldown: { type: 'duration', label: 'Cooldown', help: 'No scale-in until this long after the last scaling (default 5m, the HPA stabilisation window).', min: 0 },
};

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
  readonly p: Required<AutoscaleParams>;
  /** Instances decided on but not yet taking traffic. */
  provisioning = 0;
  scaleUps = 0;
  scaleDowns = 0;
  // busy workers, integrated over all time (the measured averages skip warmup)
  private busyNow = 0;
  private busyArea = 0;
  private busyT = 0;
  private lastArea = 0;
  private lastScale = -Infinity;
  private readonly hReady: number;

  constructor(params: AutoscaleParams, private readonly sim: Sim, private readonly target: Scalable) {
    this.p = { ...AUTOSCALE_DEFAULTS, ...params };
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
    this.busyArea += this.busyNow * (now - this.busyT);
    this.busyT = now;
    this.busyNow += d;
  }

  private decide(): void {
    const p = this.p, t = this.target, now = this.sim.now;
    this.busy(now, 0);
    const util = (this.busyArea - this.lastArea) / (p.interval * t.serving * t.workersPerInstance);
    this.lastArea = this.busyArea;
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

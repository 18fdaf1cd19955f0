/**
 * The closed workload of a client (JMeter threads, Locust users): each user
 * sends, waits for the answer (or its failure), thinks, and sends again, for
 * its iterations. Phases run one after another; a phase ends after its
 * duration or, without one, when its users have finished.
 */
import type { Sim } from '../../engine/sim.js';
import type { Rng } from '../../engine/random.js';
import type { Recorder } from '../../engine/recorder.js';
import type { Sampler } from '../../engine/distributions.js';

export interface ClosedPhase {
  name: string;
  duration?: number;
  users?: number;
  iterations?: number;
}

export interface ClosedSettings {
  phases?: ClosedPhase[];
  users?: number;
  iterations?: number;
  rampUp: number;
  /** Routes each iteration sends in order, each after the previous answer. */
  sequence?: string[];
}

export class ClosedUsers {
  private readonly phases: ClosedPhase[];
  // one entry per user slot
  private readonly left: Float64Array;
  private readonly phaseOf: Int32Array;
  private readonly step: Int32Array;
  // one entry per phase
  private readonly usersLeft: number[] = [];
  private readonly open: boolean[] = [];
  private readonly firstUser: number[] = [];
  private phase = -1;
  private active = 0;
  private readonly hUser: number;
  private readonly hPhase: number;

  constructor(
    private readonly s: ClosedSettings,
    private readonly sim: Sim,
    private readonly recorder: Recorder,
    private readonly think: Sampler,
    private readonly thinkRng: Rng,
    /** Issue one request for user `u`: step `step` of the sequence, or a drawn route when -1. */
    private readonly send: (u: number, step: number) => void,
    /** Every user has stopped. */
    private readonly stop: () => void,
  ) {
    this.phases = s.phases ?? [{ name: 'users', users: s.users, iterations: s.iterations }];
    let total = 0;
    for (const ph of this.phases) {
      const n = ph.users ?? s.users ?? 0;
      this.firstUser.push(total);
      this.usersLeft.push(n);
      this.open.push(false);
      total += n;
    }
    this.left = new Float64Array(total);
    this.phaseOf = new Int32Array(total);
    this.step = new Int32Array(total);
    this.hUser = sim.onTimer((u) => {
      this.send(u, this.s.sequence?.length ? this.step[u] : -1);
    });
    this.hPhase = sim.onTimer((i) => this.startPhase(i));
  }

  start(): void {
    this.sim.timer(0, this.hPhase, 0);
  }

  private startPhase(i: number): void {
    if (i <= this.phase) return; // already started (ended early by its users)
    if (this.phase >= 0) this.open[this.phase] = false;
    if (i >= this.phases.length || this.sim.now >= this.sim.measured.end) return this.stop();
    this.phase = i;
    this.open[i] = true;
    const ph = this.phases[i];
    if (this.s.phases) this.recorder.beginPhase(ph.name, this.sim.now);
    const iters = ph.iterations ?? this.s.iterations ?? Infinity;
    const n = this.usersLeft[i];
    for (let k = 0; k < n; k++) {
      const u = this.firstUser[i] + k;
      this.left[u] = iters;
      this.phaseOf[u] = i;
      this.active++;
      this.sim.timer(n > 1 ? (this.s.rampUp * k) / n : 0, this.hUser, u);
    }
    if (ph.duration !== undefined) this.sim.timer(ph.duration, this.hPhase, i + 1);
    else if (n === 0) this.sim.timer(0, this.hPhase, i + 1);
  }

  /** User `u`'s request was answered (or failed): send the next, think, or stop. */
  answered(u: number): void {
    const seq = this.s.sequence,
      ph = this.phaseOf[u];
    if (seq?.length && ++this.step[u] < seq.length && this.open[ph]) return this.sim.timer(0, this.hUser, u);
    this.step[u] = 0;
    if (--this.left[u] > 0 && this.open[ph] && this.sim.now < this.sim.measured.end) {
      return this.sim.timer(this.think(this.thinkRng), this.hUser, u);
    }
    this.active--;
    if (--this.usersLeft[ph] === 0 && this.open[ph] && this.phases[ph].duration === undefined) this.sim.timer(0, this.hPhase, ph + 1);
    if (this.active === 0 && !this.open.some(Boolean) && this.phase >= this.phases.length - 1) this.stop();
  }
}

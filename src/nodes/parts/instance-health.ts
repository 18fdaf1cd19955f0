/**
 * Whether each instance of a service is up: a killed instance (timeline `kill`)
 * stays down until a `restore` event; a crashed one (`crash` event or `crashOn`)
 * comes back by itself after `restartTime`. What an instance held when it went
 * down is the service's to fail (the `onDown` callback).
 */
import type { Sim } from '../../engine/sim.js';

const UP = 0,
  CRASHED = 1,
  KILLED = 2;

/** The up, crashed or killed state of each instance of a service, with crashed ones' restarts. */
export class InstanceHealth {
  /** Instances currently down (killed or crashed). */
  private down = 0;
  private readonly state: Uint8Array;
  private readonly restartAt: Float64Array;
  private readonly hRestart: number;
  crashes = 0;

  /**
   * @param onDown called when an up instance goes down, after its restart (if any) is scheduled
   * @param onUp called when a down instance comes back up (restarted or restored)
   */
  constructor(
    instances: number,
    private readonly restartTime: number,
    private readonly sim: Sim,
    private readonly onDown: (inst: number) => void,
    private readonly onUp: (inst: number) => void = () => {},
  ) {
    this.state = new Uint8Array(instances);
    this.restartAt = new Float64Array(instances);
    this.hRestart = sim.onTimer((i) => {
      // a later crash moved the restart on; a kill or restore meanwhile overrides it
      if (this.state[i] === CRASHED && sim.now >= this.restartAt[i]) this.setState(i, UP);
    });
  }

  /** Some instance is down (the cheap check before `isUp`). */
  get anyDown(): boolean {
    return this.down > 0;
  }

  isUp(inst: number): boolean {
    return this.state[inst] === UP;
  }

  /** Down until `restore`. */
  kill(inst: number): void {
    this.fail(inst, KILLED);
  }

  /** Down for restartTime. */
  crash(inst: number): void {
    this.crashes++;
    this.fail(inst, CRASHED);
  }

  restore(inst: number): void {
    this.setState(inst, UP);
  }

  private fail(inst: number, how: typeof CRASHED | typeof KILLED): void {
    const wasUp = this.state[inst] === UP;
    this.setState(inst, how);
    if (how === CRASHED) {
      this.restartAt[inst] = this.sim.now + this.restartTime;
      this.sim.timer(this.restartTime, this.hRestart, inst);
    }
    if (wasUp) this.onDown(inst);
  }

  private setState(inst: number, s: number): void {
    const was = this.state[inst];
    if (was === s) return;
    if (was === UP) this.down++;
    else if (s === UP) this.down--;
    this.state[inst] = s;
    if (s === UP) this.onUp(inst);
  }
}

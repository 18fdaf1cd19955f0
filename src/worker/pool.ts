/**
 * A pool of simulation workers: runs a campaign of independent runs
 * (replications, sweep points) over up to `size` workers, each the ordinary
 * sim worker behind a SimClient. Workers are created on first use and kept
 * for the next campaign. Every run is fully determined by its request (the
 * seed is in it), so the results do not depend on which worker ran what or
 * in which order they finished: a campaign equals the same runs one by one.
 */
import type { ProgressMessage, RunOutcome, RunRequest } from './api.js';
import type { SimClient } from './client.js';

/** Most workers the app starts, however many cores the machine reports. */
export const MAX_POOL_SIZE = 8;

/** Workers for a machine with `cores` logical cores (navigator.hardwareConcurrency): 1..MAX_POOL_SIZE. */
export function poolSize(cores: number | undefined): number {
  return Math.max(1, Math.min(MAX_POOL_SIZE, Math.floor(cores ?? 1) || 1));
}

/** What a campaign reports as it goes: each run's progress and each run's outcome, by its index in the campaign. */
export interface CampaignHooks {
  onProgress?: (index: number, m: ProgressMessage) => void;
  onOutcome?: (index: number, outcome: RunOutcome) => void;
}

/** Runs campaigns of independent runs over a lazily grown set of workers; one campaign at a time. */
export class SimPool {
  readonly #clients: (SimClient | null)[];
  #isCancelled = false;
  #isBusy = false;
  readonly #busy = new Set<SimClient>();

  constructor(
    private readonly makeClient: () => SimClient,
    readonly size: number,
  ) {
    this.#clients = Array.from({ length: Math.max(1, size) }, () => null);
  }

  /** True while a campaign runs. */
  get isRunning(): boolean {
    return this.#isBusy;
  }

  /** Workers started so far (they are started as a campaign first needs them). */
  get started(): number {
    return this.#clients.filter(Boolean).length;
  }

  /**
   * Runs every request, at most `size` at once, in the order given (a freed
   * worker takes the next). Resolves with each request's outcome at its index;
   * after cancel(), runs in flight end with their partial results and runs not
   * yet started are not run (undefined at their index). A worker that dies
   * fails only the run it held and is replaced.
   */
  async run(requests: readonly RunRequest[], hooks: CampaignHooks = {}): Promise<(RunOutcome | undefined)[]> {
    if (this.#isBusy) throw new Error('a campaign is already running');
    this.#isBusy = true;
    this.#isCancelled = false;
    const outcomes: (RunOutcome | undefined)[] = new Array(requests.length).fill(undefined);
    let next = 0;
    const lane = async (slot: number) => {
      for (let i = next++; i < requests.length && !this.#isCancelled; i = next++) {
        const outcome = await this.#runOne(slot, requests[i], (m) => hooks.onProgress?.(i, m));
        outcomes[i] = outcome;
        hooks.onOutcome?.(i, outcome);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.#clients.length, requests.length) }, (_, slot) => lane(slot)));
    } finally {
      this.#isBusy = false;
    }
    return outcomes;
  }

  async #runOne(slot: number, req: RunRequest, onProgress: (m: ProgressMessage) => void): Promise<RunOutcome> {
    const client = (this.#clients[slot] ??= this.makeClient());
    this.#busy.add(client);
    try {
      return await client.run(req, onProgress);
    } catch (e) {
      // the worker itself died: the next run on this lane gets a fresh one
      client.terminate();
      this.#clients[slot] = null;
      return { ok: false, error: { kind: 'crash', message: `the simulation worker failed: ${String((e as Error)?.message ?? e)}` } };
    } finally {
      this.#busy.delete(client);
    }
  }

  /** Stops the campaign: runs in flight stop with their partial results, the rest are not started. */
  cancel(): void {
    if (!this.#isBusy) return;
    this.#isCancelled = true;
    for (const c of this.#busy) void c.cancel();
  }

  /** Terminates every worker. */
  dispose(): void {
    for (const c of this.#clients) c?.terminate();
    this.#clients.fill(null);
  }
}

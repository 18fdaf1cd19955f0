/**
 * Runs campaigns of a design on the worker pool: replications (the design
 * with N seeds, shown as one run with ± intervals) and sweeps (a parameter
 * over a range, each point with the same seeds). Progress from all workers is
 * gathered and handed to the stores at most every PROGRESS_EVERY_MS (a sweep's
 * finished runs too), so eight workers cost the main thread no more updates
 * than one run does.
 */
import { replicaSeeds } from '../analysis/replica-seeds.js';
import type { SimPool } from '../worker/pool.js';
import type { ProgressMessage, RunOutcome, RunRequest, RunResult } from '../worker/api.js';
import type { ScenarioDoc } from './design.js';
import { prepareRun, PROGRESS_EVERY_MS, type PreparedRun, type RunOptions } from './run-controller.js';
import type { RunsStore } from './runs.js';
import type { SweepRecord, SweepsStore, SweepTheory } from './sweeps.js';

/** Replications the app offers. */
export const REPLICATION_CHOICES = [1, 5, 10, 20] as const;

/** A sweep to run: the parameter and its points, each point's value with the overrides that set it. */
export interface SweepPlan {
  param: SweepRecord['param'];
  points: { value: number; set: string[] }[];
  replications: number;
  /** The closed form to draw through the points, if the caller has one. */
  theory?: SweepTheory;
}

/** The request of one run of a campaign; only the run shown (`watched`: with its trace options) sends partial results and traces. */
const requestOf = (p: PreparedRun, seed: number | string, set?: string[], watched?: { trace?: RunRequest['trace'] }): RunRequest => ({
  scenario: p.scenario,
  variant: p.variant,
  seed,
  duration: p.duration,
  ...(set?.length ? { set } : {}),
  progressEveryMs: PROGRESS_EVERY_MS,
  ...(watched ? (watched.trace ? { trace: watched.trace } : {}) : { isProgressOnly: true }),
});

const messageOf = (o: RunOutcome | undefined) => (o && !o.ok ? o.error.message : '');

/** Starts and stops replications and sweeps on the pool; one campaign at a time. */
export class CampaignController {
  #isActive = false;

  constructor(
    private readonly runs: RunsStore,
    private readonly sweeps: SweepsStore,
    private readonly pool: () => SimPool,
    private readonly now = () => performance.now(),
    /** Which requests the replicated run shown traces (as RunController's); none when absent. */
    private readonly trace?: RunRequest['trace'],
  ) {}

  get isRunning(): boolean {
    return this.#isActive;
  }

  /**
   * Runs `doc` with `n` seeds (the run's seed, seed+1, …) over the pool and
   * shows them as one run: the first seed's result live, then every
   * replication's result with it. Returns the problems that kept it from starting.
   */
  async replicate(doc: ScenarioDoc, opts: RunOptions, label: string, n: number): Promise<string[]> {
    if (this.#isActive) return ['a run is already in progress'];
    const prepared = prepareRun(doc, opts);
    if ('problems' in prepared) return prepared.problems;
    const seeds = replicaSeeds(prepared.resolvedSeed, n);
    this.runs.trigger.started({
      label: `${label} · ${n} replications`,
      title: String(doc.title || 'Untitled design'),
      events: prepared.events,
      replications: n,
    });
    const id = this.runs.getSnapshot().context.currentId!;
    const t0 = this.now();
    const fractions = seeds.map(() => 0);
    let first: Required<ProgressMessage> | undefined;
    const flush = () =>
      first &&
      this.runs.trigger.progressed({
        id,
        progress: { ...first.progress, fraction: fractions.reduce((a, b) => a + b, 0) / n },
        partial: first.partial,
        atMs: this.now() - t0,
      });
    const outcomes = await this.#campaign(
      seeds.map((seed, i) => requestOf(prepared, seed, undefined, i === 0 ? { trace: this.trace } : undefined)),
      (i, m) => {
        fractions[i] = m.progress.fraction;
        if (i === 0 && m.partial) first = { progress: m.progress, partial: m.partial };
      },
      flush,
      (i, o) => {
        fractions[i] = 1;
        if (i === 0 && o.ok)
          first = { progress: first?.progress ?? { simulatedMs: 0, fraction: 1, events: 0, wallMs: 0 }, partial: o.result };
      },
    );
    const results = outcomes.flatMap((o) => (o?.ok ? [o.result] : []));
    const failure = outcomes.find((o) => o && !o.ok);
    if (failure && !failure.ok) this.runs.trigger.failed({ id, error: failure.error });
    else if (results.length && outcomes[0]?.ok) this.runs.trigger.finished({ id, result: results[0], replicas: results });
    else this.runs.trigger.failed({ id, error: { kind: 'crash', message: 'stopped before any replication finished' } });
    return [];
  }

  /**
   * Runs every point of `plan` with the same seeds over the pool; points fill
   * in the sweeps store as their runs end. Returns the problems that kept it
   * from starting (a point that does not validate names its value).
   */
  async sweep(doc: ScenarioDoc, opts: RunOptions, plan: SweepPlan): Promise<string[]> {
    if (this.#isActive) return ['a run is already in progress'];
    const prepared = prepareRun(doc, opts);
    if ('problems' in prepared) return prepared.problems;
    for (const p of plan.points) {
      const at = prepareRun(doc, opts, p.set);
      if ('problems' in at) return at.problems.map((m) => `at ${p.set.join(' ')}: ${m}`);
    }
    const seeds = replicaSeeds(prepared.resolvedSeed, plan.replications);
    this.sweeps.trigger.started({
      title: String(doc.title || 'Untitled design'),
      param: plan.param,
      seeds,
      points: plan.points,
      theory: plan.theory,
    });
    const t0 = this.now();
    // progress and finished runs are handed to the store together on the timer: one render of the view per flush
    const pending = new Map<number, number>();
    const ended: { index: number; result?: RunResult; error?: string }[] = [];
    const outcomes = await this.#campaign(
      plan.points.flatMap((p) => seeds.map((seed) => requestOf(prepared, seed, p.set))),
      (i, m) => pending.set(i, m.progress.fraction),
      () => {
        if (pending.size) this.sweeps.trigger.progressed({ fractions: [...pending] });
        pending.clear();
        for (const e of ended.splice(0)) this.sweeps.trigger.ran(e);
      },
      (i, o) => {
        pending.delete(i);
        ended.push({ index: i, ...(o.ok ? { result: o.result } : { error: messageOf(o) }) });
      },
    );
    const isStopped = outcomes.some((o) => o === undefined || (o.ok && !o.result.complete));
    const isFailed = outcomes.every((o) => o && !o.ok);
    this.sweeps.trigger.ended({ status: isFailed ? 'failed' : isStopped ? 'stopped' : 'done', wallMs: this.now() - t0 });
    return [];
  }

  /** Runs `requests` on the pool, flushing gathered progress on a timer while it runs. */
  async #campaign(
    requests: RunRequest[],
    onProgress: (i: number, m: ProgressMessage) => void,
    flush: () => void,
    onOutcome: (i: number, o: RunOutcome) => void,
  ): Promise<(RunOutcome | undefined)[]> {
    this.#isActive = true;
    const timer = setInterval(flush, PROGRESS_EVERY_MS);
    try {
      return await this.pool().run(requests, { onProgress, onOutcome });
    } catch (e) {
      return requests.map(() => ({ ok: false, error: { kind: 'crash', message: String((e as Error)?.message ?? e) } }) as RunOutcome);
    } finally {
      clearInterval(timer);
      flush();
      this.#isActive = false;
    }
  }

  /** Stops the campaign: runs in flight end with their partial results, the rest are not run. */
  stop(): void {
    if (this.#isActive) this.pool().cancel();
  }
}

/**
 * Runs the design in the worker: validates it on the main thread first (an
 * invalid value never reaches the worker; the resolved timeline's events are
 * kept with the run for the charts), streams progress into the runs
 * store, stops on request, and survives a crashed worker.
 */
import { formatProblem, resolveScenario, ScenarioError } from '../scenario/index.js';
import type { SimClient } from '../worker/client.js';
import type { RunRequest } from '../worker/api.js';
import type { TimelineEvent } from '../timeline/events.js';
import { patchOf, type ScenarioDoc } from './design.js';
import { isObject } from '../scenario/is-object.js';
import type { RunsStore } from './runs.js';

/** Wall ms between progress messages: 150 ms gives ~6 updates a second. */
export const PROGRESS_EVERY_MS = 150;

/**
 * The document a run of `variant` needs: the base with only that variant's
 * patch (none for the base), so a variant that no longer applies to the edited
 * base never blocks running the base or another variant; it is flagged in the
 * variants panel instead. An unknown variant keeps them all, for a message naming them.
 * Goals judged on another variant go too (they would name a variant the run's
 * document no longer has; the goals panel judges them on that variant's runs).
 */
export function runnableDoc(doc: ScenarioDoc, variant: string | undefined): ScenarioDoc {
  const { variants: _all, ...base } = doc;
  const patch = variant === undefined ? undefined : patchOf(doc, variant);
  if (variant !== undefined && patch === undefined) return doc;
  const goals = Array.isArray(doc.goals)
    ? { goals: doc.goals.filter((g) => !isObject(g) || g.variant === undefined || g.variant === variant) }
    : {};
  return { ...base, ...goals, ...(variant === undefined ? {} : { variants: { [variant]: patch } }) } as ScenarioDoc;
}

export interface RunOptions {
  variant?: string;
  seed?: string;
  duration?: string;
}

/** A run ready to send to a worker: the request's fields, the resolved seed and the timeline events. */
export interface PreparedRun {
  scenario: ScenarioDoc;
  variant?: string;
  seed?: number | string;
  duration?: string;
  /** The seed the run will use (the scenario's own, or the default, when none is given). */
  resolvedSeed: number | string;
  events: TimelineEvent[];
}

/**
 * Checks `doc` on the main thread with the run options (and a sweep point's
 * `set` overrides): the run to send, or the problems that keep it from running.
 */
export function prepareRun(doc: ScenarioDoc, opts: RunOptions, set?: string[]): PreparedRun | { problems: string[] } {
  const seed = opts.seed?.trim() ? (/^-?\d+$/.test(opts.seed.trim()) ? Number(opts.seed.trim()) : opts.seed.trim()) : undefined;
  const duration = opts.duration?.trim() || undefined;
  const variant = opts.variant || undefined;
  const scenario = runnableDoc(doc, variant);
  try {
    const resolved = resolveScenario(scenario, { variant, seed, duration, set });
    return { scenario, variant, seed, duration, resolvedSeed: resolved.seed, events: resolved.events ?? [] };
  } catch (e) {
    const inVariant = variant === undefined ? '' : `in variant "${variant}": `;
    if (e instanceof ScenarioError) return { problems: e.problems.map((p) => inVariant + formatProblem(p)) };
    return { problems: [String((e as Error).message ?? e)] };
  }
}

/** Starts and stops runs of a design; one at a time. */
export class RunController {
  #client: SimClient | null = null;
  #active: number | null = null;

  constructor(
    private readonly runs: RunsStore,
    private readonly makeClient: () => SimClient,
    private readonly now = () => performance.now(),
    /** Which requests each run traces (the app's Trace tab); none when absent (the embed shows no traces). */
    private readonly trace?: RunRequest['trace'],
  ) {}

  get isRunning(): boolean {
    return this.#active !== null;
  }

  /**
   * Validates and runs `doc`; resolves when the run ends. Returns the problems
   * that kept it from starting (empty when it ran).
   */
  async start(doc: ScenarioDoc, opts: RunOptions, label: string): Promise<string[]> {
    if (this.#active !== null) return ['a run is already in progress'];
    const prepared = prepareRun(doc, opts);
    if ('problems' in prepared) return prepared.problems;
    const { scenario, variant, seed, duration, events } = prepared;
    this.runs.trigger.started({ label, title: String(doc.title || 'Untitled design'), events });
    const id = this.runs.getSnapshot().context.currentId!;
    this.#active = id;
    const t0 = this.now();
    try {
      this.#client ??= this.makeClient();
      const outcome = await this.#client.run(
        { scenario, variant, seed, duration, progressEveryMs: PROGRESS_EVERY_MS, trace: this.trace, traceLater: true },
        (m) => m.partial && this.runs.trigger.progressed({ id, progress: m.progress, partial: m.partial, atMs: this.now() - t0 }),
      );
      if (outcome.ok) this.runs.trigger.finished({ id, result: outcome.result });
      else this.runs.trigger.failed({ id, error: outcome.error });
      if (outcome.ok && outcome.result.complete && this.trace) void this.#traceLater(id);
    } catch (e) {
      // the worker itself died: report it and start a fresh worker next time
      this.#client?.terminate();
      this.#client = null;
      this.runs.trigger.failed({
        id,
        error: { kind: 'crash', message: `the simulation worker failed: ${String((e as Error)?.message ?? e)}` },
      });
    } finally {
      this.#active = null;
    }
    return [];
  }

  /** The finished run's traces, replayed by the worker after Done (another run or Stop drops them). */
  async #traceLater(id: number): Promise<void> {
    try {
      const traces = await this.#client?.traces?.();
      if (traces) this.runs.trigger.traced({ id, traces });
    } catch {
      // the worker died while tracing: the run keeps its result, without traces
    }
  }

  /** Asks the worker to stop; the run ends with its partial result. */
  stop(): void {
    if (this.#active !== null) void this.#client?.cancel();
  }

  dispose(): void {
    this.#client?.terminate();
    this.#client = null;
  }
}

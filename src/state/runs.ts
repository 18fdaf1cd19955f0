/**
 * The runs store: every run of this session (kept for comparison), the one in
 * progress with its live partial result, and the pinned baseline. Runs belong
 * to the design they ran: opening another design hides the shown run (the
 * diagram never wears another design's figures), and a comparison across
 * designs is named as such.
 */
import { createStore } from '@xstate/store';
import type { TimelineEvent } from '../timeline/events.js';
import type { ProblemData, Progress, RunResult } from '../worker/api.js';

/** A run as the UI keeps it. */
export interface RunRecord {
  id: number;
  /** "Run 3 · cache-aside · seed 42" */
  name: string;
  status: 'running' | 'done' | 'stopped' | 'failed';
  /** The design this run ran: its number in this session (each opened design gets the next) and title. */
  design: { key: number; title: string };
  /** The timeline events the run scheduled (from the resolved scenario), for the charts' markers. */
  events: TimelineEvent[];
  result?: RunResult;
  /** Seeds a replicated run runs (absent for a single run). */
  replications?: number;
  /** A replicated run's results, one per seed in seed order (the first is `result`); absent for a single run. */
  replicas?: RunResult[];
  progress?: Progress;
  /** Progress messages received, and wall ms from start to the last one. */
  updates: number;
  firstUpdateMs?: number;
  lastUpdateMs?: number;
  error?: { kind: string; message: string; problems?: ProblemData[] };
}

export interface RunsContext {
  runs: RunRecord[];
  /** The run shown (latest by default). */
  currentId: number | null;
  /** The run the others are compared with. */
  baselineId: number | null;
  nextId: number;
  /** The design open now (see RunRecord.design). */
  design: { key: number; title: string };
}

/** Runs kept; older unpinned runs are dropped first. */
export const MAX_RUNS = 12;

const update = (ctx: RunsContext, id: number, f: (r: RunRecord) => RunRecord): RunsContext => ({
  ...ctx,
  runs: ctx.runs.map((r) => (r.id === id ? f(r) : r)),
});

/** Creates an empty runs store. */
export function createRunsStore() {
  return createStore({
    context: { runs: [], currentId: null, baselineId: null, nextId: 1, design: { key: 1, title: '' } } as RunsContext,
    on: {
      /** A run started: `title` is the design's as it ran, `events` its timeline. */
      started: (ctx, e: { label: string; title?: string; events?: TimelineEvent[]; replications?: number }) => {
        const id = ctx.nextId;
        const design = { key: ctx.design.key, title: e.title ?? ctx.design.title };
        const run: RunRecord = {
          id,
          name: `Run ${id} · ${e.label}`,
          status: 'running',
          updates: 0,
          design,
          events: e.events ?? [],
          ...(e.replications ? { replications: e.replications } : {}),
        };
        let runs = [...ctx.runs, run];
        while (runs.length > MAX_RUNS) {
          const drop = runs.findIndex((r) => r.id !== ctx.baselineId && r.status !== 'running');
          if (drop < 0) break;
          runs = runs.filter((_, i) => i !== drop);
        }
        return { ...ctx, runs, currentId: id, nextId: id + 1 };
      },
      progressed: (ctx, e: { id: number; progress: Progress; partial: RunResult; atMs: number }) =>
        update(ctx, e.id, (r) => ({
          ...r,
          progress: e.progress,
          result: e.partial,
          updates: r.updates + 1,
          firstUpdateMs: r.firstUpdateMs ?? e.atMs,
          lastUpdateMs: e.atMs,
        })),
      /** A run ended; a replicated run brings every replication's result (`result` is the first). */
      finished: (ctx, e: { id: number; result: RunResult; replicas?: RunResult[] }) =>
        update(ctx, e.id, (r) => ({
          ...r,
          status: e.result.complete && (e.replicas ?? []).every((x) => x.complete) ? 'done' : 'stopped',
          result: e.result,
          ...(e.replicas ? { replicas: e.replicas } : {}),
        })),
      /** The run's traces arrived (replayed after it was over). */
      traced: (ctx, e: { id: number; traces: NonNullable<RunResult['traces']> }) =>
        update(ctx, e.id, (r) => (r.result ? { ...r, result: { ...r.result, traces: e.traces } } : r)),
      failed: (ctx, e: { id: number; error: NonNullable<RunRecord['error']> }) =>
        update(ctx, e.id, (r) => ({ ...r, status: 'failed', error: e.error })),
      show: (ctx, e: { id: number }) => (ctx.runs.some((r) => r.id === e.id) ? { ...ctx, currentId: e.id } : ctx),
      /** Pins a run as the baseline (null unpins). */
      pin: (ctx, e: { id: number | null }) => ({ ...ctx, baselineId: e.id }),
      clear: (ctx) => ({ ...ctx, runs: ctx.runs.filter((r) => r.status === 'running'), baselineId: null }),
      /** Another design was opened: no run is shown until one is run or picked; the runs stay listed, and the baseline stays pinned. */
      designChanged: (ctx, e: { title: string }) => ({ ...ctx, currentId: null, design: { key: ctx.design.key + 1, title: e.title } }),
    },
  });
}

export type RunsStore = ReturnType<typeof createRunsStore>;

/** The run shown and the baseline it is compared with (never itself). */
export function shownRuns(ctx: RunsContext): { current?: RunRecord; baseline?: RunRecord } {
  const current = ctx.runs.find((r) => r.id === ctx.currentId);
  const baseline = ctx.baselineId === ctx.currentId ? undefined : ctx.runs.find((r) => r.id === ctx.baselineId);
  return { current, baseline: baseline?.result ? baseline : undefined };
}

/** The shown run when it ran the design open now: the one whose figures the diagram may wear. */
export function runOfOpenDesign(ctx: RunsContext): RunRecord | undefined {
  const { current } = shownRuns(ctx);
  return current && isOfOpenDesign(ctx, current) ? current : undefined;
}

/** True when `run` ran the design open now. */
export const isOfOpenDesign = (ctx: RunsContext, run: RunRecord): boolean => run.design.key === ctx.design.key;

/** True while a run is in progress. */
export const isRunning = (ctx: RunsContext): boolean => ctx.runs.some((r) => r.status === 'running');

/** A replicated run's results (two or more), or undefined for a single run. */
export const replicasOf = (run: RunRecord): RunResult[] | undefined => (run.replicas && run.replicas.length > 1 ? run.replicas : undefined);

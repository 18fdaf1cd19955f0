/**
 * The runs store: every run of this session (kept for comparison), the one in
 * progress with its live partial result, and the pinned baseline.
 */
import { createStore } from '@xstate/store';
import type { ProblemData, Progress, RunResult } from '../worker/api.js';

/** A run as the UI keeps it. */
export interface RunRecord {
  id: number;
  /** "Run 3 · cache-aside · seed 42" */
  name: string;
  status: 'running' | 'done' | 'stopped' | 'failed';
  result?: RunResult;
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
    context: { runs: [], currentId: null, baselineId: null, nextId: 1 } as RunsContext,
    on: {
      started: (ctx, e: { label: string }) => {
        const id = ctx.nextId;
        let runs = [...ctx.runs, { id, name: `Run ${id} · ${e.label}`, status: 'running' as const, updates: 0 }];
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
      finished: (ctx, e: { id: number; result: RunResult }) =>
        update(ctx, e.id, (r) => ({ ...r, status: e.result.complete ? 'done' : 'stopped', result: e.result })),
      failed: (ctx, e: { id: number; error: NonNullable<RunRecord['error']> }) =>
        update(ctx, e.id, (r) => ({ ...r, status: 'failed', error: e.error })),
      show: (ctx, e: { id: number }) => (ctx.runs.some((r) => r.id === e.id) ? { ...ctx, currentId: e.id } : ctx),
      /** Pins a run as the baseline (null unpins). */
      pin: (ctx, e: { id: number | null }) => ({ ...ctx, baselineId: e.id }),
      clear: (ctx) => ({ ...ctx, runs: ctx.runs.filter((r) => r.status === 'running'), baselineId: null }),
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

/** True while a run is in progress. */
export const isRunning = (ctx: RunsContext): boolean => ctx.runs.some((r) => r.status === 'running');

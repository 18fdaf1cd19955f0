/**
 * The sweeps store: the latest sweep of a design — one parameter set to each
 * of a range of values, each point run with the same seeds — filling in live
 * as its runs finish on the worker pool.
 */
import { createStore } from '@xstate/store';
import type { RunResult } from '../worker/api.js';

/** One value of the swept parameter and its replications. */
export interface SweepPoint {
  /** The parameter's value, in the unit the axis names (per second for a rate, ms for a duration). */
  value: number;
  /** The overrides that set it, as `--set` writes them ("users.rate=90/s"). */
  set: string[];
  /** One result per seed, in seed order; undefined until that run ends. */
  runs: (RunResult | undefined)[];
  /** 0..1 progress of each run. */
  fractions: number[];
  /** Why runs of this point failed (one message per failed run). */
  errors: string[];
}

/** A theory value at x: [x, mean ms, p99 ms], null where the model is overloaded. */
export type TheoryAt = [x: number, meanMs: number | null, p99Ms: number | null];

/** The closed form a sweep is compared with: the model's name, its curve (dense, for drawing) and its values at the points; or why there is none. */
export type SweepTheory = { model: string; curve: TheoryAt[]; at: TheoryAt[] } | { none: string };

/** A sweep as the UI keeps it. */
export interface SweepRecord {
  id: number;
  /** The design's title as it ran. */
  title: string;
  /** The swept parameter: its path ("users.rate"), a label ("users · Rate") and the unit of the values ("/s", "ms", ""). */
  param: { path: string; label: string; unit: string };
  seeds: (number | string)[];
  points: SweepPoint[];
  /** The queueing-theory curve of the design as swept, computed when the sweep started. */
  theory?: SweepTheory;
  status: 'running' | 'done' | 'stopped' | 'failed';
  /** Wall ms the sweep took (set when it ends). */
  wallMs?: number;
}

export interface SweepsContext {
  sweep: SweepRecord | null;
  nextId: number;
}

const onPoint = (ctx: SweepsContext, index: number, f: (p: SweepPoint, rep: number) => SweepPoint): SweepsContext => {
  const s = ctx.sweep;
  if (!s) return ctx;
  const n = s.seeds.length,
    at = Math.floor(index / n);
  return { ...ctx, sweep: { ...s, points: s.points.map((p, i) => (i === at ? f(p, index % n) : p)) } };
};

/** Creates an empty sweeps store. */
export function createSweepsStore() {
  return createStore({
    context: { sweep: null, nextId: 1 } as SweepsContext,
    on: {
      /** A sweep started: its points in order, each to be run once per seed. */
      started: (
        ctx,
        e: {
          title: string;
          param: SweepRecord['param'];
          seeds: SweepRecord['seeds'];
          points: { value: number; set: string[] }[];
          theory?: SweepTheory;
        },
      ) => ({
        nextId: ctx.nextId + 1,
        sweep: {
          id: ctx.nextId,
          title: e.title,
          param: e.param,
          seeds: e.seeds,
          ...(e.theory ? { theory: e.theory } : {}),
          status: 'running' as const,
          points: e.points.map((p) => ({ ...p, runs: e.seeds.map(() => undefined), fractions: e.seeds.map(() => 0), errors: [] })),
        },
      }),
      /** Progress of runs by their index in the campaign (point × seeds + seed). */
      progressed: (ctx, e: { fractions: [index: number, fraction: number][] }) =>
        e.fractions.reduce(
          (c, [i, f]) => onPoint(c, i, (p, rep) => ({ ...p, fractions: p.fractions.map((x, j) => (j === rep ? f : x)) })),
          ctx,
        ),
      /** A run of the campaign ended, with its result or the reason it failed. */
      ran: (ctx, e: { index: number; result?: RunResult; error?: string }) =>
        onPoint(ctx, e.index, (p, rep) => ({
          ...p,
          runs: p.runs.map((r, j) => (j === rep && e.result ? e.result : r)),
          fractions: p.fractions.map((x, j) => (j === rep ? 1 : x)),
          errors: e.error ? [...p.errors, e.error] : p.errors,
        })),
      ended: (ctx, e: { status: Exclude<SweepRecord['status'], 'running'>; wallMs: number }) =>
        ctx.sweep ? { ...ctx, sweep: { ...ctx.sweep, status: e.status, wallMs: e.wallMs } } : ctx,
    },
  });
}

export type SweepsStore = ReturnType<typeof createSweepsStore>;

/** 0..1 of the sweep's runs done. */
export function sweepFraction(s: SweepRecord): number {
  const all = s.points.flatMap((p) => p.fractions);
  return all.length ? all.reduce((a, b) => a + b, 0) / all.length : 0;
}

/** The results a point has so far (its finished runs, seed order). */
export const finishedRuns = (p: SweepPoint): RunResult[] => p.runs.filter((r): r is RunResult => r !== undefined);

import { describe, expect, it } from 'vitest';
import type { Goal } from '../../src/check/goals.js';
import { goalViews, runFor } from '../../src/state/goal-runs.js';
import { createRunsStore } from '../../src/state/runs.js';
import type { RunResult } from '../../src/worker/api.js';

const p99: Goal = { name: 'p99 under 50 ms', metric: 'summary.latencyMs.p99', below: 50, points: 1, unit: 'ms' };
const cached: Goal = { ...p99, name: 'cached p99 under 10 ms', below: 10, variant: '+cache', why: 'Add a cache.' };

/** A finished run's result with only what the goals read. */
const result = (p99Ms: number, variant?: string) =>
  ({
    title: 'c',
    seed: 1,
    simulatedMs: 1,
    complete: true,
    ...(variant ? { variant } : {}),
    summary: { latencyMs: { p99: p99Ms } },
  }) as unknown as RunResult;

/** A runs store after runs of `results` (each finished) of the design open now. */
function ran(...results: RunResult[]) {
  const s = createRunsStore();
  for (const r of results) {
    s.trigger.started({ label: r.variant ?? 'base' });
    s.trigger.finished({ id: s.getSnapshot().context.currentId!, result: r });
  }
  return s;
}

describe('goalViews(goals, runs)', () => {
  it('has no outcome before a run, and says what to run', () => {
    const [base, variant] = goalViews([p99, cached], createRunsStore().getSnapshot().context);
    expect(base.outcome).toBeUndefined();
    expect(base.pending).toBe('not run yet — press Run');
    expect(variant.pending).toBe('run variant +cache to check this goal');
  });

  it('judges a goal on the base run and a variant goal on its variant run, naming each run', () => {
    const views = goalViews([p99, cached], ran(result(80), result(8, '+cache')).getSnapshot().context);
    expect(views.map((v) => [v.outcome?.status, v.runLabel])).toEqual([
      ['fail', 'Run 1'],
      ['pass', 'Run 2 · +cache'],
    ]);
    expect(views[0].outcome?.valueText).toBe('80.0 ms');
  });

  it('judges a replicated run on all its replications, by their 95 % interval', () => {
    const s = createRunsStore();
    s.trigger.started({ label: 'base · 3 replications' });
    const reps = [result(45), result(49), result(56)];
    s.trigger.finished({ id: s.getSnapshot().context.currentId!, result: reps[0], replicas: reps });
    const [view] = goalViews([p99], s.getSnapshot().context);
    // the first replication alone (45 ms) would pass; over the three, 50 ± 13 ms straddles the 50 ms target
    expect(view.outcome?.status).toBe('undecided');
    expect(view.outcome?.valueText).toMatch(/^50\.0 ms ± /);
  });

  it('prefers the run shown in the results, else the latest that qualifies', () => {
    const s = ran(result(80), result(30));
    expect(goalViews([p99], s.getSnapshot().context)[0].runLabel).toBe('Run 2');
    s.trigger.show({ id: 1 });
    expect(goalViews([p99], s.getSnapshot().context)[0]).toMatchObject({ runLabel: 'Run 1', outcome: { status: 'fail' } });
  });

  it("never counts another design's runs, nor runs stopped early or still running", () => {
    const s = ran(result(30));
    s.trigger.designChanged({ title: 'another' });
    expect(goalViews([p99], s.getSnapshot().context)[0].outcome).toBeUndefined();
    s.trigger.started({ label: 'base' });
    s.trigger.finished({ id: s.getSnapshot().context.currentId!, result: { ...result(30), complete: false } });
    s.trigger.started({ label: 'base' });
    expect(runFor(s.getSnapshot().context, '')).toBeUndefined();
  });

  it('asks for a base run when only a variant has run', () => {
    const [view] = goalViews([p99], ran(result(8, '+cache')).getSnapshot().context);
    expect(view.pending).toBe('run the base design to check this goal');
  });
});

import { describe, expect, it } from 'vitest';
import { createRunsStore, isOfOpenDesign, isRunning, runOfOpenDesign, shownRuns, MAX_RUNS } from '../../src/state/runs.js';
import { RunController } from '../../src/state/run-controller.js';
import type { SimClient } from '../../src/worker/client.js';
import type { RunResult } from '../../src/worker/api.js';

const result = (p99: number, complete = true) => ({ complete, summary: { latencyMs: { p99 } } }) as unknown as RunResult;
const doc = {
  duration: '1s',
  components: { users: { kind: 'client', rate: '10/s' }, app: { kind: 'service' } },
  links: [{ from: 'users', to: 'app' }],
};

describe('runs store', () => {
  it('keeps runs, shows the latest and compares with the pinned baseline', () => {
    const s = createRunsStore();
    s.trigger.started({ label: 'base' });
    s.trigger.finished({ id: 1, result: result(10) });
    s.trigger.pin({ id: 1 });
    s.trigger.started({ label: '+cache' });
    expect(isRunning(s.getSnapshot().context)).toBe(true);
    s.trigger.progressed({
      id: 2,
      progress: { simulatedMs: 1, fraction: 0.5, events: 1, wallMs: 1 },
      partial: result(7, false),
      atMs: 100,
    });
    const { current, baseline } = shownRuns(s.getSnapshot().context);
    expect([current?.name, current?.updates, baseline?.name]).toEqual(['Run 2 · +cache', 1, 'Run 1 · base']);
  });

  it('shows no run after another design is opened, so the diagram never wears the old run’s figures', () => {
    const s = createRunsStore();
    s.trigger.started({ label: 'mm1', title: 'M/M/1' });
    s.trigger.finished({ id: 1, result: result(10) });
    s.trigger.pin({ id: 1 });
    expect(runOfOpenDesign(s.getSnapshot().context)?.id).toBe(1);
    s.trigger.designChanged({ title: 'cmpe273' });
    expect([shownRuns(s.getSnapshot().context).current, runOfOpenDesign(s.getSnapshot().context)]).toEqual([undefined, undefined]);
    // the old run stays listed and pinned; picked again, it is named as another design's
    s.trigger.started({ label: 'cmpe273', title: 'cmpe273' });
    s.trigger.finished({ id: 2, result: result(20) });
    const ctx = s.getSnapshot().context;
    const { current, baseline } = shownRuns(ctx);
    expect([current?.id, baseline?.id, baseline?.design.title]).toEqual([2, 1, 'M/M/1']);
    expect([isOfOpenDesign(ctx, current!), isOfOpenDesign(ctx, baseline!)]).toEqual([true, false]);
    s.trigger.show({ id: 1 });
    expect(runOfOpenDesign(s.getSnapshot().context)).toBeUndefined();
  });

  it(`drops the oldest unpinned runs beyond ${MAX_RUNS}`, () => {
    const s = createRunsStore();
    s.trigger.started({ label: 'keep' });
    s.trigger.finished({ id: 1, result: result(1) });
    s.trigger.pin({ id: 1 });
    for (let i = 2; i <= MAX_RUNS + 3; i++) {
      s.trigger.started({ label: String(i) });
      s.trigger.finished({ id: i, result: result(i) });
    }
    const ids = s.getSnapshot().context.runs.map((r) => r.id);
    expect(ids.length).toBe(MAX_RUNS);
    expect(ids[0]).toBe(1);
    expect(ids.at(-1)).toBe(MAX_RUNS + 3);
  });
});

describe('RunController', () => {
  const fake = (behaviour: 'ok' | 'throw'): SimClient => ({
    run: async (_req, onProgress) => {
      if (behaviour === 'throw') throw new Error('worker died');
      onProgress({ progress: { simulatedMs: 500, fraction: 0.5, events: 10, wallMs: 1 }, partial: result(5, false) });
      return { ok: true, result: result(6) };
    },
    cancel: async () => {},
    validate: async () => [],
    terminate: () => {},
  });

  it('never sends an invalid design to the worker', async () => {
    let calls = 0;
    const runs = createRunsStore();
    const c = new RunController(runs, () => ({ ...fake('ok'), run: async () => (calls++, { ok: true, result: result(1) }) }));
    const problems = await c.start({ ...doc, components: { ...doc.components, app: { kind: 'service', workers: 0 } } }, {}, 'x');
    expect(problems).toEqual(['components.app.workers: expected an integer between 1 and 100000, got 0']);
    expect(calls).toBe(0);
    expect(runs.getSnapshot().context.runs).toEqual([]);
  });

  it('streams progress into the store and records the result', async () => {
    const runs = createRunsStore();
    expect(await new RunController(runs, () => fake('ok')).start(doc, { seed: '7' }, 'x')).toEqual([]);
    const r = runs.getSnapshot().context.runs[0];
    expect([r.status, r.updates, r.result?.summary.latencyMs.p99]).toEqual(['done', 1, 6]);
  });

  it('reports a crashed worker as a failed run and stays usable', async () => {
    const runs = createRunsStore();
    const made: SimClient[] = [fake('throw'), fake('ok')];
    const c = new RunController(runs, () => made.shift()!);
    expect(await c.start(doc, {}, 'x')).toEqual([]);
    expect(runs.getSnapshot().context.runs[0].error?.message).toBe('the simulation worker failed: worker died');
    expect(c.isRunning).toBe(false);
    // the next run gets a fresh worker and completes
    expect(await c.start(doc, {}, 'y')).toEqual([]);
    expect(made).toEqual([]);
    const [first, second] = runs.getSnapshot().context.runs;
    expect([first.status, second.status, second.result?.summary.latencyMs.p99]).toEqual(['failed', 'done', 6]);
  });
});

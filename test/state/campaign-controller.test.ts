import { describe, expect, it } from 'vitest';
import { CampaignController } from '../../src/state/campaign-controller.js';
import { RunController } from '../../src/state/run-controller.js';
import { createRunsStore } from '../../src/state/runs.js';
import { createSweepsStore, finishedRuns, sweepFraction } from '../../src/state/sweeps.js';
import { createSimApi } from '../../src/worker/serve.js';
import { SimPool } from '../../src/worker/pool.js';
import type { SimClient } from '../../src/worker/client.js';
import type { RunResult } from '../../src/worker/api.js';
import type { ScenarioDoc } from '../../src/state/design.js';

const MM1 = {
  version: 1,
  title: 'M/M/1',
  seed: 42,
  duration: '20s',
  components: { users: { kind: 'client', rate: '50/s' }, app: { kind: 'service', workers: 1, serviceTime: 'exp(10ms)' } },
  links: [{ from: 'users', to: 'app' }],
} as unknown as ScenarioDoc;

const client = (): SimClient => {
  const api = createSimApi();
  return { run: api.run, cancel: async () => api.cancel(), validate: api.validate, terminate: () => {} };
};
const withoutWall = ({ wallMs: _, ...r }: RunResult) => r;

function setup(workers = 3) {
  const runs = createRunsStore(),
    sweeps = createSweepsStore(),
    pool = new SimPool(client, workers);
  return { runs, sweeps, pool, campaigns: new CampaignController(runs, sweeps, () => pool) };
}

describe('CampaignController.replicate', () => {
  it('runs N seeds from the run seed and shows the first as the run, equal to a single run of that seed', async () => {
    const { runs, campaigns } = setup();
    expect(await campaigns.replicate(MM1, {}, 'M/M/1', 4)).toEqual([]);
    const rec = runs.getSnapshot().context.runs.at(-1)!;
    expect(rec.status).toBe('done');
    expect(rec.name).toBe('Run 1 · M/M/1 · 4 replications');
    expect(rec.replications).toBe(4);
    expect(rec.replicas?.map((r) => r.seed)).toEqual([42, 43, 44, 45]);
    expect(rec.result).toBe(rec.replicas?.[0]);
    const single = createRunsStore();
    await new RunController(single, client).start(MM1, {}, 'M/M/1');
    expect(withoutWall(rec.result!)).toEqual(withoutWall(single.getSnapshot().context.runs[0].result!));
  });

  it('traces the replication shown (for its waterfall) and no other', async () => {
    const runs = createRunsStore(),
      pool = new SimPool(client, 2);
    await new CampaignController(runs, createSweepsStore(), () => pool, undefined, {}).replicate(MM1, {}, 'M/M/1', 3);
    const rec = runs.getSnapshot().context.runs[0];
    expect(rec.result?.traces?.length).toBeGreaterThan(0);
    expect(rec.replicas?.slice(1).map((r) => r.traces)).toEqual([undefined, undefined]);
  });

  it('numbers a text seed as the CLI does', async () => {
    const { runs, campaigns } = setup();
    await campaigns.replicate(MM1, { seed: 'abc' }, 'M/M/1', 2);
    expect(runs.getSnapshot().context.runs[0].replicas?.map((r) => r.seed)).toEqual(['abc-0', 'abc-1']);
  });

  it('starts nothing and names the problem for a design that does not validate', async () => {
    const { runs, campaigns } = setup();
    const problems = await campaigns.replicate({ ...MM1, duration: 'soon' } as ScenarioDoc, {}, 'x', 5);
    expect(problems.join('\n')).toMatch(/duration/);
    expect(runs.getSnapshot().context.runs).toEqual([]);
  });
});

describe('CampaignController.sweep', () => {
  it("fills every point with one result per seed, each run with that point's override", async () => {
    const { sweeps, campaigns } = setup();
    const points = [10, 40, 70].map((v) => ({ value: v, set: [`users.rate=${v}/s`] }));
    const plan = { param: { path: 'users.rate', label: 'users · Rate', unit: '/s' }, points, replications: 2 };
    expect(await campaigns.sweep(MM1, {}, plan)).toEqual([]);
    const s = sweeps.getSnapshot().context.sweep!;
    expect(s.status).toBe('done');
    expect(sweepFraction(s)).toBe(1);
    expect(s.seeds).toEqual([42, 43]);
    for (const p of s.points) {
      const rs = finishedRuns(p);
      expect(rs.map((r) => r.seed)).toEqual([42, 43]);
      // throughput follows the rate set at each point (20 s: within 20 %)
      for (const r of rs) expect(r.summary.throughputRps / p.value).toBeCloseTo(1, 0);
    }
  });

  it('refuses a sweep whose point does not validate, naming the point', async () => {
    const { sweeps, campaigns } = setup();
    const plan = {
      param: { path: 'app.workers', label: 'app · Workers', unit: '' },
      points: [{ value: -1, set: ['app.workers=-1'] }],
      replications: 1,
    };
    const problems = await campaigns.sweep(MM1, {}, plan);
    expect(problems[0]).toMatch(/^at app\.workers=-1: .*workers/);
    expect(sweeps.getSnapshot().context.sweep).toBeNull();
  });
});

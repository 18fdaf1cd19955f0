import { describe, expect, it } from 'vitest';
import { createSimApi } from '../../src/worker/serve.js';
import { poolSize, SimPool } from '../../src/worker/pool.js';
import type { SimClient } from '../../src/worker/client.js';
import type { RunOutcome, RunRequest, RunResult } from '../../src/worker/api.js';

const MM1 = {
  version: 1,
  title: 'M/M/1',
  seed: 7,
  duration: '20s',
  components: { users: { kind: 'client', rate: '80/s' }, app: { kind: 'service', workers: 1, serviceTime: 'exp(10ms)' } },
  links: [{ from: 'users', to: 'app' }],
};

/** An in-process "worker": the real SimApi, with a log of which client ran which seed. */
function fakeClient(log: [number, unknown][], id: number, opts: { dies?: boolean } = {}): SimClient {
  const api = createSimApi();
  let isTerminated = false;
  return {
    run: async (req, onProgress) => {
      if (isTerminated) throw new Error('terminated');
      log.push([id, req.seed]);
      if (opts.dies) throw new Error('worker died');
      return api.run(req, onProgress);
    },
    cancel: async () => api.cancel(),
    validate: (s) => api.validate(s),
    terminate: () => {
      isTerminated = true;
    },
  };
}

/** A result without the wall clock (the one figure that differs between two runs of one seed). */
const figures = (o: RunOutcome | undefined): Omit<RunResult, 'wallMs'> => {
  if (!o?.ok) throw new Error(`run failed: ${JSON.stringify(o)}`);
  const { wallMs: _, ...rest } = o.result;
  return rest;
};

const requests = (n: number, extra: Partial<RunRequest> = {}): RunRequest[] =>
  Array.from({ length: n }, (_, i) => ({ scenario: MM1, seed: 7 + i, ...extra }));

describe('poolSize', () => {
  it('uses the reported cores, at least one and at most eight', () => {
    expect([undefined, 0, 1, 2, 6, 8, 64].map(poolSize)).toEqual([1, 1, 1, 2, 6, 8, 8]);
  });
});

describe('SimPool', () => {
  it('gives each replication the same result as running it alone, whichever worker ran it', async () => {
    const log: [number, unknown][] = [];
    let made = 0;
    const pool = new SimPool(() => fakeClient(log, made++), 3);
    const outcomes = await pool.run(requests(7));
    const alone = await Promise.all(requests(7).map((r) => createSimApi().run(r, () => {})));
    expect(outcomes.map(figures)).toEqual(alone.map(figures));
    expect(new Set(outcomes.map((o) => figures(o).seed))).toEqual(new Set([7, 8, 9, 10, 11, 12, 13]));
    // three workers were started and all three ran something
    expect(made).toBe(3);
    expect(new Set(log.map(([id]) => id))).toEqual(new Set([0, 1, 2]));
  });

  it('starts no more workers than there are runs, and keeps them for the next campaign', async () => {
    let made = 0;
    const pool = new SimPool(() => fakeClient([], made++), 8);
    await pool.run(requests(2));
    expect(made).toBe(2);
    await pool.run(requests(2));
    expect(made).toBe(2);
    expect(pool.started).toBe(2);
  });

  it("applies a sweep point's --set overrides in the worker", async () => {
    const pool = new SimPool(() => fakeClient([], 0), 2);
    const [slow, fast] = await pool.run([
      { scenario: MM1, seed: 1, set: ['users.rate=20/s'] },
      { scenario: MM1, seed: 1, set: ['users.rate=90/s'] },
    ]);
    expect(figures(slow).summary.throughputRps).toBeLessThan(30);
    expect(figures(fast).summary.throughputRps).toBeGreaterThan(75);
  });

  it('reports each outcome by its index as it finishes', async () => {
    const seen: number[] = [];
    const pool = new SimPool(() => fakeClient([], 0), 2);
    await pool.run(requests(4), { onOutcome: (i, o) => o.ok && seen.push(i) });
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });

  it('stops every run in flight with its partial result and starts no more after cancel()', async () => {
    const pool = new SimPool(() => fakeClient([], 0), 2);
    const long = requests(6, { duration: '2h', progressEveryMs: 0 });
    let cancelled = false;
    const outcomes = await pool.run(long, {
      onProgress: () => {
        if (!cancelled) {
          cancelled = true;
          pool.cancel();
        }
      },
    });
    const ran = outcomes.filter((o) => o !== undefined);
    expect(ran.length).toBeGreaterThan(0);
    expect(ran.length).toBeLessThanOrEqual(2);
    for (const o of ran) expect(o?.ok && o.result.complete).toBe(false);
    expect(outcomes.slice(2)).toEqual([undefined, undefined, undefined, undefined]);
    expect(pool.isRunning).toBe(false);
  });

  it('fails only the run a dying worker held, and replaces that worker', async () => {
    const log: [number, unknown][] = [];
    let made = 0;
    const pool = new SimPool(() => fakeClient(log, made, { dies: made++ === 0 }), 1);
    const outcomes = await pool.run(requests(3));
    expect(outcomes[0]).toMatchObject({ ok: false, error: { kind: 'crash', message: /worker failed: worker died/ } });
    expect(outcomes.slice(1).every((o) => o?.ok)).toBe(true);
    expect(made).toBe(2);
  });

  it('sends progress without the partial result for a progress-only request, with it otherwise', async () => {
    const pool = new SimPool(() => fakeClient([], 0), 2);
    const partials: [number, boolean][] = [];
    // long runs, stopped once both have reported: progress is certain however fast the machine
    await pool.run(
      [0, 1].map((i) => ({ scenario: MM1, seed: 1, duration: '2h', progressEveryMs: 0, isProgressOnly: i === 1 })),
      {
        onProgress: (i, m) => {
          partials.push([i, m.partial !== undefined]);
          if (partials.some(([j]) => j === 0) && partials.some(([j]) => j === 1)) pool.cancel();
        },
      },
    );
    expect(partials.filter(([i]) => i === 0).length).toBeGreaterThan(0);
    expect(partials.filter(([i]) => i === 1).length).toBeGreaterThan(0);
    expect(partials.every(([i, has]) => has === (i === 0))).toBe(true);
  });

  it('refuses a second campaign while one runs', async () => {
    const pool = new SimPool(() => fakeClient([], 0), 1);
    const first = pool.run(requests(1));
    await expect(pool.run(requests(1))).rejects.toThrow(/already running/);
    await first;
  });
});

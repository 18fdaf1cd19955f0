import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { createSimApi } from '../../src/worker/serve.js';
import { replayTraces } from '../../src/worker/trace-replay.js';
import { resolveScenario } from '../../src/scenario/index.js';
import { Run } from '../../src/run/run.js';
import type { RunResult } from '../../src/worker/api.js';

const scenario = parse(readFileSync(new URL('../../scenarios/request-trace.yaml', import.meta.url), 'utf8'));
const withoutWall = ({ wallMs: _w, traces: _t, ...rest }: RunResult) => rest;

describe('the worker traces requests', () => {
  it('returns the run with traces of the slowest, the p99 and a sample when asked, the same run otherwise', async () => {
    const api = createSimApi();
    const traced = await api.run({ scenario, trace: { sample: 5 } }, () => {});
    const plain = await api.run({ scenario }, () => {});
    if (!traced.ok || !plain.ok) throw new Error('run failed');
    expect(plain.result.traces).toBeUndefined();
    expect(withoutWall(traced.result)).toEqual(withoutWall(plain.result));
    const why = (traced.result.traces ?? []).flatMap((t) => t.why);
    expect(why.filter((w) => w === 'sample')).toHaveLength(5);
    expect(why).toContain('slowest');
    expect(why).toContain('p99');
  });

  it('with traceLater answers when the run is over and replays only when traces() asks; another run drops them', async () => {
    const api = createSimApi();
    const now = await api.run({ scenario, trace: { sample: 5 } }, () => {});
    const later = await api.run({ scenario, trace: { sample: 5 }, traceLater: true }, () => {});
    if (!now.ok || !later.ok) throw new Error('run failed');
    expect(later.result.traces).toBeUndefined();
    expect(withoutWall(later.result)).toEqual(withoutWall(now.result));
    expect(await api.traces()).toEqual(now.result.traces);
    // asked once: the next call has nothing to replay
    expect(await api.traces()).toBeUndefined();
    await api.run({ scenario, trace: { sample: 5 }, traceLater: true }, () => {});
    await api.run({ scenario }, () => {});
    expect(await api.traces()).toBeUndefined();
  });

  it('replays in slices and gives up, with no traces, once stopped', async () => {
    const s = resolveScenario({ ...scenario, duration: '10m' });
    const first = new Run(s, { watch: true });
    while (!first.step(10_000_000));
    // 72,000 requests take far more than one 30 ms slice
    expect(await replayTraces(s, first, {}, undefined, () => true)).toBeUndefined();
    const traces = await replayTraces(s, first, { sample: 3 }, undefined, () => false);
    expect(traces?.map((t) => t.why.join())).toContain('slowest');
  });
});

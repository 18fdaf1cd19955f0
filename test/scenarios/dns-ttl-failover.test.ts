import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const text = readFileSync(new URL('../../scenarios/dns-ttl-failover.yaml', import.meta.url), 'utf8');
const run = (variant?: string) => runScenario(loadScenario(text, { variant }));
const KILL = 60_000;

describe('scenarios/dns-ttl-failover.yaml', () => {
  const long = run(),
    short = run('short-ttl');
  const errorsIn = (r: ReturnType<typeof run>, from: number, to: number) =>
    r.series.t.reduce((a, t, i) => a + (t >= from && t < to ? (r.series.errorsPerSec[i] * r.series.bucketMs) / 1000 : 0), 0);

  it('fails nothing before web1 dies', () => {
    for (const r of [long, short]) expect(errorsIn(r, 0, KILL)).toBe(0);
  });

  it('keeps sending users with a cached answer to the dead server until their TTL runs out', () => {
    expect(errorsIn(long, KILL, KILL + 10_000)).toBeGreaterThan(100);
    expect(errorsIn(long, KILL + 20_000, KILL + 30_000)).toBeGreaterThan(0);
    expect(errorsIn(long, KILL + 31_000, 120_000)).toBe(0); // 30 s TTL + a lookup
  });

  it('fails over within the short TTL, at the price of more lookups', () => {
    expect(errorsIn(short, KILL + 6_000, 120_000)).toBe(0);
    expect(short.summary.failures.error).toBeLessThan(long.summary.failures.error / 3);
    expect(short.components.dns.lookups).toBeGreaterThan(3 * (long.components.dns.lookups as number));
    expect(short.summary.latencyMs.mean).toBeGreaterThan(long.summary.latencyMs.mean); // lookups cost ~20 ms
  });
});

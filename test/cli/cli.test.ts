import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const archsim = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/archsim.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = (name: string, text: string) => {
  const dir = mkdtempSync(join(tmpdir(), 'archsim-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

describe('archsim CLI', () => {
  it('run prints a JMeter-style report with totals and per-component rows', () => {
    const { code, out } = archsim('run', 'scenarios/mm1.yaml', '--duration', '1m');
    expect(code).toBe(0);
    expect(out).toMatch(/Label\s+# Samples\s+Failures\s+Error %\s+Throughput\/s\s+Mean\s+p50\s+p90\s+p95\s+p99\s+Max/);
    expect(out).toMatch(/^TOTAL\s+[\d,]+/m);
    expect(out).toMatch(/^app\s+service/m);
  });

  it('run --json prints exactly one JSON document, identical across runs apart from wallMs', () => {
    const a = archsim('run', 'scenarios/mm1.yaml', '--duration', '1m', '--seed', '9', '--json');
    const b = archsim('run', 'scenarios/mm1.yaml', '--duration', '1m', '--seed', '9', '--json');
    expect(a.code).toBe(0);
    const ja = JSON.parse(a.out),
      jb = JSON.parse(b.out);
    for (const k of ['title', 'seed', 'simulatedMs', 'wallMs', 'events', 'summary', 'phases', 'components', 'series'])
      expect(ja).toHaveProperty(k);
    expect(ja.seed).toBe(9);
    delete ja.wallMs;
    delete jb.wallMs;
    expect(JSON.stringify(ja)).toBe(JSON.stringify(jb));
  });

  it('--set, --variant and --csv work together', () => {
    const { code, out } = archsim(
      'run',
      'scenarios/load-balanced.yaml',
      '--variant',
      '1-instance',
      '--set',
      'users.rate=50/s',
      '--duration',
      '30s',
      '--csv',
    );
    expect(code).toBe(0);
    const [head, total] = out.trim().split('\n');
    expect(head.startsWith('label,kind,samples')).toBe(true);
    expect(total).toMatch(/^TOTAL,summary,\d+/);
  });

  it('--replications gives every figure its mean and 95% confidence half-width, in the result shape', () => {
    const { code, out } = archsim('run', 'scenarios/mm1.yaml', '--duration', '90s', '--replications', '3', '--json');
    expect(code).toBe(0);
    const j = JSON.parse(out);
    expect(j.seeds).toEqual([42, 43, 44]);
    expect(j.summary.latencyMs.mean.halfWidth).toBeGreaterThan(0);
    expect(j.components.app.utilization.halfWidth).toBeGreaterThan(0);
    expect(j.summary.cost.perMonth.mean).toBeGreaterThan(0);
    expect(j.runs.map((r: { seed: number }) => r.seed)).toEqual([42, 43, 44]);
  });

  it('bad input exits 2 naming file, line:column, path and what is expected', () => {
    const file = tmp(
      'bad.yaml',
      'duration: 1m\ncomponents:\n  users: { kind: client, rate: 10/s }\n  app: { kind: service, workers: 0 }\nlinks:\n  - { from: users, to: app }\n',
    );
    const { code, err } = archsim('run', file);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:4:`);
    expect(err).toContain('components.app.workers');
    expect(err).toMatch(/integer/);
  });

  it('refuses a run far beyond reason up front, naming the estimate and --max-events', () => {
    const { code, err } = archsim('run', 'scenarios/mm1.yaml', '--duration', '100000h', '--set', 'users.rate=100000/s');
    expect(code).toBe(3);
    expect(err).toMatch(/too large/);
    expect(err).toContain('--max-events');
  });

  it('validate checks every file and every variant', () => {
    const ok = archsim('validate', 'scenarios/mm1.yaml', 'scenarios/load-balanced.yaml');
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('variants: 1-instance, 3-instances, 4-instances');
    const bad = archsim('validate', tmp('x.yaml', 'components:\n  a: { kind: sevice }\n'));
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/did you mean "service"/);
  });

  it('unknown options and missing files are usage errors', () => {
    expect(archsim('run', 'scenarios/mm1.yaml', '--frobnicate').code).toBe(2);
    const missing = archsim('run', 'nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file');
  });
});

/**
 * The analysis in the outputs: the text report's Theory and Bottleneck sections
 * and `analysis` in `archsim run --json` (docs/output.md).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import { textReport } from '../../src/run/report.js';

const root = new URL('../..', import.meta.url).pathname;

const mm1 = `
title: M/M/1
seed: 5
duration: 120s
warmup: 10s
components:
  users: { kind: client, rate: 500/s }
  app: { kind: service, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
`;

describe('the text report', () => {
  it('has a Theory section (model, ρ, predicted / simulated with ✓ or ✗, tolerance) and a Bottleneck section with its sentence', () => {
    const text = textReport(runScenario(loadScenario(mm1)));
    const theory = text.slice(text.indexOf('\nTheory'));
    expect(theory).toMatch(/^Id\s+Model\s+ρ\s+Wait\s+Sojourn\s+Wait p99\s+Sojourn p99\s+Util\s+Tol$/m);
    expect(theory).toMatch(/^app\s+M\/M\/1\s+0\.5\d\s+(\S+ \/ \S+ ✓\s+){5}\d+\/\d+%\s+agrees$/m);
    expect(theory).toMatch(/^ {2}app — M\/M\/1, Pollaczek–Khinchine: Poisson arrivals at \d+ req\/s per queue, 1 server/m);
    expect(theory).toMatch(/^Bottleneck \(utilisation law U = X·D/m);
    expect(theory).toMatch(/^app\s+service\s+1\.00\s+1\.00\s+1\s+1\.00\s+\d,?\d{3}\s+\d\d\.\d% \/ \d\d\.\d%$/m);
    expect(theory).toMatch(
      /^ {2}app saturates first: at most \d,\d{3} req\/s \(now \d{3} req\/s, 5\d %\); add instances or workers there\.$/m,
    );
  });

  it('prints a closed workload’s bounds', () => {
    const text = textReport(
      runScenario(loadScenario(mm1.replace('rate: 500/s', 'users: 4, thinkTime: exp(2ms)').replace('duration: 120s', 'duration: 30s'))),
    );
    expect(text).toMatch(/^ {2}Closed workload, N = 4 users, Z = 2\.00 ms, D = (0\.99|1\.0\d) ms, D_max = (0\.99|1\.0\d) ms:$/m);
    expect(text).toMatch(
      /^ {4}X ≤ min\(N\/\(D\+Z\), 1\/D_max\) = [\d,]+ req\/s \(simulated \d{3}\); R ≥ max\(D, N·D_max − Z\) = \d\.\d\d ms \(simulated \d\.\d\d ms\); N\* = \(D\+Z\)\/D_max = 3\.\d users$/m,
    );
  });
});

describe('archsim run --json', () => {
  it('carries analysis: theory per component with workers and the bottleneck', () => {
    const r = spawnSync(process.execPath, [join(root, 'bin/archsim.js'), 'run', 'scenarios/mm1.yaml', '--duration', '2m', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    const { analysis } = JSON.parse(r.stdout);
    expect(analysis.theory.map((t: { id: string; model: string }) => [t.id, t.model])).toEqual([['app', 'M/M/1']]);
    expect(Object.keys(analysis.theory[0].comparisons[0])).toEqual([
      'figure',
      'label',
      'unit',
      'predicted',
      'simulated',
      'allowed',
      'agrees',
    ]);
    expect(analysis.bottleneck.bottleneck).toBe('app');
    expect(analysis.bottleneck.maxThroughputRps).toBeGreaterThan(95);
    expect(analysis.bottleneck.maxThroughputRps).toBeLessThan(105);
  });
});

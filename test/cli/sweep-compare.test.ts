import { describe, expect, it } from 'vitest';
import { archsim, tmpFile } from './run-cli.js';
import { CSV_REPLICATIONS_HEADER } from '../../src/output/csv-replications.js';

/** The JSON without wall-clock time, which is the only thing allowed to differ between runs of the same seeds. */
const withoutWall = (text: string) => JSON.stringify(JSON.parse(text), (k, v) => (k === 'wallMs' ? undefined : v));

const MM1 = `title: M/M/1
seed: 5
duration: 20s
warmup: 2s
components:
  users: { kind: client, rate: 500/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
`;

describe('archsim run --replications on worker threads', () => {
  it('gives byte-identical results on 1 and 3 worker threads (JSON apart from wallMs)', () => {
    const one = archsim('run', 'scenarios/mm1.yaml', '--duration', '40s', '--replications', '4', '--json', '--jobs', '1');
    const three = archsim('run', 'scenarios/mm1.yaml', '--duration', '40s', '--replications', '4', '--json', '--jobs', '3');
    expect(one.code).toBe(0);
    expect(three.code).toBe(0);
    expect(withoutWall(three.out)).toBe(withoutWall(one.out));
    expect(JSON.parse(one.out).runs).toHaveLength(4);
  });

  it('--replications with --csv writes the CSV with a _ci95 column after every figure, not text', () => {
    const r = archsim('run', 'scenarios/mm1.yaml', '--duration', '50s', '--replications', '3', '--csv', '--jobs', '2');
    expect(r.code).toBe(0);
    const [head, total, app] = r.out
      .trim()
      .split('\n')
      .filter((l) => /^(label|TOTAL|app),/.test(l));
    expect(head).toBe(CSV_REPLICATIONS_HEADER);
    expect(head.split(',')).toHaveLength(24);
    const cells = total.split(',');
    expect(cells).toHaveLength(24);
    expect(cells.slice(0, 2)).toEqual(['TOTAL', 'summary']);
    const col = (name: string) => head.split(',').indexOf(name);
    expect(Number(cells[col('p99_ms')])).toBeGreaterThan(0);
    expect(Number(cells[col('p99_ms_ci95')])).toBeGreaterThan(0);
    expect(app.split(',')[1]).toBe('service');
  });
});

describe('archsim sweep', () => {
  it('sweeps the rate of an M/M/1: every point with p50/p95/p99, throughput and errors ± CI, the M/M/1 closed form, the knee; identical on 1 and 3 threads', () => {
    const file = tmpFile('mm1.yaml', MM1);
    const args = ['sweep', file, '--set', 'users.rate=100/s..900/s', '--steps', '5', '--replications', '2', '--json'];
    const one = archsim(...args, '--jobs', '1');
    const three = archsim(...args, '--jobs', '3');
    expect(one.err).toBe('');
    expect(three.out).toBe(one.out);
    const j = JSON.parse(one.out);
    expect(j.param).toBe('users.rate');
    expect(j.points.map((p: { value: string }) => p.value)).toEqual(['100/s', '300/s', '500/s', '700/s', '900/s']);
    expect(j.seeds).toEqual([5, 6]);
    expect(j.theory).toEqual({ model: 'M/M/1' });
    for (const p of j.points) {
      for (const f of ['p50', 'p95', 'p99']) expect(p.latencyMs[f].halfWidth).toBeGreaterThanOrEqual(0);
      expect(p.throughputRps.mean).toBeGreaterThan(0);
      expect(p.errorRate.mean).toBe(0);
      // W = 1/(μ − λ) in ms with μ = 1/ms
      expect(p.theory.meanMs).toBeCloseTo(1 / (1 - p.x / 1000), 6);
    }
    expect(j.knee.value).toBe('700/s');
    const text = archsim('sweep', file, '--set', 'users.rate=100/s..900/s', '--steps', '5', '--replications', '2', '--jobs', '2');
    expect(text.out).toContain('Knee: users.rate = 700/s');
    expect(text.out).toContain('Theory: M/M/1 closed form at each point.');
    expect(text.out).toMatch(/^700\/s .* ◀ knee$/m);
  });

  it('shows the knee of a sweep of instances on scenarios/load-balanced.yaml: 2 instances, where p99 stops falling', () => {
    const r = archsim(
      'sweep',
      'scenarios/load-balanced.yaml',
      '--set',
      'web.instances=1..5',
      '--duration',
      '40s',
      '--replications',
      '3',
      '--csv',
    );
    expect(r.err).toBe('');
    const rows = r.out.trim().split('\n');
    const head = rows[0].split(',');
    const at = (value: string, column: string) => rows.find((l) => l.split(',')[1] === value)!.split(',')[head.indexOf(column)];
    expect(rows).toHaveLength(6);
    expect(at('2', 'knee')).toBe('1');
    expect(Number(at('1', 'p99_ms'))).toBeGreaterThan(1.5 * Number(at('2', 'p99_ms')));
    // beyond the knee more instances buy little: within 10 % of the p99 at 2
    expect(Number(at('5', 'p99_ms'))).toBeGreaterThan(0.9 * Number(at('2', 'p99_ms')));
    expect(at('3', 'theory_p99_ms')).toBe('');
  });

  it("takes the scenario's sweep: block when no --set sweeps", () => {
    const file = tmpFile('block.yaml', `${MM1}sweep: { param: app.workers, values: [1, 2], replications: 2 }\n`);
    const r = archsim('sweep', file, '--json', '--duration', '10s');
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.points.map((p: { set: string }) => p.set)).toEqual(['app.workers=1', 'app.workers=2']);
    expect(j.seeds).toEqual([5, 6]);
    expect(j.theory.none).toBe('no closed form: the curve is drawn against users.rate, not app.workers');
  });

  it('refuses a sweep it cannot run, exit 2, naming what is wrong', () => {
    const file = tmpFile('mm1.yaml', MM1);
    const none = archsim('sweep', file);
    expect(none.code).toBe(2);
    expect(none.err).toContain(`sweep needs --set id.param=FROM..TO (e.g. users.rate=100/s..1000/s) or a sweep: block in ${file}`);
    const two = archsim('sweep', file, '--set', 'users.rate=1/s..2/s', '--set', 'app.workers=1..3');
    expect(two.err).toContain('sweep varies one parameter; got --set users.rate=1/s..2/s and --set app.workers=1..3');
    const mixed = archsim('sweep', file, '--set', 'users.rate=1/s..2s');
    expect(mixed.code).toBe(2);
    expect(mixed.err).toContain('--set users.rate=1/s..2s: expected a range of two numbers, two rates');
    const bad = archsim('sweep', file, '--set', 'app.workers=0..2');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/components\.app\.workers: expected an integer .*, got 0 \(from --set app\.workers=0\)/);
    const big = archsim('sweep', file, '--set', 'users.rate=100/s..900/s', '--max-events', '100000');
    expect(big.code).toBe(3);
    expect(big.err).toMatch(/a sweep of 10 points × 3 replications \(≈ [\d,.e]+ events\) exceed the limit of 100,000 events/);
    const many = archsim('sweep', file, '--set', 'app.workers=1..200', '--replications', '51');
    expect(many.code).toBe(3);
    expect(many.err).toContain('a sweep of 200 points × 51 replications make 10,200 runs, more than the 10,000 one campaign may hold');
  });
});

describe('archsim compare', () => {
  it('pairs the seeds of two variants and reports the paired difference with its CI', () => {
    const args = ['compare', 'scenarios/load-balanced.yaml', '--variant', '1-instance', '--variant', '3-instances', '--duration', '30s'];
    const r = archsim(...args, '--replications', '5', '--json');
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.base.name).toBe('1-instance');
    expect(j.variant.name).toBe('3-instances');
    expect(j.seeds).toEqual([7, 8, 9, 10, 11]);
    const p99 = j.differences.find((d: { path: string }) => d.path === 'summary.latencyMs.p99');
    expect(p99.pairs).toBe(5);
    expect(p99.difference.mean).toBeCloseTo(p99.variant.mean - p99.base.mean, 2);
    expect(p99.difference.mean + p99.difference.halfWidth).toBeLessThan(0);
    // same seeds, same arrivals: the load both sides measured is identical
    const requests = j.differences.find((d: { path: string }) => d.path === 'summary.requests');
    expect(requests.difference).toEqual({ mean: 0, halfWidth: 0 });
    const text = archsim(...args, '--replications', '5');
    expect(text.out).toMatch(/3-instances cuts p99 by [\d.]+ ms ± [\d.]+ ms \([\d.]+ ms → [\d.]+ ms\)/);
    expect(text.out).toContain('no difference in throughput detected');
  });

  it('pairs a variant that patches seed: with the base seeds all the same', () => {
    const file = tmpFile('seeds.yaml', `${MM1}variants:\n  other-seed: { seed: 99, components: { app: { workers: 2 } } }\n`);
    const r = archsim('compare', file, '--variant', 'other-seed', '--replications', '3', '--duration', '5s', '--json', '--jobs', '1');
    expect(r.err).toBe('');
    const j = JSON.parse(r.out);
    expect(j.base.name).toBe('as written');
    expect(j.seeds).toEqual([5, 6, 7]);
    expect(j.variant.seeds).toEqual([5, 6, 7]);
  });

  it('needs one or two variants', () => {
    const r = archsim('compare', 'scenarios/load-balanced.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('compare expects --variant B (compared with the file as written) or --variant A --variant B');
  });
});

import { describe, it, expect } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archsim } from './run-cli.js';
import { expandDesigns, reportNames } from '../../src/cli/check-batch.js';
import { withGoalsOf } from '../../src/cli/check-run.js';
import { parseXml } from './xml.js';

const SCENARIO = `version: 1
title: two workers
seed: 3
duration: 20s
components:
  users: { kind: client, rate: 800/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
goals:
  - { name: p99 under 15 ms, metric: summary.latencyMs.p99, below: 15ms }
  - { name: no errors, metric: summary.errorRate, below: 0.1% }
locked: [components.users, duration]
`;

const design = (workers: number, rate = '800/s') =>
  SCENARIO.replace('workers: 1', `workers: ${workers}`).replace('rate: 800/s', `rate: ${rate}`);

/** A class folder: two passing designs, one too slow, one that changed the workload, two broken files. */
function classFolder(): { dir: string; scenario: string } {
  const dir = mkdtempSync(join(tmpdir(), 'archsim-batch-'));
  mkdirSync(join(dir, 'subs'));
  const scenario = join(dir, 'challenge.yaml');
  writeFileSync(scenario, SCENARIO);
  const files: Record<string, string> = {
    'ana.yaml': design(2),
    'ben.yaml': design(1),
    'cai.yaml': design(1, '100/s'),
    'dee.yaml': 'components: [not, a, scenario',
    'eve.yaml': design(3).replace('kind: service', 'kind: servce'),
    'fay.json': JSON.stringify({
      version: 1,
      duration: '20s',
      components: { users: { kind: 'client', rate: '800/s' }, app: { kind: 'service', workers: 4, serviceTime: 'exp(1ms)' } },
      links: [{ from: 'users', to: 'app' }],
    }),
    'notes.txt': 'not a design',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'subs', name), text);
  return { dir, scenario };
}

describe("archsim check FILE --design 'subs/*.yaml' (grading a folder)", () => {
  it('grades every submission on worker threads: a CSV row each, a broken one is a row with its error, the batch goes on', () => {
    const { dir, scenario } = classFolder();
    const out = join(dir, 'reports');
    const r = archsim('check', scenario, '--design', join(dir, 'subs/*.yaml'), '--jobs', '2', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('file,passed,failed,score,max_score,error');
    const rows = Object.fromEntries(lines.slice(1).map((l) => [l.split(',')[0].replace(/.*\//, ''), l]));
    expect(Object.keys(rows)).toEqual(['ana.yaml', 'ben.yaml', 'cai.yaml', 'dee.yaml', 'eve.yaml']);
    expect(rows['ana.yaml']).toMatch(/,2,0,2,2,$/);
    expect(rows['ben.yaml']).toMatch(/,1,1,1,2,$/);
    expect(rows['cai.yaml']).toMatch(/,0,2,0,2,changes locked paths: components\.users$/);
    expect(rows['dee.yaml']).toMatch(/,0,2,0,2,.*dee\.yaml:1:\d+: /);
    expect(rows['eve.yaml']).toMatch(
      /,0,2,0,2,.*eve\.yaml:7:\d+: components\.app\.kind: unknown kind ""servce""; did you mean ""service""\?/,
    );
    expect(readFileSync(join(out, 'results.csv'), 'utf8')).toBe(`${r.out.trim()}\n`);
    expect(readFileSync(join(out, 'ana.txt'), 'utf8')).toContain('2 of 2 goals passed; score 2/2');
    expect(JSON.parse(readFileSync(join(out, 'ben.json'), 'utf8')).checks[0].goals[0].status).toBe('fail');
    expect(parseXml(readFileSync(join(out, 'eve.xml'), 'utf8')).attrs.failures).toBe('2');
  });

  it('grades a folder given by name (.yaml, .yml and .json files) the same on one worker as on several', () => {
    const { dir, scenario } = classFolder();
    const one = archsim('check', scenario, '--design', join(dir, 'subs'), '--jobs', '1');
    const three = archsim('check', scenario, '--design', join(dir, 'subs'), '--jobs', '3');
    expect(one.out).toBe(three.out);
    expect(one.out).toMatch(/fay\.json,2,0,2,2,\n/);
    expect(one.out).not.toContain('notes.txt');
  });

  it('stops before grading when the scenario itself is malformed (exit 2) or nothing matches', () => {
    const { dir } = classFolder();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, SCENARIO.replace('metric: summary.errorRate', 'metric: summary.errorRat'));
    const r = archsim('check', bad, '--design', join(dir, 'subs/*.yaml'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bad\.yaml:12:\d+: goals\[1\]\.metric/);
    expect(r.out).toBe('');
    const none = archsim('check', join(dir, 'challenge.yaml'), '--design', join(dir, 'subs/*.toml'));
    expect(none.code).toBe(2);
    expect(none.err).toContain('no submissions match');
  });
});

describe('expandDesigns', () => {
  it('matches * and ? within a segment, in any segment, sorted, files only', () => {
    const { dir } = classFolder();
    expect(expandDesigns(join(dir, 'subs/?e?.yaml')).map((f) => f.slice(dir.length))).toEqual(['/subs/ben.yaml', '/subs/dee.yaml']);
    expect(expandDesigns(join(dir, 's*/*.json')).map((f) => f.slice(dir.length))).toEqual(['/subs/fay.json']);
    expect(expandDesigns(join(dir, '*'))).toEqual([join(dir, 'challenge.yaml')]);
  });

  it('names reports after the file, numbering repeats', () => {
    expect(reportNames(['a/x.yaml', 'b/x.yaml', 'c/y.json'])).toEqual(['x', 'x-2', 'y']);
  });
});

describe('withGoalsOf', () => {
  it("puts the scenario's goals, hints, locked paths and variants in place of the submission's", () => {
    const ref = { goals: [1], hints: ['h'], locked: ['duration'], variants: { peak: { a: 1 } } };
    const sub = { duration: '1m', goals: [2], hints: ['mine'], variants: { mine: { b: 1 }, peak: { b: 2 } } };
    expect(withGoalsOf(ref, sub)).toEqual({
      duration: '1m',
      goals: [1],
      hints: ['h'],
      locked: ['duration'],
      variants: { mine: { b: 1 }, peak: { a: 1 } },
    });
    expect(withGoalsOf({ goals: [1] }, { goals: [2], duration: '1s' })).toEqual({ duration: '1s', goals: [1] });
  });
});

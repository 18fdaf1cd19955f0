import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { archsim, tmpFile } from './run-cli.js';
import { parseXml, type XmlElement } from './xml.js';

/** M/M/1 at ρ = 0.8 with 1 ms service: mean 5 ms, p99 = ln(100) × 5 ms ≈ 23 ms. */
const MM1 = `version: 1
title: M/M/1 at 80 %
seed: 1
duration: 30s
warmup: 5s
components:
  users: { kind: client, rate: 800/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
goals:
  - { name: mean under 10 ms, metric: summary.latencyMs.mean, below: 10ms }
  - { name: p99 under 15 ms, metric: summary.latencyMs.p99, below: 15ms, why: "Add a **worker**: at 80 % busy the queue is long.", points: 2 }
  - { name: two workers p99, metric: summary.latencyMs.p99, below: 15ms, variant: two-workers }
hints: [Read app's utilisation.]
locked: [components.users, duration, warmup]
variants:
  two-workers: { components: { app: { workers: 2 } } }
`;

/** A student's design: two workers, and goals of its own that the check must ignore. */
const GOOD = `version: 1
title: my design
seed: 1
duration: 30s
warmup: 5s
components:
  users: { kind: client, rate: 800/s }
  app: { kind: service, workers: 2, serviceTime: exp(1ms) }
links:
  - { from: users, to: app }
goals:
  - { name: anything goes, metric: summary.latencyMs.p99, below: 1000s }
`;

const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const scenarioFile = () => tmpFile('mm1.yaml', MM1);

describe('archsim check FILE (the scenario as written)', () => {
  it('prints each goal with its measured value and target, why under a failure, and exits 1 when one fails', () => {
    const { code, out, err } = archsim('check', scenarioFile());
    expect(err).toBe('');
    expect(code).toBe(1);
    expect(out).toMatch(/PASS\s+mean under 10 ms\s+[45]\.\d+ ms \(target below 10\.0 ms\)/);
    expect(out).toMatch(/FAIL\s+p99 under 15 ms\s+2\d\.\d ms \(target below 15\.0 ms\)/);
    expect(out).toContain('Add a **worker**: at 80 % busy the queue is long.');
    expect(out).toMatch(/PASS\s+two workers p99\s+[\d.]+ ms \(target below 15\.0 ms\) \[two-workers\]/);
    expect(out).toContain('2 of 3 goals passed; score 2/4');
  });

  it('exits 0 when every goal passes (--variant checks a reference kept as a variant)', () => {
    const { code, out } = archsim('check', scenarioFile(), '--variant', 'two-workers');
    expect(code).toBe(0);
    expect(out).toContain('3 of 3 goals passed; score 4/4');
  });

  it('with --replications reports value ± 95% CI and calls a straddled target not decided, which fails', () => {
    const file = tmpFile('mm1.yaml', MM1.replace('below: 10ms }', 'below: 5ms }'));
    const { code, out } = archsim('check', file, '--replications', '5');
    expect(code).toBe(1);
    expect(out).toMatch(/NOT DECIDED\s+mean under 10 ms\s+5\.\d+ ms ± 0\.\d+ ms \(target below 5\.00 ms\)/);
    expect(out).toContain('not decided — raise replications');
    expect(out).toMatch(/FAIL\s+p99 under 15 ms\s+2\d\.\d ms ± [\d.]+ ms/);
  });

  it('refuses a scenario without goals, a malformed scenario and a bad command line with exit 2 and no stack trace', () => {
    const plain = tmpFile(
      'plain.yaml',
      'duration: 1s\ncomponents:\n  users: { kind: client, rate: 10/s }\n  app: { kind: service }\nlinks: [{ from: users, to: app }]\n',
    );
    const none = archsim('check', plain);
    expect(none.code).toBe(2);
    expect(none.err).toContain(`${plain}: goals: this scenario has no goals to check`);
    const bad = tmpFile('bad.yaml', MM1.replace('metric: summary.latencyMs.mean', 'metric: summary.latencyMs.mena'));
    const r = archsim('check', bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`${bad}:12:\\d+: goals\\[0\\]\\.metric`));
    expect(r.err).not.toMatch(/\n\s+at /);
    const both = archsim('check', scenarioFile(), '--json', '--junit', '/tmp/x.xml');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--json and --junit exclude each other');
    expect(archsim('check', scenarioFile(), '--frobnicate').err).toContain('unknown option --frobnicate');
  });

  it('is listed in archsim help with its options', () => {
    const { code, out } = archsim('help');
    expect(code).toBe(0);
    expect(out).toContain('archsim check FILE... [options]');
    for (const flag of ['--design SUBMISSION', '--jobs N', '--out DIR', '--junit OUT', '--gradescope OUT', '--replications N'])
      expect(out).toContain(flag);
  });

  it('shows control characters in goal names and why as escapes, never raw', () => {
    const file = tmpFile('evil.yaml', MM1.replace('name: p99 under 15 ms', 'name: "p99\\e]0;pwned\\a"'));
    const { out } = archsim('check', file);
    expect(out).toContain('p99\\e]0;pwned\\a');
    expect(out).not.toMatch(RAW_CONTROL);
  });
});

describe('archsim check FILE --design SUBMISSION', () => {
  it("takes the goals from FILE, never from the submission, and runs the student's design", () => {
    const { code, out } = archsim('check', scenarioFile(), '--design', tmpFile('good.yaml', GOOD));
    expect(code).toBe(0);
    expect(out).toMatch(/good\.yaml against .*mm1\.yaml — M\/M\/1 at 80 %/);
    expect(out).toMatch(/PASS\s+p99 under 15 ms/);
    expect(out).not.toContain('anything goes');
  });

  it('fails a design that meets its own goals but not the scenario’s', () => {
    const weak = GOOD.replace('workers: 2', 'workers: 1');
    const { code, out } = archsim('check', scenarioFile(), '--design', tmpFile('weak.yaml', weak));
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL\s+p99 under 15 ms/);
    expect(out).toContain('Add a **worker**');
  });

  it('applies the scenario’s variant to the design for a goal that names one', () => {
    // the student's own "two-workers" variant would give the app 50 workers; FILE's gives 2
    const own = `${GOOD.replace('workers: 2', 'workers: 1')}variants:\n  two-workers: { components: { app: { workers: 50, serviceTime: 20ms } } }\n`;
    const { out } = archsim('check', scenarioFile(), '--design', tmpFile('own.yaml', own), '--json');
    const goal = JSON.parse(out).checks[0].goals[2];
    expect(goal).toMatchObject({ name: 'two workers p99', variant: 'two-workers', status: 'pass' });
    expect(goal.value).toBeLessThan(15);
  });

  it('refuses a design that changes locked paths, naming each one, with exit 1 and every goal failed', () => {
    const cheat = GOOD.replace('rate: 800/s', 'rate: 100/s').replace('duration: 30s', 'duration: 10s');
    const { code, out } = archsim('check', scenarioFile(), '--design', tmpFile('cheat.yaml', cheat));
    expect(code).toBe(1);
    expect(out).toContain('refused: the design changes locked paths: components.users, duration');
    expect(out).toContain('0 of 3 goals passed; score 0/4');
  });

  it('accepts a locked value written another way (1m for 60s) and a moved component', () => {
    const file = tmpFile('mm1.yaml', MM1.replace('duration: 30s', 'duration: 60s'));
    const same = GOOD.replace('duration: 30s', 'duration: 1m').replace(
      'users: { kind: client',
      'users: { position: { x: 5, y: 9 }, kind: client',
    );
    const { code, out } = archsim('check', file, '--design', tmpFile('same.yaml', same));
    expect(out).not.toContain('refused');
    expect(code).toBe(0);
  });

  it('reports a malformed submission at its file:line:col with exit 2, still writing the report', () => {
    const broken = tmpFile('broken.yaml', GOOD.replace('kind: service', 'kind: servce'));
    const gs = join(dirname(broken), 'results.json');
    const { code, out, err } = archsim('check', scenarioFile(), '--design', broken, '--gradescope', gs);
    expect(code).toBe(2);
    expect(err).toContain(`${broken}:8:16: components.app.kind: unknown kind "servce"; did you mean "service"?`);
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toContain('refused: the design could not be checked');
    const results = JSON.parse(readFileSync(gs, 'utf8'));
    expect(results.score).toBe(0);
    expect(results.output).toContain('did you mean "service"?');
  });
});

describe('archsim check output formats', () => {
  it('--json prints one document: passed, and per check every goal with status, value, target and points', () => {
    const { code, out } = archsim('check', scenarioFile(), '--json');
    expect(code).toBe(1);
    const doc = JSON.parse(out);
    expect(doc.passed).toBe(false);
    expect(doc.checks).toHaveLength(1);
    const [c] = doc.checks;
    expect(c).toMatchObject({ title: 'M/M/1 at 80 %', passed: false, score: 2, maxScore: 4, replications: 1 });
    expect(c.goals.map((g: { status: string }) => g.status)).toEqual(['pass', 'fail', 'pass']);
    expect(c.goals[1]).toMatchObject({
      name: 'p99 under 15 ms',
      metric: 'summary.latencyMs.p99',
      targetText: 'below 15.0 ms',
      points: 2,
      score: 0,
    });
    expect(c.goals[1].why).toContain('Add a **worker**');
    expect(c.goals[0].why).toBeUndefined();
    expect(c.goals[1].value).toBeGreaterThan(15);
  });

  it('--junit OUT writes well-formed JUnit XML: testsuites › testsuite › a testcase per goal, <failure message> on a failing one', () => {
    const file = scenarioFile();
    const out = join(dirname(file), 'junit.xml');
    const r = archsim('check', file, '--junit', out);
    expect(r.code).toBe(1);
    const root = parseXml(readFileSync(out, 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.attrs).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    const suites = root.children.filter((e) => e.name === 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0].attrs).toMatchObject({ name: file, tests: '3', failures: '1', errors: '0', skipped: '0' });
    const cases = suites[0].children.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => c.attrs.name)).toEqual(['mean under 10 ms', 'p99 under 15 ms', 'two workers p99']);
    for (const c of cases) expect(c.attrs.classname).toBe(file);
    const failures = (c: XmlElement) => c.children.filter((e) => e.name === 'failure');
    expect(cases.map((c) => failures(c).length)).toEqual([0, 1, 0]);
    const [failure] = failures(cases[1]);
    expect(failure.attrs.message).toMatch(/^summary\.latencyMs\.p99 is 2\d\.\d ms, target below 15\.0 ms$/);
    expect(failure.text).toContain('Add a **worker**');
  });

  it('escapes markup and control characters in JUnit attributes and text', () => {
    const file = tmpFile('x.yaml', MM1.replace('name: p99 under 15 ms', `name: "<p99> & \\"quotes\\" \\e[2J"`));
    const out = join(dirname(file), 'junit.xml');
    archsim('check', file, '--junit', out);
    const root = parseXml(readFileSync(out, 'utf8'));
    expect(root.children[0].children.filter((e) => e.name === 'testcase')[1].attrs.name).toBe('<p99> & "quotes" \\e[2J');
  });

  it("--gradescope OUT writes Gradescope's results.json: score, and tests[] with name, score, max_score, status and output", () => {
    const file = scenarioFile();
    const out = join(dirname(file), 'results.json');
    expect(archsim('check', file, '--gradescope', out).code).toBe(1);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    const visibility = ['hidden', 'after_due_date', 'after_published', 'visible'];
    expect(typeof results.score).toBe('number');
    expect(results.score).toBe(2);
    expect(visibility).toContain(results.stdout_visibility);
    expect(typeof results.output).toBe('string');
    expect(results.tests).toHaveLength(3);
    for (const t of results.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'output', 'score', 'status', 'visibility']);
      expect(typeof t.name).toBe('string');
      expect(typeof t.output).toBe('string');
      expect(['passed', 'failed']).toContain(t.status);
      expect(visibility).toContain(t.visibility);
    }
    expect(results.tests.map((t: { score: number; max_score: number }) => [t.score, t.max_score])).toEqual([
      [1, 1],
      [0, 2],
      [1, 1],
    ]);
    expect(results.tests[1].output).toContain('Add a **worker**');
  });
});

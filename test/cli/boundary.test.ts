import { describe, it, expect, vi, afterEach } from 'vitest';
import { archsim, tmpFile } from './run-cli.js';
import { main } from '../../src/cli/main.js';
import * as run from '../../src/run/run.js';

/** Any byte a terminal acts on: C0 controls but newline, DEL, C1 controls, bidi overrides. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const scenario = (extra = '', app = 'app: {kind: service}') =>
  `duration: 5s\ncomponents:\n  users: {kind: client, rate: 10/s}\n  ${app}\nlinks: [{from: users, to: app}]\n${extra}`;

describe('archsim CLI at the input boundary (issue #9)', () => {
  it('refuses __proto__ as a component id with its place, instead of simulating it unreported', () => {
    const file = tmpFile(
      'proto.yaml',
      scenario().replace('app: {kind: service}', '__proto__: {kind: service}').replace('to: app', 'to: __proto__'),
    );
    const { code, err, out } = archsim('run', file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(`${file}:4:3: components.__proto__: invalid id: "__proto__" is a reserved name`);
  });

  it.each(['constructor', 'prototype'])('refuses %s as a component id', (id) => {
    const { code, err } = archsim('validate', tmpFile('reserved.yaml', scenario('', `${id}: {kind: service}`)));
    expect(code).toBe(1);
    expect(err).toContain(`components.${id}: invalid id: "${id}" is a reserved name`);
  });

  it('refuses a __proto__ key inside a variant as unknown, naming the variant and its line', () => {
    const file = tmpFile('variant.yaml', scenario('variants:\n  more:\n    components:\n      app:\n        __proto__: {workers: 5}\n'));
    const { code, err } = archsim('validate', file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}:10:9: components.app.__proto__: in variant "more": unknown key "__proto__" for service`);
  });

  it('refuses --set app.__proto__.workers=5 as an unknown key instead of ignoring it', () => {
    const { code, err } = archsim('run', tmpFile('set.yaml', scenario()), '--set', 'app.__proto__.workers=5');
    expect(code).toBe(2);
    expect(err).toContain('components.app.__proto__: unknown key "__proto__" for service');
    expect(err).toContain('(from --set app.__proto__.workers=5)');
  });

  it('gives --set paths a did-you-mean where one applies', () => {
    const { code, err } = archsim('run', tmpFile('set.yaml', scenario()), '--set', 'app.wokers=5');
    expect(code).toBe(2);
    expect(err).toContain('unknown key "wokers" for service; did you mean "workers"? (from --set app.wokers=5)');
  });

  it('prints a hostile title with its control characters escaped, in text, CSV and JSON', () => {
    const file = tmpFile(
      'title.yaml',
      scenario().replace('duration: 5s', 'title: "\\e]0;pwned\\a\\e[2J\\e[31mRED\\u009b2J\\u202e"\nduration: 5s'),
    );
    const text = archsim('run', file);
    expect(text.code).toBe(0);
    expect(text.out).not.toMatch(RAW_CONTROL);
    expect(text.out.split('\n')[0]).toBe('\\e]0;pwned\\a\\e[2J\\e[31mRED\\x9b2J\\u{202e}');
    const csv = archsim('run', file, '--csv');
    expect(csv.out).not.toMatch(RAW_CONTROL);
    const json = archsim('run', file, '--json');
    expect(json.out).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json.out).title).toBe('\u001b]0;pwned\u0007\u001b[2J\u001b[31mRED\u009b2J\u202e');
  });

  it('escapes control characters that error messages echo from ids, kinds and binary input', () => {
    const kind = archsim('validate', tmpFile('kind.yaml', scenario('', 'app: {kind: "\\e[2Jservice"}')));
    expect(kind.code).toBe(1);
    expect(kind.err).toContain('unknown kind "\\e[2Jservice"');
    expect(kind.err).not.toMatch(RAW_CONTROL);
    const id = archsim('validate', tmpFile('id.yaml', scenario('', '"a\\e[2J\\u009b": {kind: service}')));
    expect(id.err).toContain('invalid id "a\\u001b[2J\\x9b"');
    expect(id.err).not.toMatch(RAW_CONTROL);
    const binary = archsim(
      'run',
      tmpFile('binary.yaml', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0x1b, 0x5b, 0x32, 0x4a, 0x9b, 0, 0])),
    );
    expect(binary.code).toBe(2);
    expect(binary.err).not.toMatch(RAW_CONTROL);
    expect(binary.err).not.toMatch(/\n\s+at /);
  });

  it('refuses --json with --csv, in either order, instead of taking the last', () => {
    for (const flags of [
      ['--json', '--csv'],
      ['--csv', '--json'],
    ]) {
      const { code, out, err } = archsim('run', 'scenarios/mm1.yaml', '--duration', '5s', ...flags);
      expect(code).toBe(2);
      expect(out).toBe('');
      expect(err).toMatch(/cannot be combined with --(json|csv): choose one output format/);
    }
  });

  it('caps replications, and replications × events, naming the limit', () => {
    const many = archsim('run', 'scenarios/mm1.yaml', '--duration', '5s', '--replications', '100000');
    expect(many.code).toBe(2);
    expect(many.err).toContain('--replications is at most 1000, got 100000');
    const heavy = archsim('run', 'scenarios/mm1.yaml', '--duration', '2m', '--replications', '50', '--max-events', '1000000');
    expect(heavy.code).toBe(3);
    expect(heavy.err).toMatch(/50 replications of about [\d,]+ events each \(≈ [\d.e]+ events\) exceed the limit of 1\.00e6 events/);
  });

  it('refuses a whitespace-padded duration instead of reading it as milliseconds', () => {
    const { code, err } = archsim('run', tmpFile('pad.yaml', scenario().replace('duration: 5s', 'duration: "  5  "')));
    expect(code).toBe(2);
    expect(err).toContain(':1:11: duration: expected a duration');
    expect(err).toContain('got "  5  " (as text it needs a unit, such as "5ms" or "5s"; the bare number 5 means milliseconds)');
  });

  it('refuses YAML nested 1,000 deep with a position, not a stack overflow', () => {
    for (const text of [
      `duration: ${'['.repeat(1000)}${']'.repeat(1000)}`,
      `a:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}b:`).join('\n')}`,
    ]) {
      const { code, err } = archsim('validate', tmpFile('deep.yaml', text));
      expect(code).toBe(1);
      expect(err).toMatch(/deep\.yaml:\d+:\d+: mappings and lists are nested more than 64 levels deep here/);
      expect(err).not.toMatch(/call stack/i);
    }
  });

  it('counts only measured requests in the drain-cut warning, agreeing with summary.inFlight', () => {
    const overloaded =
      'title: overload\nduration: 20s\nwarmup: 10s\ndrain: 1s\ncomponents:\n' +
      '  users: {kind: client, rate: 100/s}\n  app: {kind: service, workers: 1, serviceTime: 100ms}\nlinks: [{from: users, to: app}]\n';
    const { code, out } = archsim('run', tmpFile('drain.yaml', overloaded), '--json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    const cut = r.warnings.find((w: { code: string }) => w.code === 'drain-cut');
    expect(cut, 'the drain was cut').toBeDefined();
    expect(r.summary.inFlight).toBeGreaterThan(0);
    expect(cut.message).toContain(`${r.summary.inFlight.toLocaleString('en-US')} requests were still in flight`);
  });
});

describe('archsim main() when a run throws', () => {
  afterEach(() => vi.restoreAllMocks());

  it('exits 3 with a clean message and no stack trace', () => {
    vi.spyOn(run, 'runScenario').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'x')");
    });
    const err: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
    expect(main(['run', 'scenarios/mm1.yaml', '--duration', '1m'])).toBe(3);
    expect(err.join('')).toMatch(/^archsim: the run failed: Cannot read properties of undefined \(reading 'x'\)\n/);
    expect(err.join('')).not.toMatch(/\n\s+at /);
  });
});

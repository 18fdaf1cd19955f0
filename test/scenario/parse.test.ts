import { describe, it, expect } from 'vitest';
import { parseScenarioText, ScenarioError, formatProblem } from '../../src/scenario/index.js';

const text = `version: 1
components:
  app:
    kind: service
    workers: 0
  db: { kind: database, queryTime: exp(20ms) }
links:
  - { from: app, to: db }
  - from: db
    to: app
`;

const errorOf = (f: () => unknown): ScenarioError => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
};

describe('parseScenarioText', () => {
  const p = parseScenarioText(text);

  it('reads YAML into a plain object', () => {
    expect(p.raw).toEqual({
      version: 1,
      components: { app: { kind: 'service', workers: 0 }, db: { kind: 'database', queryTime: 'exp(20ms)' } },
      links: [
        { from: 'app', to: 'db' },
        { from: 'db', to: 'app' },
      ],
    });
  });

  it('locates values, keys, list items and flow mappings at line:col', () => {
    expect(p.locate(['components', 'app', 'workers'])).toEqual({ line: 5, col: 14 });
    expect(p.locate(['components', 'app', 'workers'], 'key')).toEqual({ line: 5, col: 5 });
    expect(p.locate(['components', 'db', 'queryTime'])).toEqual({ line: 6, col: 36 });
    expect(p.locate(['links', 0, 'to'])).toEqual({ line: 8, col: 22 });
    expect(p.locate(['links', 1, 'to'])).toEqual({ line: 10, col: 9 });
  });

  it('falls back to the nearest ancestor that exists', () => {
    expect(p.locate(['components', 'app', 'nope'])).toEqual({ line: 4, col: 5 });
    expect(p.locateExact(['components', 'app', 'nope'])).toBeUndefined();
    expect(p.locate(['links', 7])).toEqual({ line: 8, col: 3 });
  });

  it('reads JSON, tab-indented too, with positions', () => {
    const j = parseScenarioText('{\n\t"a": {"b": [1, 2]}\n}');
    expect(j.raw).toEqual({ a: { b: [1, 2] } });
    expect(j.locate(['a', 'b', 1])).toEqual({ line: 2, col: 17 });
  });

  it('refuses duplicate keys with their line:col', () => {
    expect(errorOf(() => parseScenarioText('a: 1\nb: 2\na: 3\n', 'f.yaml')).message).toBe(
      'f.yaml:3:1: duplicate key: a key may appear only once in a mapping',
    );
  });

  it('refuses several documents', () => {
    expect(errorOf(() => parseScenarioText('a: 1\n---\nb: 2\n', 'f.yaml')).message).toBe(
      'f.yaml:2:1: only one YAML document is allowed; remove the second "---" and what follows it',
    );
  });

  it('reports YAML syntax errors at line:col', () => {
    const e = errorOf(() => parseScenarioText('a:\n  b: 1\n c: 2\n', 'f.yaml'));
    expect(e.problems[0]).toMatchObject({ line: 3, col: 1 });
    expect(e.message).toMatch(/^f\.yaml:3:1: /);
  });

  it('refuses an alias bomb quickly', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(errorOf(() => parseScenarioText(bomb, 'bomb.yaml')).message).toBe(
      'bomb.yaml: too many YAML aliases (over 1000 expansions): refused as a possible alias bomb',
    );
  });

  it('refuses a 2 MB document without parsing it', () => {
    const big = `title: "${'x'.repeat(2_000_000)}"\n`;
    expect(errorOf(() => parseScenarioText(big, 'big.yaml')).message).toBe('big.yaml: the scenario is 2.0 MB; at most 1 MB is accepted');
  });

  it('accepts merge keys', () => {
    expect(parseScenarioText('base: &b {workers: 4}\napp:\n  <<: *b\n  kind: service\n').raw).toMatchObject({
      app: { workers: 4, kind: 'service' },
    });
  });

  it.each([
    ['{"a": *a}', 'x.yaml:1:7: *a refers to no anchor: define &a before it'],
    ['b: 1\na: *x\n', 'x.yaml:2:4: *x refers to no anchor: define &x before it'],
    ['a: &a [*a]\n', 'x.yaml:1:8: *a refers to a node that contains it, which would never end'],
    ['a: &a\n  b: [1, {c: *a}]\n', 'x.yaml:2:14: *a refers to a node that contains it, which would never end'],
  ])('refuses the alias in %j with its position (found by the fuzzer)', (text, message) => {
    expect(() => parseScenarioText(text, 'x.yaml')).toThrow(message);
  });

  it('refuses nesting deeper than 64 levels with the position where it goes too deep', () => {
    expect(() => parseScenarioText(`a: ${'['.repeat(1000)}${']'.repeat(1000)}`, 'x.yaml')).toThrow(
      'x.yaml:1:67: mappings and lists are nested more than 64 levels deep here; a scenario needs a handful',
    );
    expect(parseScenarioText(`a: ${'['.repeat(63)}${']'.repeat(63)}`).raw).toBeDefined();
  });
});

describe('formatProblem', () => {
  it('formats file:line:col: path: message, leaving out what is unknown', () => {
    const p = { path: 'components.app.workers', message: 'expected an integer ≥ 1, got 0', line: 9, col: 14 };
    expect(formatProblem(p, 'a.yaml')).toBe('a.yaml:9:14: components.app.workers: expected an integer ≥ 1, got 0');
    expect(formatProblem(p)).toBe('9:14: components.app.workers: expected an integer ≥ 1, got 0');
    expect(formatProblem({ path: 'seed', message: 'bad' }, 'a.yaml')).toBe('a.yaml: seed: bad');
    expect(formatProblem({ path: '', message: 'bad' })).toBe('bad');
  });
});

import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import {
  carryChange,
  checkSource,
  componentAt,
  lockProblems,
  helpFor,
  keysOf,
  placeAt,
  problemRange,
  schemaAt,
  valuesOf,
} from '../../src/ui/source-sync.js';

const TEXT = `# a comment on top
version: 1
duration: 10s
components:
  users:
    kind: client
    rate: 50/s
  app: # the app
    kind: service
    workers: 2 # two to start
links:
  - from: users
    to: app
`;

describe('checkSource', () => {
  it('reports a misspelt key at its line:col with did-you-mean', () => {
    const text = TEXT.replace('workers: 2', 'workrs: 2');
    const { problems, doc } = checkSource(text);
    expect(doc).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: 'components.app.workrs', line: 10, col: 5 });
    expect(problems[0].message).toMatch(/did you mean "?workers"?/);
    const r = problemRange(text, problems[0]);
    expect(text.slice(r.from, r.to)).toBe('workrs');
  });
  it('gives the design of valid text, and a syntax error with its place', () => {
    expect(checkSource(TEXT).doc?.components.app).toMatchObject({ kind: 'service', workers: 2 });
    const bad = checkSource('components:\n  a: [\n');
    expect(bad.doc).toBeUndefined();
    expect(bad.problems[0].line).toBeGreaterThan(0);
  });
});

describe('carryChange', () => {
  it('is undefined for text that does not parse', () => {
    expect(carryChange('a: [', {}, { a: 1 })).toBeUndefined();
  });
  const before = parseDocument(TEXT).toJS();
  it('changes a value and keeps every comment and the key order', () => {
    const after = structuredClone(before);
    after.components.app.workers = 4;
    expect(carryChange(TEXT, before, after)).toBe(TEXT.replace('workers: 2', 'workers: 4'));
  });
  it('renames a component in place, every byte else as written', () => {
    const after = structuredClone(before);
    after.components = { users: before.components.users, api: before.components.app };
    after.links = [{ from: 'users', to: 'api' }];
    expect(carryChange(TEXT, before, after)).toBe(TEXT.replace('  app:', '  api:').replace('to: app', 'to: api'));
  });
  it('renames a component and appends a new one, comments kept', () => {
    const after = structuredClone(before);
    after.components = { users: before.components.users, api: before.components.app, db: { kind: 'database' } };
    after.links = [{ from: 'users', to: 'api' }];
    const out = carryChange(TEXT, before, after) ?? '';
    expect(out).toMatch(/ {2}api:\s*# the app\n {4}kind: service\n {4}workers: 2 # two to start/);
    expect(out).toContain('  db:\n    kind: database');
    expect(out).toContain('to: api');
    expect(parseDocument(out).toJS()).toEqual(after);
  });
  it('deletes a removed key', () => {
    const after = structuredClone(before);
    delete after.duration;
    const out = carryChange(TEXT, before, after) ?? '';
    expect(out).not.toContain('duration');
    expect(out).toContain('# a comment on top');
  });
});

describe('completion and help from the schema', () => {
  it('knows where the cursor is', () => {
    expect(placeAt(TEXT, TEXT.indexOf('workers'))).toMatchObject({ path: ['components', 'app'], isKey: true });
    const at = TEXT.indexOf('to: app') + 4;
    expect(placeAt(TEXT, at)).toMatchObject({ path: ['links', '-'], isKey: false, key: 'to' });
    expect(placeAt(TEXT, TEXT.indexOf('from: users') + 2)).toMatchObject({ path: ['links', '-'], isKey: true, word: 'fr' });
    expect(placeAt(TEXT, TEXT.indexOf('duration'))).toMatchObject({ path: [], isKey: true });
  });
  it("offers a component's keys by its kind, the kinds, and the top-level keys", () => {
    expect(keysOf(schemaAt(TEXT, ['components', 'app'])).map((k) => k.key)).toContain('workers');
    expect(keysOf(schemaAt(TEXT, ['components', 'users'])).map((k) => k.key)).not.toContain('workers');
    expect(valuesOf(schemaAt(TEXT, ['components', 'app', 'kind'])).map((v) => v.value)).toContain('load-balancer');
    expect(keysOf(schemaAt(TEXT, [])).map((k) => k.key)).toEqual(expect.arrayContaining(['components', 'links', 'duration']));
    expect(keysOf(schemaAt(TEXT, ['links', '-'])).map((k) => k.key)).toContain('from');
  });
  it('names the component the cursor is in', () => {
    expect(componentAt(TEXT, TEXT.indexOf('workers'))).toBe('app');
    expect(componentAt(TEXT, TEXT.indexOf('app: #') + 1)).toBe('app');
    expect(componentAt(TEXT, TEXT.indexOf('rate'))).toBe('users');
    expect(componentAt(TEXT, TEXT.indexOf('duration'))).toBeUndefined();
    expect(componentAt(TEXT, TEXT.indexOf('to: app'))).toBeUndefined();
  });
  it('gives hover help with the default', () => {
    expect(helpFor(TEXT, ['components', 'app'], 'workers')).toMatch(/Default: \d/);
  });
});

describe('lockProblems', () => {
  const locked = `${TEXT}locked: [components.users.rate]\n`;
  const current = checkSource(locked).doc!;
  it('names a locked path the text changes, at its place', () => {
    const text = locked.replace('rate: 50/s', 'rate: 90/s');
    const problems = lockProblems(text, current, checkSource(text).doc!);
    expect(problems).toEqual([expect.objectContaining({ path: 'components.users.rate', line: 7, col: 5 })]);
    expect(problems[0].message).toMatch(/locked/);
  });
  it('lets through a change of a free path, and the removal of the lock itself', () => {
    const free = locked.replace('workers: 2', 'workers: 3');
    expect(lockProblems(free, current, checkSource(free).doc!)).toEqual([]);
    const unlocked = locked.replace('locked: [components.users.rate]\n', '');
    expect(lockProblems(unlocked, current, checkSource(unlocked).doc!)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { sweepChoices } from '../../src/ui/sweep-params.js';
import type { ScenarioDoc } from '../../src/state/design.js';

const doc = (components: Record<string, unknown>) => ({ components, links: [] }) as unknown as ScenarioDoc;

describe('sweepChoices', () => {
  it("offers a client's rate from an eighth of it to 1.2×, and a service's counts from 1 to twice them", () => {
    const choices = sweepChoices(doc({ users: { kind: 'client', rate: '80/s' }, app: { kind: 'service', instances: 3, workers: 1 } }));
    expect(choices.find((c) => c.path === 'users.rate')).toEqual({
      path: 'users.rate',
      label: 'users · Rate',
      from: '10/s',
      to: '96/s',
      steps: 8,
    });
    expect(choices.find((c) => c.path === 'app.instances')).toEqual({
      path: 'app.instances',
      label: 'app · Instances',
      from: '1',
      to: '6',
      steps: undefined,
    });
    expect(choices.find((c) => c.path === 'app.workers')).toMatchObject({ from: '1', to: '4' });
  });

  it("leaves out what plays no part: a closed client's rate, an open one's users, unknown kinds and texts", () => {
    const paths = sweepChoices(
      doc({ a: { kind: 'client', rate: '5/s' }, b: { kind: 'client', users: 10 }, c: { kind: 'nope', x: 1 } }),
    ).map((c) => c.path);
    expect(paths).toContain('a.rate');
    expect(paths).not.toContain('a.users');
    expect(paths).toContain('b.users');
    expect(paths).not.toContain('b.rate');
    expect(paths.some((p) => p.startsWith('c.'))).toBe(false);
    expect(paths.some((p) => p.endsWith('.arrival') || p.endsWith('.serviceTime'))).toBe(false);
  });

  it('steps a wide whole-number range in 10 instead of listing every integer', () => {
    const db = sweepChoices(doc({ db: { kind: 'service', workers: 16 } })).find((c) => c.path === 'db.workers');
    expect(db).toMatchObject({ from: '1', to: '32', steps: 10 });
  });
});

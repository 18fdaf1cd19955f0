/** lockedChanges: which locked paths a submission changed, compared on the raw parsed documents. */
import { describe, it, expect } from 'vitest';
import { parse } from 'yaml';
import { lockedChanges } from '../../src/check/locked.js';

const reference = parse(`duration: 10m
components:
  users: { kind: client, rate: 2000/s, timeout: 5s, position: { x: 10, y: 20 } }
  app: { kind: service, workers: 4, autoscale: { min: 2, max: 8 } }
  db: { kind: database, queryTime: exp(5ms) }
links: [{ from: users, to: app }, { from: app, to: db }]
goals:
  - { metric: summary.latencyMs.p99, below: 150ms }
`);
const LOCKED = ['components.users', 'components.db.queryTime', 'components.app.autoscale.max', 'duration', 'goals'];
const edit = (f: (d: any) => void) => {
  const d = structuredClone(reference);
  f(d);
  return d;
};

describe('lockedChanges', () => {
  it('is empty for an unchanged design, and for changes to unlocked paths', () => {
    expect(lockedChanges(LOCKED, reference, structuredClone(reference))).toEqual([]);
    const tuned = edit((d) => {
      d.components.app.workers = 16;
      d.components.cache = { kind: 'cache' };
      d.links.push({ from: 'app', to: 'cache' });
    });
    expect(lockedChanges(LOCKED, reference, tuned)).toEqual([]);
  });

  it('names each locked path that changed, in the order locked lists them', () => {
    const sub = edit((d) => {
      d.goals[0].below = '500ms';
      d.duration = '1m';
      d.components.users.rate = '20/s';
      d.components.db.queryTime = 'exp(1ms)';
      d.components.app.autoscale.max = 20;
    });
    expect(lockedChanges(LOCKED, reference, sub)).toEqual(LOCKED);
  });

  it('compares a locked component whole: a parameter added or removed is a change, moving it on the diagram is not', () => {
    expect(
      lockedChanges(
        LOCKED,
        reference,
        edit((d) => (d.components.users.arrival = 'uniform')),
      ),
    ).toEqual(['components.users']);
    expect(
      lockedChanges(
        LOCKED,
        reference,
        edit((d) => delete d.components.users.timeout),
      ),
    ).toEqual(['components.users']);
    expect(
      lockedChanges(
        LOCKED,
        reference,
        edit((d) => delete d.components.users),
      ),
    ).toEqual(['components.users']);
    expect(
      lockedChanges(
        LOCKED,
        reference,
        edit((d) => (d.components.users.position = { x: 500, y: 0 })),
      ),
    ).toEqual([]);
  });

  it('takes the same amount written two ways as no change, and a different one as a change', () => {
    expect(
      lockedChanges(
        ['duration'],
        reference,
        edit((d) => (d.duration = '600s')),
      ),
    ).toEqual([]);
    expect(
      lockedChanges(
        ['duration'],
        reference,
        edit((d) => (d.duration = 600_000)),
      ),
    ).toEqual([]);
    expect(
      lockedChanges(
        ['components.users.rate'],
        reference,
        edit((d) => (d.components.users.rate = '120000/min')),
      ),
    ).toEqual([]);
    expect(
      lockedChanges(
        ['components.users.rate'],
        reference,
        edit((d) => (d.components.users.rate = '2001/s')),
      ),
    ).toEqual(['components.users.rate']);
    expect(
      lockedChanges(
        ['duration'],
        reference,
        edit((d) => (d.duration = 'ten minutes')),
      ),
    ).toEqual(['duration']);
  });

  it('treats an absent value and null alike, and a locked path absent from both as unchanged', () => {
    expect(
      lockedChanges(
        ['components.app.queueCapacity', 'warmup'],
        reference,
        edit((d) => (d.warmup = null)),
      ),
    ).toEqual([]);
    expect(
      lockedChanges(
        ['warmup'],
        reference,
        edit((d) => (d.warmup = '30s')),
      ),
    ).toEqual(['warmup']);
  });

  it('compares the goals list item by item and a submission that is not a mapping as changing everything', () => {
    expect(
      lockedChanges(
        ['goals'],
        reference,
        edit((d) => d.goals.push({ metric: 'summary.errorRate', below: '1%' })),
      ),
    ).toEqual(['goals']);
    expect(
      lockedChanges(
        ['goals'],
        reference,
        edit((d) => delete d.goals),
      ),
    ).toEqual(['goals']);
    expect(lockedChanges(['duration', 'goals'], reference, 'not a design')).toEqual(['duration', 'goals']);
  });
});

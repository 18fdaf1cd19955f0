/**
 * Goals on theory cases with known answers, and the goal format: metric paths
 * checked at load (line:col, did-you-mean), targets in the metric's unit.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { evaluateGoals, metricValue, UNDECIDED, NO_FIGURE, type Goal } from '../../src/check/goals.js';
import { meanCI, t95 } from '../../src/output/confidence.js';
import { loadScenario, ScenarioError } from '../../src/scenario/index.js';
import { parseTarget } from '../../src/scenario/targets.js';
import { runScenario } from '../../src/run/run.js';
import { replicate } from '../../src/run/replications.js';
import type { RunResult } from '../../src/run/result.js';

// M/M/1 at ρ = 0.8 with a 1 ms mean service time: mean time in system 1/(μ − λ) = 5 ms,
// p99 = 5 ms × ln 100 ≈ 23.0 ms
const mm1 = (duration: string, goals: string) => `seed: 1
duration: ${duration}
warmup: 5s
components:
  users: { kind: client, rate: 800/s }
  app: { kind: service, workers: 1, serviceTime: exp(1ms) }
links: [{ from: users, to: app }]
goals:
${goals}`;

/** The problems loading `text` reports, as "line:col: path: message". */
function problems(text: string): string[] {
  try {
    loadScenario(text, { file: 'g.yaml' });
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.problems.map((p) => `${p.line}:${p.col}: ${p.path}: ${p.message}`);
  }
  return [];
}

describe('evaluateGoals on M/M/1 at ρ = 0.8 (mean 5 ms, p99 ≈ 23 ms)', () => {
  it('one run: p99 below 30ms passes, below 20ms fails, mean between 4 and 6 ms passes, utilisation near 80%', () => {
    const s = loadScenario(
      mm1(
        '60s',
        `  - { metric: summary.latencyMs.p99, below: 30ms }
  - { name: tight tail, metric: summary.latencyMs.p99, below: 20ms, why: Add a worker. }
  - { metric: summary.latencyMs.mean, between: [4ms, 6ms] }
  - { metric: components.app.utilization, between: [75%, 85%] }
  - { metric: summary.errorRate, below: 1% }
  - { metric: summary.throughputRps, above: 700/s }`,
      ),
    );
    const run = runScenario(s);
    const out = evaluateGoals(s.goals, [run]);
    expect(out.map((o) => o.status)).toEqual(['pass', 'fail', 'pass', 'pass', 'pass', 'pass']);
    const [p99, tight, mean] = out;
    expect(p99.value).toBeGreaterThan(20);
    expect(p99.value).toBeLessThan(30);
    expect(p99).toMatchObject({ valueText: `${p99.value?.toFixed(1)} ms`, targetText: 'below 30.0 ms' });
    expect(p99.halfWidth).toBeUndefined();
    expect(p99.goal.name).toBe('summary.latencyMs.p99 below 30ms');
    expect(tight).toMatchObject({ status: 'fail', goal: { name: 'tight tail', why: 'Add a worker.' }, targetText: 'below 20.0 ms' });
    expect(tight.reason).toBeUndefined();
    expect(mean.value).toBeCloseTo(5, 0);
    expect(mean.targetText).toBe('between 4.00 ms and 6.00 ms');
    expect(out[3].targetText).toBe('between 75% and 85%');
    expect(out[5].targetText).toBe('above 700/s');
  });

  it('replications: a goal right at the value (p99 below 23.03 ms) is undecided; far from it, decided', () => {
    const s = loadScenario(
      mm1(
        '20s',
        `  - { metric: summary.latencyMs.p99, below: 23.03ms }
  - { metric: summary.latencyMs.p99, below: 40ms }
  - { metric: summary.latencyMs.p99, below: 15ms }
  - { metric: summary.latencyMs.mean, above: 5.5ms }`,
      ),
    );
    const { runs } = replicate(s, 8);
    const [atValue, far, low, mean] = evaluateGoals(s.goals, runs);
    expect(atValue).toMatchObject({ status: 'undecided', reason: UNDECIDED });
    const { value = NaN, halfWidth = NaN } = atValue;
    expect(value - halfWidth).toBeLessThan(23.03);
    expect(value + halfWidth).toBeGreaterThan(23.03);
    expect(atValue.valueText).toMatch(/^\d+\.\d ms ± \d+\.\d+ ms$/);
    expect(far.status).toBe('pass');
    expect(low.status).toBe('fail');
    expect(mean.status).toBe('fail'); // the CI of the mean holds 5 ms, wholly below 5.5 ms
    expect(mean.value).toBeCloseTo(5, 0);
  });
});

describe('evaluateGoals decides by the 95% Student-t CI', () => {
  const result = (p99: number, extra: Partial<RunResult> = {}) =>
    ({ summary: { latencyMs: { p99 } }, phases: [], components: {}, ...extra }) as unknown as RunResult;
  const goal = (g: Partial<Goal>): Goal => ({ name: 'g', metric: 'summary.latencyMs.p99', points: 1, unit: 'ms', ...g });
  const runs = [10, 12, 14].map((x) => result(x));
  // mean 12, sd 2, t(2) = 4.303: half-width 4.303 × 2 / √3 ≈ 4.969
  const hw = (4.303 * 2) / Math.sqrt(3);

  it('computes the interval with t for n − 1 degrees of freedom', () => {
    expect(meanCI([10, 12, 14]).mean).toBe(12);
    expect(meanCI([10, 12, 14]).halfWidth).toBeCloseTo(hw, 9);
    expect(meanCI([7]).halfWidth).toBe(0);
    expect(t95(1)).toBe(12.706);
    expect(t95(30)).toBe(2.042);
    expect(t95(60)).toBeCloseTo(2.0003, 3);
    expect(t95(1e6)).toBeCloseTo(1.96, 3);
  });

  it.each([
    [{ below: 12 + hw + 0.01 }, 'pass'],
    [{ below: 12 + hw - 0.01 }, 'undecided'],
    [{ below: 12 - hw - 0.01 }, 'fail'],
    [{ above: 12 - hw - 0.01 }, 'pass'],
    [{ above: 12 }, 'undecided'],
    [{ above: 12 + hw + 0.01 }, 'fail'],
    [{ between: [6, 17] as [number, number] }, 'pass'],
    [{ between: [10, 20] as [number, number] }, 'undecided'],
    [{ between: [17.5, 20] as [number, number] }, 'fail'],
  ])('%o over runs 10, 12, 14 → %s', (target, status) => {
    expect(evaluateGoals([goal(target)], runs)[0].status).toBe(status);
  });

  it('one run compares strictly for below/above and inclusively for between', () => {
    const one = [result(20)];
    expect(evaluateGoals([goal({ below: 20 }), goal({ above: 20 }), goal({ between: [20, 20] })], one).map((o) => o.status)).toEqual([
      'fail',
      'fail',
      'pass',
    ]);
  });

  it('a figure a run does not report fails with the reason', () => {
    const [o] = evaluateGoals([goal({ metric: 'components.cache.hitRatio', unit: 'ratio', above: 0.8 })], runs);
    expect(o).toMatchObject({ status: 'fail', reason: NO_FIGURE, valueText: '—', targetText: 'above 80%' });
    expect(o.value).toBeUndefined();
  });

  it('prints values in the metric unit: percent, dollars', () => {
    const r = result(1, { summary: { errorRate: 0.008, cost: { run: 1, perMonth: 30.37 } } } as unknown as Partial<RunResult>);
    const [err, cost] = evaluateGoals(
      [
        goal({ metric: 'summary.errorRate', unit: 'ratio', below: 0.01 }),
        goal({ metric: 'summary.cost.perMonth', unit: 'usd', below: 100 }),
      ],
      [r],
    );
    expect(err).toMatchObject({ status: 'pass', valueText: '0.8%', targetText: 'below 1%' });
    expect(cost).toMatchObject({ status: 'pass', valueText: '$30.37', targetText: 'below $100.00' });
  });
});

describe('metricValue', () => {
  const r = {
    summary: { latencyMs: { p99: 23 }, cost: { run: 0.5, perMonth: 30 } },
    phases: [
      { name: 'peak', latencyMs: { p95: 9 } },
      { name: 'v1.2', errorRate: 0.1 },
    ],
    components: { db: { kind: 'database', utilization: 0.5, shardLoad: [0.2, 0.8], share: { a: 0.25 } } },
  } as unknown as RunResult;

  it('reads summary, phases by name (dots included), components and per-key figures', () => {
    expect(metricValue(r, 'summary.latencyMs.p99')).toBe(23);
    expect(metricValue(r, 'summary.cost.perMonth')).toBe(30);
    expect(metricValue(r, 'phases.peak.latencyMs.p95')).toBe(9);
    expect(metricValue(r, 'phases.v1.2.errorRate')).toBe(0.1);
    expect(metricValue(r, 'components.db.utilization')).toBe(0.5);
    expect(metricValue(r, 'components.db.shardLoad.1')).toBe(0.8);
    expect(metricValue(r, 'components.db.share.a')).toBe(0.25);
  });

  it('is undefined for what is absent or not a number', () => {
    expect(metricValue(r, 'summary.latencyMs.p98')).toBeUndefined();
    expect(metricValue(r, 'summary.latencyMs')).toBeUndefined();
    expect(metricValue(r, 'components.db.kind')).toBeUndefined();
    expect(metricValue(r, 'phases.off.errorRate')).toBeUndefined();
    expect(metricValue(r, 'components.db.utilization.x')).toBeUndefined();
    expect(metricValue(r, 'summary.__proto__')).toBeUndefined();
  });
});

describe('goals in the scenario format', () => {
  const base = (goals: string, more = '') => `duration: 10s
components:
  users: { kind: client, rate: 100/s, phases: [{ name: peak, duration: 10s, rate: 100/s }] }
  app: { kind: service }
links: [{ from: users, to: app }]
${more}goals:
${goals}`;

  it('resolves goals with targets in base units, default names and points', () => {
    const s = loadScenario(
      base(`  - { metric: summary.latencyMs.p99, below: 150ms, points: 2 }
  - { metric: summary.errorRate, below: 1% }
  - { metric: summary.throughputRps, above: 6000/min }
  - { metric: summary.cost.perMonth, between: [$10, $100] }
  - { metric: phases.peak.latencyMs.p95, below: 2s }
  - { metric: components.app.queueLength.max, below: 40 }`),
    );
    expect(s.goals).toEqual([
      { name: 'summary.latencyMs.p99 below 150ms', metric: 'summary.latencyMs.p99', below: 150, points: 2, unit: 'ms' },
      { name: 'summary.errorRate below 1%', metric: 'summary.errorRate', below: 0.01, points: 1, unit: 'ratio' },
      { name: 'summary.throughputRps above 6000/min', metric: 'summary.throughputRps', above: 100, points: 1, unit: 'rps' },
      { name: 'summary.cost.perMonth between $10 and $100', metric: 'summary.cost.perMonth', between: [10, 100], points: 1, unit: 'usd' },
      { name: 'phases.peak.latencyMs.p95 below 2s', metric: 'phases.peak.latencyMs.p95', below: 2000, points: 1, unit: 'ms' },
      { name: 'components.app.queueLength.max below 40', metric: 'components.app.queueLength.max', below: 40, points: 1, unit: 'count' },
    ]);
    expect(s.hints).toEqual([]);
    expect(s.locked).toEqual([]);
  });

  it('refuses metric paths the result cannot have, with line:col and did-you-mean', () => {
    expect(
      problems(
        base(`  - { metric: summary.latencyMs.p99x, below: 30ms }
  - { metric: components.app.utilisation, below: 90% }
  - { metric: components.ap.utilization, below: 90% }
  - { metric: phases.peek.errorRate, below: 1% }
  - { metric: summary.latencyMs, below: 30ms }
  - { metric: components.app.kind, below: 1 }
  - { metric: components.users.hitRatio, above: 50% }`),
      ),
    ).toEqual([
      '7:15: goals[0].metric: no figure "p99x" under summary.latencyMs; did you mean "summary.latencyMs.p99"?',
      '8:15: goals[1].metric: no figure "utilisation" under components.app; did you mean "components.app.utilization"?',
      '9:15: goals[2].metric: no figure "ap" under components; did you mean "components.app.utilization"?',
      '10:15: goals[3].metric: no figure "peek" under phases; did you mean "phases.peak.errorRate"?',
      '11:15: goals[4].metric: summary.latencyMs is a group of figures; name one: summary.latencyMs.mean, summary.latencyMs.p50, summary.latencyMs.p90, summary.latencyMs.p95, summary.latencyMs.p99, summary.latencyMs.p999, summary.latencyMs.max',
      '12:15: goals[5].metric: components.app.kind is a word, not a number, so it cannot be a goal',
      expect.stringMatching(
        /^13:15: goals\[6\]\.metric: no figure "hitRatio" under components\.users \(under components\.users: kind, arrivals, /,
      ),
    ]);
  });

  it('checks a goal with a variant against that variant, where a component it adds exists', () => {
    const variants = `variants:
  +cache:
    components: { cache: { kind: cache } }
`;
    const s = loadScenario(base('  - { metric: components.cache.hitRatio, above: 80%, variant: +cache }', variants));
    expect(s.goals[0]).toMatchObject({ variant: '+cache', above: 0.8, unit: 'ratio' });
    expect(problems(base('  - { metric: components.cache.hitRatio, above: 80% }', variants))).toEqual([
      '10:15: goals[0].metric: no figure "cache" under components (under components: users, app)',
    ]);
    expect(problems(base('  - { metric: components.cache.hitRatio, above: 80%, variant: cache }', variants))).toEqual([
      '10:63: goals[0].variant: no variant "cache"; did you mean "+cache"?',
    ]);
  });

  it('refuses targets in another unit, two targets, none, and unknown keys', () => {
    expect(
      problems(
        base(`  - { metric: summary.latencyMs.p99, below: 1% }
  - { metric: summary.errorRate, below: 150ms }
  - { metric: summary.throughputRps, above: 5ms }
  - { metric: summary.errorRate, below: 1%, above: 0 }
  - { metric: summary.errorRate }
  - { metric: summary.errorRate, belw: 1% }
  - { metric: summary.errorRate, between: [2%, 1%] }
  - { metric: summary.cost.perMonth, below: 100 dollars }`),
      ),
    ).toEqual([
      '7:45: goals[0].below: expected a duration such as "250ms" or "2s", got "1%" (the metric is a time)',
      '8:41: goals[1].below: expected a share such as "1%" or 0.01 (the metric\'s unit), got "150ms"',
      '9:45: goals[2].above: expected a rate such as "100/s" or "6000/min", got "5ms" (the metric is a rate)',
      '10:45: goals[3].above: a goal has exactly one of below, above, between; this one has below and above',
      '11:5: goals[4]: a goal needs one of below, above or between (e.g. below: 150ms)',
      '12:34: goals[5].belw: unknown key "belw" for a goal; did you mean "below"?',
      '13:43: goals[6].between: the lower bound ("2%") is above the upper bound ("1%")',
      '14:45: goals[7].below: expected an amount such as "$100" (the metric\'s unit), got "100 dollars"',
    ]);
  });
});

describe('parseTarget', () => {
  it.each([
    ['150ms', 'ms', 150],
    ['2s', 'ms', 2000],
    [150, 'ms', 150],
    ['1%', 'ratio', 0.01],
    ['0.5 %', 'ratio', 0.005],
    [0.01, 'ratio', 0.01],
    ['500/s', 'rps', 500],
    ['6000/min', 'rps', 100],
    [500, 'rps', 500],
    ['$100', 'usd', 100],
    ['$30.37', 'usd', 30.37],
    [12, 'usd', 12],
    ['40', 'count', 40],
    [40, 'count', 40],
  ] as const)('parseTarget(%o, %s) is %d', (v, unit, want) => {
    expect(parseTarget(v, unit)).toBeCloseTo(want, 12);
  });

  it('reads a plain number over 1 for a share as a likely percentage, and says so', () => {
    expect(() => parseTarget(5, 'ratio')).toThrow(
      'expected a share such as "1%" or 0.01, got 5: a plain number is a fraction (1 is 100%); write "5%"',
    );
    expect(parseTarget(1, 'ratio')).toBe(1);
  });

  it.each([
    ['1%', 'ms'],
    ['150ms', 'ratio'],
    ['$', 'usd'],
    ['many', 'count'],
    [true, 'count'],
    [Number.NaN, 'ratio'],
    [5, 'ratio'],
    ['5', 'ratio'],
  ] as const)('refuses %o for a %s metric', (v, unit) => {
    expect(() => parseTarget(v, unit)).toThrow(/^expected /);
  });
});

describe('hints and locked in the scenario format', () => {
  const base = `duration: 10s
components:
  users: { kind: client, rate: 100/s }
  db: { kind: database }
links: [{ from: users, to: db }]
`;
  it('resolves hints in order and locked paths as written', () => {
    const s = loadScenario(`${base}hints: ["Look at **db**.", "Add a replica."]
locked: [components.users, components.db.queryTime, duration, goals]
`);
    expect(s.hints).toEqual(['Look at **db**.', 'Add a replica.']);
    expect(s.locked).toEqual(['components.users', 'components.db.queryTime', 'duration', 'goals']);
  });

  it('refuses locked paths that name nothing, with did-you-mean, and hints that are not text', () => {
    expect(
      problems(`${base}hints: [one, 2]
locked: [components.db.queryTme, duraton, components.user, components.users.rate]
`),
    ).toEqual([
      '6:14: hints[1]: expected a hint (a non-empty markdown string), got 2',
      '7:10: locked[0]: a database has no parameter "queryTme"; did you mean "queryTime"?',
      '7:34: locked[1]: no "duraton" in a scenario; did you mean "duration"?',
      '7:43: locked[2]: no component "user"; did you mean "users"?',
    ]);
  });
});

describe('docs/scenario-format.md', () => {
  it("the 'Goals, hints and locked paths' example loads, with the did-you-mean it quotes", () => {
    const md = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');
    const section = md.slice(md.indexOf('## Goals, hints and locked paths'));
    const snippet = /```yaml\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const design = `duration: 10s
components:
  users: { kind: client, rate: 100/s }
  app: { kind: service }
  db: { kind: database }
links: [{ from: users, to: app }, { from: app, to: db }]
variants:
  +cache:
    components: { cache: { kind: cache } }
`;
    const s = loadScenario(design + snippet);
    expect(s.goals.map((g) => g.metric)).toEqual(['summary.latencyMs.p99', 'summary.errorRate', 'components.cache.hitRatio']);
    expect(s.hints).toHaveLength(2);
    expect(s.locked).toEqual(['components.users', 'components.db.queryTime', 'duration', 'goals']);
    const quoted = /`(goals\[0\]\.metric: no figure "p98"[^`]*)`/.exec(section)?.[1];
    expect(quoted).toBeDefined();
    expect(problems(`${design}goals: [{ metric: summary.latencyMs.p98, below: 1s }]\n`)[0]).toContain(quoted?.replace(/\s+/g, ' '));
  });
});

describe('goals that name a variant', () => {
  it('are checked against that variant of the base scenario, even while another variant is loaded (one that removes what it names)', () => {
    const yaml = `
duration: 1s
components:
  users: { kind: client, rate: 10/s }
  dns: { kind: dns, ttl: 1s }
  web: { kind: service }
links: [{ from: users, to: dns }, { from: dns, to: web }]
variants:
  few: { components: { dns: { users: 4 } } }
  no-dns:
    components: { dns: null }
    links: [{ from: users, to: web }]
goals:
  - { variant: few, metric: components.dns.share.web, above: 50% }
  - { metric: summary.errorRate, below: 1% }
`;
    expect(loadScenario(yaml).goals).toHaveLength(2);
    expect(loadScenario(yaml, { variant: 'no-dns' }).goals).toHaveLength(2);
  });
});

/**
 * The kind contract, checked over the whole registry: every kind has a runtime,
 * conserves requests, drains to zero live frames, reports only what it declares
 * (statistics and series), and implements every timeline capability it declares.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { CHANGES, COMMON_STATS, declaredStats, FAILURES, type AnyKindDef } from '../../src/kinds/define.js';
import { kinds } from '../../src/kinds/index.js';
import { nodes } from '../../src/nodes/index.js';
import { Node } from '../../src/nodes/node.js';
import { listVariants, loadScenario, type ResolvedScenario } from '../../src/scenario/index.js';
import { Run } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';

const SERIES_OF_EVERY_RUN = ['bucketMs', 't', 'throughputRps', 'errorsPerSec', 'p50', 'p95', 'p99'];

/** Runs a scenario to the end; returns the result and the frames still live afterwards. */
function runToEnd(s: ResolvedScenario): { result: RunResult; live: number; run: Run } {
  const run = new Run(s);
  while (!run.step(10_000_000));
  return { result: run.result(), live: run.sim.live, run };
}

/** Statistics and series a result reports that the component's kind does not declare. */
function undeclared(r: RunResult): string[] {
  const out: string[] = [];
  for (const [id, c] of Object.entries(r.components)) {
    const def = kinds[c.kind];
    const declared = new Set<string>([...COMMON_STATS, ...declaredStats(def).map(([k]) => k)]);
    for (const key of Object.keys(c)) if (!declared.has(key)) out.push(`${id} (${c.kind}) reports undeclared statistic "${key}"`);
  }
  for (const [name, byId] of Object.entries(r.series)) {
    if (SERIES_OF_EVERY_RUN.includes(name)) continue;
    for (const id of Object.keys(byId as object)) {
      const def = kinds[r.components[id]?.kind];
      if (!def || !Object.hasOwn((def.series ?? {}) as object, name)) out.push(`${id} reports undeclared series "${name}"`);
    }
  }
  return out;
}

/** A small design around one kind: an open client → the kind → a service behind it (when it calls out). */
const EXTRA: Record<string, Record<string, unknown>> = {
  'api-gateway': { routes: { '/': 'back' } },
};
function harness(def: AnyKindDef): string {
  const components: Record<string, unknown> = { users: { kind: 'client', rate: '200/s', keys: { count: 100 }, writeFraction: 0.2 } };
  const links: unknown[] = [];
  if (def.kind !== 'client') {
    components.x = { kind: def.kind, ...EXTRA[def.kind] };
    links.push({ from: 'users', to: 'x' });
    if (def.calls !== 'none') {
      components.back = { kind: 'service', workers: 4, serviceTime: 'exp(2ms)' };
      links.push({ from: 'x', to: 'back', latency: '1ms' });
    }
  } else {
    components.back = { kind: 'service', workers: 4, serviceTime: 'exp(2ms)' };
    links.push({ from: 'users', to: 'back' });
  }
  return stringify({ title: `contract: ${def.kind}`, duration: '5s', drain: '10m', components, links });
}

const bundled = readdirSync(new URL('../../scenarios/', import.meta.url)).filter((f) => f.endsWith('.yaml'));

describe('the kind registry', () => {
  it('has a runtime for every kind and no runtime without a kind', () => {
    expect(Object.keys(nodes).sort()).toEqual(Object.keys(kinds).sort());
  });

  for (const def of Object.values(kinds)) {
    describe(def.kind, () => {
      it('conserves requests and drains to zero live frames', () => {
        const { result, live } = runToEnd(loadScenario(harness(def)));
        const s = result.summary;
        expect(s.requests).toBeGreaterThan(500);
        expect(s.inFlight).toBe(0);
        expect(s.completed + s.failed).toBe(s.requests);
        for (const [id, c] of Object.entries(result.components)) expect(c.inFlight, `${id} still holds requests`).toBe(0);
        expect(live, 'frames still live after the run drained').toBe(0);
        expect(undeclared(result)).toEqual([]);
      });

      it('declares statistics with a label and a unit, and settable parameters it has', () => {
        for (const [key, s] of declaredStats(def)) {
          expect(s.label, key).toBeTruthy();
          expect(['ratio', 'ms', 'count', 'number', 'rps', 'usd', 'summary-ms', 'cost', 'level', 'text'], key).toContain(s.unit);
        }
        for (const name of def.timeline?.settable?.({}) ?? []) expect(Object.keys(def.params)).toContain(name);
      });

      it('implements every timeline action it declares', () => {
        const { run } = runToEnd(loadScenario(harness(def)));
        const node = run.node(def.kind === 'client' ? 'users' : 'x') as Node;
        for (const f of [...FAILURES, ...CHANGES]) {
          const declares = [...(def.timeline?.failures ?? []), ...(def.timeline?.changes ?? [])].includes(f as never);
          const overrides = Object.getPrototypeOf(node)[f] !== Node.prototype[f];
          expect(overrides, `${def.kind} ${declares ? 'declares' : 'does not declare'} ${f}`).toBe(declares);
        }
        const setters = (node as unknown as { setters: object }).setters;
        for (const name of def.timeline?.settable?.({}) ?? []) expect(Object.hasOwn(setters, name), `${def.kind} sets ${name}`).toBe(true);
        for (const name of Object.keys(setters))
          expect(def.timeline?.settable?.({}) ?? [], `${def.kind} declares ${name} settable`).toContain(name);
      });
    });
  }
});

describe('every bundled scenario and variant', () => {
  for (const file of bundled) {
    const text = readFileSync(new URL(`../../scenarios/${file}`, import.meta.url), 'utf8');
    for (const variant of [undefined, ...listVariants(parse(text))]) {
      it(`${file}${variant ? ` · ${variant}` : ''} reports only declared statistics and series`, () => {
        const { result } = runToEnd(loadScenario(text, { file, variant }));
        expect(undeclared(result)).toEqual([]);
      });
    }
  }
});

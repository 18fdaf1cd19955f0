import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, nestingProblem, tooDeepAt } from '../../src/scenario/depth.js';
import { resolveScenario, ScenarioError } from '../../src/scenario/index.js';

describe('nesting limits', () => {
  it('tooDeepAt() finds the first collection past MAX_DEPTH in text, block or flow, 100,000 deep without recursion', () => {
    expect(tooDeepAt(`a: ${'['.repeat(MAX_DEPTH - 1)}${']'.repeat(MAX_DEPTH - 1)}`)).toBeUndefined();
    expect(tooDeepAt(`a: ${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).toBe(3 + MAX_DEPTH - 1);
    expect(tooDeepAt(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`)).toBe(MAX_DEPTH * 5);
    expect(tooDeepAt(`a:\n${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i + 1)}b:`).join('\n')}`)).toBeGreaterThan(0);
  });

  it('nestingProblem() names the path where a value goes too deep, or holds itself', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    expect(nestingProblem({ title: deep })?.path).toHaveLength(MAX_DEPTH);
    const cyclic: Record<string, unknown> = { components: {} };
    (cyclic.components as Record<string, unknown>).app = cyclic;
    expect(nestingProblem(cyclic)).toEqual({ path: ['components', 'app'], message: 'this value contains itself, so it has no end' });
    const shared = { kind: 'service' };
    expect(nestingProblem({ a: shared, b: shared, c: [shared, shared] })).toBeUndefined();
  });

  it('resolveScenario() refuses a design that holds itself instead of recursing forever', () => {
    const raw: Record<string, unknown> = { duration: '1s', components: { app: { kind: 'service' } }, links: [] };
    raw.variants = { loop: raw };
    expect(() => resolveScenario(raw)).toThrow(ScenarioError);
    expect(() => resolveScenario(raw)).toThrow('variants.loop: this value contains itself, so it has no end');
  });
});

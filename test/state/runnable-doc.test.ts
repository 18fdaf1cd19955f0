import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { prepareRun, runnableDoc } from '../../src/state/run-controller.js';
import { importYaml } from '../../src/state/yaml-io.js';
import { listVariants } from '../../src/scenario/index.js';

const lab = () => importYaml(readFileSync(new URL('../../scenarios/monolith-lab.yaml', import.meta.url), 'utf8'));

describe('runnableDoc with goals on variants', () => {
  it('runs the base and each variant of a scenario whose goals name variants (regression: "no variant fix; this scenario defines no variants")', () => {
    const d = lab();
    const variants = listVariants(d);
    expect(variants).toEqual(['fix', 'checkout-bug', 'split']);
    for (const variant of [undefined, ...variants]) expect(prepareRun(d, { variant })).not.toHaveProperty('problems');
  });

  it("keeps the goals of the base and of the variant run, and leaves out other variants' goals", () => {
    const d = lab();
    const names = (variant?: string) => (runnableDoc(d, variant).goals as { variant?: string }[]).map((g) => g.variant);
    expect(names(undefined).every((v) => v === undefined)).toBe(true);
    expect(new Set(names('fix'))).toEqual(new Set([undefined, 'fix']));
  });
});

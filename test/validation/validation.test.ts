/**
 * Runs every validation case in test/validation/cases/*.ts through the public
 * path (YAML → loadScenario → runScenario), once per scenario, and asserts each
 * figure against theory within its tolerance, and conservation for every run.
 */
import { describe, expect, it } from 'vitest';
import type { ValidationCase } from './case.js';
import { conservationProblems, judge, runner } from '../../scripts/validation-table.js';

const modules = import.meta.glob<{ cases: ValidationCase[] }>('./cases/*.ts', { eager: true });
const cases = Object.values(modules).flatMap((m) => m.cases);
const run = runner();

/** Cases grouped by scenario text, so each scenario runs once. */
const byScenario = new Map<string, ValidationCase[]>();
for (const c of cases) byScenario.set(c.scenario, [...(byScenario.get(c.scenario) ?? []), c]);

const titleOf = (text: string) => /^title:\s*"?([^"\n]*)"?/m.exec(text)?.[1] ?? 'untitled scenario';

it('has validation cases with unique ids', () => {
  expect(cases.length).toBeGreaterThan(0);
  const ids = cases.map((c) => c.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

for (const [text, group] of byScenario) {
  describe(titleOf(text), () => {
    it('conserves requests: issued = completed + failed at every component, nothing left in flight', () => {
      expect(conservationProblems(run(text))).toEqual([]);
    });
    for (const c of group) {
      it(`${c.area}: ${c.name} matches theory ${+c.theory.toPrecision(4)} ${c.unit} within ${JSON.stringify(c.tolerance)} (${c.runLength})`, () => {
        const v = judge(c, run(text));
        expect(v.simulated, c.id).toBeTypeOf('number');
        expect({ id: c.id, simulated: v.simulated, error: +v.error.toPrecision(3), pass: v.pass }).toEqual({
          id: c.id,
          simulated: v.simulated,
          error: +v.error.toPrecision(3),
          pass: true,
        });
      });
    }
  });
}

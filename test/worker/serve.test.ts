import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSimApi } from '../../src/worker/serve.js';
import { Run } from '../../src/run/run.js';

const invalid = {
  duration: '1s',
  components: { users: { kind: 'client', rate: '10/s' }, app: { kind: 'service', workers: 0 } },
  links: [{ from: 'users', to: 'app' }],
};
const problem = { path: 'components.app.workers', message: 'expected an integer between 1 and 100000, got 0' };

describe('createSimApi', () => {
  it("validate() answers the scenario's problems as plain data that survives structuredClone", async () => {
    const problems = await createSimApi().validate(invalid);
    expect(problems).toStrictEqual([problem]);
    expect(structuredClone(problems)).toStrictEqual([problem]);
  });

  it('run() refuses an invalid scenario as invalid, with its problems', async () => {
    const outcome = await createSimApi().run({ scenario: invalid }, () => {});
    expect(outcome).toStrictEqual({
      ok: false,
      error: { kind: 'invalid', message: `${problem.path}: ${problem.message}`, problems: [problem] },
    });
  });

  describe('when something throws (issue #9)', () => {
    afterEach(() => vi.restoreAllMocks());
    const valid = { ...invalid, components: { ...invalid.components, app: { kind: 'service' } } };

    it('run() answers a run that throws mid-way as a crash with its message, not a rejection', async () => {
      vi.spyOn(Run.prototype, 'step').mockImplementation(() => {
        throw new TypeError("Cannot read properties of undefined (reading 'setParam')");
      });
      const outcome = await createSimApi().run({ scenario: valid }, () => {});
      expect(outcome).toStrictEqual({
        ok: false,
        error: { kind: 'crash', message: "the simulation failed: Cannot read properties of undefined (reading 'setParam')" },
      });
    });

    it('run() and validate() answer a hostile design (a __proto__ id, nesting 5,000 deep) with problems', async () => {
      let deep: unknown = 1;
      for (let i = 0; i < 5000; i++) deep = [deep];
      const hostile = JSON.parse('{"duration":"1s","components":{"__proto__":{"kind":"service"}},"links":[]}');
      const api = createSimApi();
      expect(await api.validate(hostile)).toStrictEqual([
        { path: 'components.__proto__', message: expect.stringContaining('"__proto__" is a reserved name') },
      ]);
      const outcome = await api.run({ scenario: { ...valid, title: deep } }, () => {});
      expect(outcome).toMatchObject({
        ok: false,
        error: {
          kind: 'invalid',
          message: expect.stringMatching(/^title(\[0\])+: mappings and lists are nested more than 64 levels deep/),
        },
      });
      expect(Object.getOwnPropertyNames(Object.prototype)).toHaveLength(12);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { createSimApi } from '../../src/worker/serve.js';

const invalid = { duration: '1s', components: { users: { kind: 'client', rate: '10/s' }, app: { kind: 'service', workers: 0 } }, links: [{ from: 'users', to: 'app' }] };
const problem = { path: 'components.app.workers', message: 'expected an integer between 1 and 100000, got 0' };

describe('createSimApi', () => {
  it('validate() answers the scenario\'s problems as plain data that survives structuredClone', async () => {
    const problems = await createSimApi().validate(invalid);
    expect(problems).toStrictEqual([problem]);
    expect(structuredClone(problems)).toStrictEqual([problem]);
  });

  it('run() refuses an invalid scenario as invalid, with its problems', async () => {
    const outcome = await createSimApi().run({ scenario: invalid }, () => {});
    expect(outcome).toStrictEqual({ ok: false, error: { kind: 'invalid', message: `${problem.path}: ${problem.message}`, problems: [problem] } });
  });
});

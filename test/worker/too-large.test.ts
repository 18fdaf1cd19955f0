import { describe, expect, it } from 'vitest';
import { Run } from '../../src/run/run.js';
import { resolveScenario } from '../../src/scenario/index.js';
import { createSimApi } from '../../src/worker/serve.js';

const huge = {
  duration: '100000h',
  components: { users: { kind: 'client', rate: '100000/s' }, app: { kind: 'service' } },
  links: [{ from: 'users', to: 'app' }],
};

describe('the "too large" refusal speaks to its reader', () => {
  it('in the browser (the worker) it names the estimate and advises a shorter or lighter run, with no CLI flag', async () => {
    const outcome = await createSimApi().run({ scenario: huge }, () => {});
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.kind).toBe('too-large');
    expect(outcome.error.message).toMatch(/^this run is too large: about 3\.60e13 requests .* Shorten the duration or lower the load\.$/);
    expect(outcome.error.message).not.toMatch(/--|max-events/);
  });

  it('in the CLI (the default) it still names --max-events', () => {
    expect(() => new Run(resolveScenario(huge, {}))).toThrow(
      /Shorten the duration or lower the load, or raise the limit with --max-events\.$/,
    );
  });
});

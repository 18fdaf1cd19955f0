import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { scenarioSchema } from '../../src/scenario/index.js';
import { kinds } from '../../src/kinds/index.js';
import { schemaPath, schemaText } from '../../scripts/gen-schema.js';
import { fakeKinds } from './fake-kinds.js';

describe('scenarioSchema', () => {
  it('public/scenario.schema.json is up to date (run `npm run schema` to regenerate)', () => {
    const committed = readFileSync(schemaPath, 'utf8');
    expect(committed === schemaText(), 'public/scenario.schema.json is stale: run `npm run schema`').toBe(true);
  });

  it('describes every registered kind, keyed on `kind`', () => {
    const s = scenarioSchema() as { definitions: Record<string, { properties: Record<string, unknown> }> };
    for (const [name, k] of Object.entries(kinds))
      expect(Object.keys(s.definitions[`kind-${name}`].properties).sort()).toEqual(
        ['kind', 'label', 'position', ...Object.keys(k.params)].sort(),
      );
  });

  it('turns descriptors into draft-07 with descriptions, defaults, bounds, enums and closed objects', () => {
    const s = scenarioSchema(fakeKinds) as {
      definitions: Record<string, { properties: Record<string, unknown>; additionalProperties: boolean }>;
    };
    const svc = s.definitions['kind-service'];
    expect(svc.additionalProperties).toBe(false);
    expect(svc.properties.workers).toEqual({ description: 'Concurrent requests.', type: 'integer', minimum: 1, default: 8 });
    expect(svc.properties.policy).toEqual({ description: 'Order.', type: 'string', enum: ['fifo', 'lifo'], default: 'fifo' });
    expect(svc.properties.serviceTime).toEqual({
      description: 'Per request.',
      allOf: [{ $ref: '#/definitions/dist' }],
      default: 'exp(10ms)',
    });
    expect(s.definitions.component).toMatchObject({
      required: ['kind'],
      properties: { kind: { enum: ['client', 'service', 'queue', 'db'] } },
    });
  });
});

describe('schema patterns', () => {
  const defs = (scenarioSchema() as { definitions: Record<string, { anyOf: { pattern?: string }[] }> }).definitions;
  const pattern = (name: string, i: number) => new RegExp(defs[name].anyOf[i].pattern!);
  it('match the strings the parsers accept', () => {
    for (const s of ['250ms', '2s', '1h30m', '5 m', '10us']) expect(pattern('duration', 1).test(s), s).toBe(true);
    for (const s of ['5 parsecs', 'ms', '', '250', '  5  ', ' 2s']) expect(pattern('duration', 1).test(s), s).toBe(false);
    for (const s of ['100/s', '6000/min', '10 rps']) expect(pattern('rate', 1).test(s), s).toBe(true);
    for (const s of ['5', ' 5/s']) expect(pattern('rate', 1).test(s), s).toBe(false);
    for (const s of ['exp(10ms)', 'uniform(5ms, 15ms)']) expect(pattern('dist', 1).test(s), s).toBe(true);
  });
});

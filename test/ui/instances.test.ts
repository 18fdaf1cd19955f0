import { describe, expect, it } from 'vitest';
import { kinds } from '../../src/kinds/index.js';
import { instancesOf } from '../../src/ui/instances.js';

describe('instancesOf (the ×n on a diagram node)', () => {
  it('counts a service written with its kind, label and position: instances 3 is ×3, not ×1', () => {
    expect(instancesOf(kinds.service, { kind: 'service', label: 'Web', position: { x: 1, y: 2 }, instances: 3 })).toBe(3);
  });

  it('an autoscaled service counts its maximum, as the run builds it', () => {
    expect(instancesOf(kinds.service, { kind: 'service', instances: 2, autoscale: { min: 2, max: 12 } })).toBe(12);
  });

  it('a value that does not resolve yet draws one instance', () => {
    expect(instancesOf(kinds.service, { kind: 'service', instances: 'many' })).toBe(1);
  });
});

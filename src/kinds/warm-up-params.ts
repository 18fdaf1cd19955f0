/** Descriptor of a service's `warmUp` block (the runtime is src/nodes/parts/warm-up.ts). */
import type { Param, ParamsOf } from './params.js';

/**
 * First-request warm-up of each instance (JIT compilation, lazy imports,
 * connection set-up, cold caches); absent means off, and every field given a default.
 */
export const warmUpParam = {
  type: 'object',
  label: 'Warm-up',
  help:
    'A fresh instance (at start, after a restart, when autoscaled in) serves its first requests slowly: JIT, lazy loading, ' +
    'connection set-up, cold caches. Off when absent.',
  optional: true,
  advanced: true,
  examples: [
    { requests: 1, perRoute: true, extra: 'normal(2s, 200ms)' },
    { duration: '30s', factor: 3 },
  ],
  fields: {
    requests: {
      type: 'number',
      integer: true,
      label: 'Cold requests',
      help: 'How many of an instance’s first requests are cold (per route with perRoute).',
      default: 1,
      min: 0,
      max: 1_000_000,
    },
    perRoute: {
      type: 'boolean',
      label: 'Per route',
      help: 'Count the cold requests per route: each route’s code path warms up on its own (its first request is slow).',
      default: false,
    },
    duration: {
      type: 'duration',
      label: 'Cold period',
      help: 'Every request an instance starts within this long of coming up is cold too (0: only the first requests).',
      default: 0,
      min: 0,
    },
    extra: {
      type: 'dist',
      label: 'Extra time',
      help: 'Time a cold request costs on top of its service time (not divided by speed: loading and connecting, not computing).',
      default: '1s',
      examples: ['2s', 'normal(2s, 200ms)', 'exp(500ms)'],
    },
    factor: {
      type: 'number',
      label: 'Slowdown',
      help: 'A cold request’s service time is multiplied by this (interpreted, unoptimised code), before the extra time is added.',
      default: 1,
      min: 1,
      max: 1000,
    },
  },
} as const satisfies Param;

/** `warmUp` as resolved: durations in ms, the extra time a DistSpec, every field present. */
export type WarmUpParams = ParamsOf<typeof warmUpParam.fields>;

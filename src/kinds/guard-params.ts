/**
 * Descriptors of guarded calls — a per-attempt `timeout`, `retries` and a
 * `circuitBreaker` — shared by links and clients (the runtime is
 * src/nodes/parts/guard.ts).
 */
import type { Param, ParamsOf } from './params.js';

export const timeoutParam = {
  type: 'duration',
  label: 'Timeout',
  min: 0,
  minExclusive: true,
  examples: ['500ms', '2s'],
  help: 'Each attempt not answered within this time fails as timeout; the server it reached keeps working on it. No timeout when absent.',
} as const satisfies Param;

export const retriesParam = {
  type: 'object',
  label: 'Retries',
  help: 'Retry a failed or timed-out attempt up to max times, waiting backoff × multiplier^(n−1) (less a random jitter share) before retry n.',
  fields: {
    max: {
      type: 'number',
      integer: true,
      label: 'Max retries',
      help: 'Retries after the first attempt (0 = none).',
      default: 0,
      min: 0,
      max: 100,
    },
    backoff: { type: 'duration', label: 'Backoff', help: 'Wait before the first retry.', default: '100ms', min: 0 },
    multiplier: {
      type: 'number',
      label: 'Multiplier',
      help: 'Each further wait is this many times the previous one (1 = constant backoff).',
      default: 2,
      min: 1,
      max: 100,
    },
    jitter: {
      type: 'number',
      label: 'Jitter',
      help: 'Share of each wait drawn at random (1 = "full jitter", 0 = none: clients retry in lockstep).',
      default: 1,
      min: 0,
      max: 1,
    },
  },
} as const satisfies Param;

export const circuitBreakerParam = {
  type: 'object',
  label: 'Circuit breaker',
  optional: true,
  help: 'Stop calling a failing target: when at least failureRate of the calls in the last window failed (and at least minCalls were made) the breaker opens and calls fail at once as error; after openFor, halfOpenProbes trial calls decide whether it closes again.',
  fields: {
    failureRate: {
      type: 'number',
      label: 'Failure rate',
      help: 'Share of failed calls in the window that opens the breaker.',
      default: 0.5,
      min: 0,
      max: 1,
      minExclusive: true,
    },
    window: {
      type: 'duration',
      label: 'Window',
      help: 'Sliding window the failure rate is measured over.',
      default: '10s',
      min: 0,
      minExclusive: true,
    },
    openFor: {
      type: 'duration',
      label: 'Open for',
      help: 'How long the breaker stays open before trial calls.',
      default: '5s',
      min: 0,
      minExclusive: true,
    },
    halfOpenProbes: {
      type: 'number',
      integer: true,
      label: 'Half-open probes',
      help: 'Trial calls let through when half-open; all must succeed to close.',
      default: 1,
      min: 1,
      max: 1000,
    },
    minCalls: {
      type: 'number',
      integer: true,
      label: 'Minimum calls',
      help: 'Calls in the window before the failure rate is judged.',
      default: 20,
      min: 1,
      max: 1e6,
    },
  },
} as const satisfies Param;

/** `retries: {max, backoff, multiplier, jitter}` as resolved (ms). */
export type RetryParams = ParamsOf<typeof retriesParam.fields>;
/** `circuitBreaker: {...}` as resolved, every field defaulted. */
export type BreakerParams = ParamsOf<typeof circuitBreakerParam.fields>;

/** The guard-related settings of a link (or a client). */
export interface GuardParams {
  timeout?: number;
  retries?: RetryParams;
  circuitBreaker?: BreakerParams;
}

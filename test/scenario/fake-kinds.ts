/** A tiny registry of fake kinds, so scenario tests do not depend on the real ones. */
import { ScenarioError, type Registry } from '../../src/scenario/index.js';

export const fakeKinds: Registry = {
  client: {
    kind: 'client',
    label: 'Client',
    help: 'Load generator.',
    calls: 'sync',
    params: {
      rate: { type: 'rate', label: 'Rate', help: 'Requests per second.', min: 0 },
      users: { type: 'number', integer: true, label: 'Users', help: 'Closed users.', min: 1 },
      iterations: { type: 'number', integer: true, label: 'Iterations', help: 'Per user.', min: 1 },
      timeout: { type: 'duration', label: 'Timeout', help: 'Request timeout.', min: 0, minExclusive: true },
      keys: {
        type: 'object',
        label: 'Keys',
        help: 'Key popularity.',
        fields: {
          count: { type: 'number', integer: true, label: 'Count', help: 'Keys.', default: 1000, min: 1 },
          skew: { type: 'number', label: 'Skew', help: 'Zipf exponent.', default: 0, min: 0, max: 5 },
        },
      },
      routes: {
        type: 'map',
        label: 'Routes',
        help: 'Weights.',
        keyPattern: '^/',
        keyLabel: 'route path',
        values: { type: 'number', label: 'Weight', help: 'Weight.', min: 0 },
      },
    },
    // a workload source: closed users with iterations stop by themselves, so no duration is needed
    source: {
      estimateRequests: () => 0,
      requestDeadline: () => Infinity,
      isBounded: (p) => p.users !== undefined && p.iterations !== undefined,
    },
  },
  service: {
    kind: 'service',
    label: 'Service',
    help: 'Application server.',
    calls: 'sync',
    params: {
      workers: { type: 'number', integer: true, label: 'Workers', help: 'Concurrent requests.', default: 8, min: 1 },
      serviceTime: { type: 'dist', label: 'Service time', help: 'Per request.', default: 'exp(10ms)' },
      startup: { type: 'duration', label: 'Startup', help: 'Cold start.', default: '2s' },
      policy: { type: 'enum', label: 'Policy', help: 'Order.', values: ['fifo', 'lifo'], default: 'fifo' },
      async: { type: 'boolean', label: 'Async', help: 'Release the worker.', default: false },
      primary: { type: 'string', label: 'Primary', help: 'A linked target.', ref: 'linked' },
      pool: {
        type: 'object',
        label: 'Pool',
        help: 'Connection pool.',
        fields: { size: { type: 'number', integer: true, label: 'Size', help: 'Connections.', default: 4, min: 1 } },
      },
      phases: {
        type: 'list',
        label: 'Phases',
        help: 'Phases.',
        maxItems: 3,
        items: {
          type: 'object',
          label: 'Phase',
          help: 'A phase.',
          fields: {
            name: { type: 'string', label: 'Name', help: 'Name.', required: true },
            rate: { type: 'rate', label: 'Rate', help: 'Rate.' },
          },
        },
      },
    },
    check: (p) => (p.workers === 13 ? [{ path: ['workers'], message: 'unlucky' }] : []),
  },
  queue: { kind: 'queue', label: 'Queue', help: 'Fire and forget.', calls: 'async', params: {} },
  db: {
    kind: 'db',
    label: 'Database',
    help: 'Answers queries.',
    calls: 'none',
    params: { queryTime: { type: 'dist', label: 'Query time', help: 'Per query.', default: '5ms' } },
  },
};

/** The lines of the ScenarioError that `f` throws (fails when it throws none). */
export const errors = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected a ScenarioError');
};

/**
 * The registry of component kinds, as definitions only (no simulation code):
 * validation, the schema, docs and the browser's main thread read it. The
 * runtime of each kind is registered in src/nodes/index.ts. Adding a kind: see
 * docs/adding-a-kind.md.
 */
import type { AnyKindDef } from './define.js';
import { client } from './client.js';
import { service } from './service.js';
import { loadBalancer } from './load-balancer.js';
import { dns } from './dns.js';
import { cdn } from './cdn.js';
import { apiGateway } from './api-gateway.js';
import { cache } from './cache.js';
import { database } from './database.js';
import { rateLimiter } from './rate-limiter.js';
import { queue } from './queue.js';
import { pubsub } from './pubsub.js';
import { serverless } from './serverless.js';

const defs = {
  client,
  service,
  'load-balancer': loadBalancer,
  dns,
  cdn,
  'api-gateway': apiGateway,
  cache,
  database,
  'rate-limiter': rateLimiter,
  queue,
  pubsub,
  serverless,
} as const satisfies Record<string, AnyKindDef>;

/** Each kind's definition with its own types, by name (for the runtime registry). */
export type KindDefs = typeof defs;
/** The name of a registered kind. */
export type KindName = keyof KindDefs;

/**
 * Every kind by name, in palette order: a frozen object without a prototype,
 * so a user-chosen name such as `__proto__` or `constructor` finds no kind.
 */
export const kinds: Readonly<Record<string, AnyKindDef>> = Object.freeze(Object.assign(Object.create(null), defs));

/** The definition of kind `name`, or undefined for a name no kind has. */
export function kindDef(name: string): AnyKindDef | undefined {
  return kinds[name];
}

/**
 * The registry of component kinds. Adding a kind = one file in this folder,
 * one line here, one test file, one docs entry.
 */
import type { KindDef } from './component.js';
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

export const kinds: Readonly<Record<string, KindDef>> = {
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
};

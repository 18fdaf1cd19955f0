/**
 * The runtime registry: how each kind of src/kinds/index.ts is simulated. Only
 * the CLI, the worker and tests load it; the browser's main thread never does.
 */
import type { KindDefs, KindName } from '../kinds/index.js';
import type { BuildContext, Node } from './node.js';
import { Client } from './client.js';
import { Service } from './service.js';
import { LoadBalancer } from './load-balancer.js';
import { Dns } from './dns.js';
import { Cdn } from './cdn.js';
import { ApiGateway } from './api-gateway.js';
import { Cache } from './cache.js';
import { Database } from './database.js';
import { RateLimiter } from './rate-limiter.js';
import { Queue } from './queue.js';
import { Pubsub } from './pubsub.js';
import { Serverless } from './serverless.js';

/** Builds the node of one component, given its kind's typed parameters. */
export type CreateNode<K extends KindName> = (ctx: BuildContext<KindDefs[K]>) => Node;

/** Every kind's node constructor, by kind name: the registry must cover every kind. */
export const nodes: { [K in KindName]: CreateNode<K> } = {
  client: (ctx) => new Client(ctx),
  service: (ctx) => new Service(ctx),
  'load-balancer': (ctx) => new LoadBalancer(ctx),
  dns: (ctx) => new Dns(ctx),
  cdn: (ctx) => new Cdn(ctx),
  'api-gateway': (ctx) => new ApiGateway(ctx),
  cache: (ctx) => new Cache(ctx),
  database: (ctx) => new Database(ctx),
  'rate-limiter': (ctx) => new RateLimiter(ctx),
  queue: (ctx) => new Queue(ctx),
  pubsub: (ctx) => new Pubsub(ctx),
  serverless: (ctx) => new Serverless(ctx),
};

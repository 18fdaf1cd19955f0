/**
 * A service time per route (a monolith's handlers cost differently): the
 * distribution of the longest route prefix that matches a request's route, or
 * none. Each route is matched once, the first time it is seen, and remembered
 * by its index (Frame.routeId), so a request costs an array read.
 */
import { sampler, type DistSpec, type Sampler } from '../../engine/distributions.js';
import { matchesPrefix } from './link.js';

/** Samplers of `serviceTimeByRoute`, looked up by route index. */
export class RouteTimes {
  private readonly prefixes: [string, Sampler][];
  /** By route index: its sampler, null when no prefix matches, undefined until first seen. */
  private readonly byId: (Sampler | null | undefined)[] = [];

  constructor(times: Record<string, DistSpec>) {
    // longest first, so the first match is the longest
    this.prefixes = Object.entries(times)
      .sort(([a], [b]) => b.length - a.length)
      .map(([prefix, d]) => [prefix, sampler(d)]);
  }

  /** The sampler for route `route` (index `routeId`), or null when no prefix of the table matches it. */
  of(routeId: number, route: string): Sampler | null {
    let s = this.byId[routeId];
    if (s === undefined) s = this.byId[routeId] = this.prefixes.find(([prefix]) => matchesPrefix(route, prefix))?.[1] ?? null;
    return s;
  }
}

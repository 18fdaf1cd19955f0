/**
 * The registry of component kinds. Adding a kind = one file in this folder,
 * one line here, one test file, one docs entry.
 */
import type { KindDef } from './component.js';
import { client } from './client.js';
import { service } from './service.js';
import { loadBalancer } from './load-balancer.js';

export const kinds: Readonly<Record<string, KindDef>> = {
  client,
  service,
  'load-balancer': loadBalancer,
};

export const kindNames = (): string[] => Object.keys(kinds);

/** Small helpers shared by the component kinds and their links. */
import type { DistSpec } from '../engine/distributions.js';
import type { Link } from './link.js';
import { round } from './component.js';

/** The first outgoing link that carries `route`, or undefined (a kind's single downstream). */
export function downstream(out: readonly Link[], route: string): Link | undefined {
  for (let i = 0; i < out.length; i++) if (out[i].carries(route)) return out[i];
  return undefined;
}

/** True for a constant 0 distribution: the kind can skip scheduling an event. */
export const isZero = (d: DistSpec): boolean => d.dist === 'constant' && d.value === 0;

/** a ÷ b rounded for reports; 0 when b is 0. */
export const ratio = (a: number, b: number, digits = 4): number => (b > 0 ? round(a / b, digits) : 0);

/** A well-mixed non-negative 31-bit hash of an integer key. */
export function hash32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 1;
}

/**
 * Plain-data maps that a user-chosen key cannot turn into a prototype change:
 * objects without a prototype, own-property reads, and the names JavaScript
 * gives a meaning of its own, which ids and map keys may not take.
 */

/** Names refused as ids and map keys: on an ordinary object they reach Object.prototype. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * An empty object with no prototype: `m['__proto__'] = x` stores a key like any other.
 * @example const m = plainMap<number>(); m['__proto__'] = 1; Object.keys(m) // ['__proto__']
 */
export function plainMap<T = unknown>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The value stored under `key` itself, never one inherited from a prototype. */
export function ownValue(o: object, key: string): unknown {
  return Object.hasOwn(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** Why `key` may not name something, or undefined when it may. */
export function reservedReason(key: string): string | undefined {
  return RESERVED_KEYS.has(key) ? `"${key}" is a reserved name (JavaScript gives it a meaning of its own); choose another` : undefined;
}

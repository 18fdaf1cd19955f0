/**
 * A mapping as YAML and JSON read it: an object that is neither null nor a list.
 * @example isObject({ a: 1 }) // true; isObject([1]) and isObject(null) are false
 */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

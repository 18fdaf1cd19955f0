/**
 * Parameter descriptors: every component kind describes its parameters as data.
 * The scenario validator, the JSON Schema, docs/components.md and the browser
 * inspector are all generated from these descriptors.
 *
 * Raw values are what the author wrote ("250ms", "100/s", "exp(10ms)");
 * resolved values are what the engine receives (ms, per second, DistSpec).
 */
import type { DistSpec } from '../engine/distributions.js';

interface Common {
  /** Short human label, e.g. "Workers". */
  label: string;
  /** One or two sentences shown as help text and in the schema description. */
  help: string;
  /** Parameter must be given (no default). */
  required?: boolean;
  /** Example raw values for docs and editor autocomplete. */
  examples?: unknown[];
  /** Shown in the inspector's "advanced" group. */
  advanced?: boolean;
}

/** A plain number; `integer` restricts to whole numbers. */
export interface NumberParam extends Common {
  type: 'number';
  integer?: boolean;
  default?: number;
  min?: number;
  max?: number;
  /** Exclusive lower bound (e.g. a rate that must be > 0). */
  minExclusive?: boolean;
  /** Unit word shown beside the field, e.g. "keys", "USD/h". */
  unit?: string;
}

/** A duration: "250ms", "2s", "5m", "1h" or a number of ms. Resolves to ms. */
export interface DurationParam extends Common {
  type: 'duration';
  default?: number | string;
  /** Bounds in ms. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
}

/** A rate: "100/s", "6000/min" or a number per second. Resolves to per second. */
export interface RateParam extends Common {
  type: 'rate';
  default?: number | string;
  /** Bounds per second. */
  min?: number;
  max?: number;
  minExclusive?: boolean;
}

/** A distribution of durations: "5ms", "exp(10ms)", {dist: exponential, mean: 10ms}. */
export interface DistParam extends Common {
  type: 'dist';
  default?: number | string;
}

export interface EnumParam extends Common {
  type: 'enum';
  values: readonly string[];
  default?: string;
}

export interface BooleanParam extends Common {
  type: 'boolean';
  default?: boolean;
}

export interface StringParam extends Common {
  type: 'string';
  default?: string;
  /** Regular expression source the value must match. */
  pattern?: string;
  /** The value must be the id of a component linked from this one. */
  ref?: 'linked';
}

/**
 * A nested object with fixed fields, e.g. `keys: {count, skew}`. Absent, it
 * resolves to its fields' defaults, unless it is `optional`: then absent means
 * off (`autoscale`, `circuitBreaker`), and when given, its fields take their defaults.
 */
export interface ObjectParam extends Common {
  type: 'object';
  fields: Record<string, Param>;
  optional?: boolean;
}

/** A map with free keys, e.g. `routes: {/checkout: 0.2}`. */
export interface MapParam extends Common {
  type: 'map';
  /** Regular expression source the keys must match. */
  keyPattern?: string;
  /** What a key is, for messages: "route path". */
  keyLabel?: string;
  values: Param;
  /** Bound on the number of entries. */
  maxEntries?: number;
}

/** A list, e.g. `phases: [...]`. */
export interface ListParam extends Common {
  type: 'list';
  items: Param;
  minItems?: number;
  maxItems?: number;
}

export type Param =
  | NumberParam
  | DurationParam
  | RateParam
  | DistParam
  | EnumParam
  | BooleanParam
  | StringParam
  | ObjectParam
  | MapParam
  | ListParam;

/** The value a descriptor resolves to: ms for durations, per second for rates, DistSpec for distributions. */
export type ValueOf<P> = P extends { type: 'number' | 'duration' | 'rate' }
  ? number
  : P extends { type: 'dist' }
    ? DistSpec
    : P extends { type: 'enum'; values: readonly (infer V)[] }
      ? V
      : P extends { type: 'boolean' }
        ? boolean
        : P extends { type: 'string' }
          ? string
          : P extends { type: 'object'; fields: infer F }
            ? ParamsOf<F>
            : P extends { type: 'map'; values: infer V }
              ? Record<string, ValueOf<V>>
              : P extends { type: 'list'; items: infer I }
                ? ValueOf<I>[]
                : never;

/** Whether a descriptor always resolves to a value: required, defaulted, or an object with a defaulted field. */
type IsPresent<P> = P extends { required: true }
  ? true
  : P extends { default: NonNullable<unknown> }
    ? true
    : P extends { type: 'object'; fields: infer F }
      ? P extends { optional: true }
        ? false
        : true extends { [K in keyof F]: IsPresent<F[K]> }[keyof F]
          ? true
          : false
      : false;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * The resolved values of a set of descriptors: a field is present when it is
 * required or has a default, optional otherwise.
 * @example
 * ParamsOf<{ workers: { type: 'number'; default: 1 }; crashOn: { type: 'object'; optional: true; fields: {...} } }>
 * // { workers: number; crashOn?: {...} }
 */
export type ParamsOf<F> = Simplify<
  { -readonly [K in keyof F as IsPresent<F[K]> extends true ? K : never]: ValueOf<F[K]> } & {
    -readonly [K in keyof F as IsPresent<F[K]> extends true ? never : K]?: ValueOf<F[K]>;
  }
>;

/** Resolved value type for a descriptor, as generic code sees it (kinds see ParamsOf their own). */
export type Resolved = number | string | boolean | DistSpec | ResolvedObject | Resolved[] | undefined;
export interface ResolvedObject {
  [key: string]: Resolved;
}

/** Parameters every kind accepts, whatever its own. */
export const commonParams: Record<string, Param> = {
  kind: { type: 'string', label: 'Kind', help: 'Which kind of component this is.', required: true },
  label: { type: 'string', label: 'Label', help: 'Display name shown on the diagram (defaults to the id).' },
  position: {
    type: 'object',
    label: 'Position',
    help: 'Diagram layout position (optional; laid out automatically when absent).',
    advanced: true,
    fields: {
      x: { type: 'number', label: 'x', help: 'Horizontal position in diagram units.', min: -1e6, max: 1e6 },
      y: { type: 'number', label: 'y', help: 'Vertical position in diagram units.', min: -1e6, max: 1e6 },
    },
  },
};

/**
 * Units of the scenario format: durations ("250ms", "2s", "1h30m", a number of ms)
 * resolve to milliseconds, rates ("100/s", "6000/min", a number per second) to
 * requests per second.
 */
import { show } from './suggest.js';

/** A value that does not fit its expected form; the message says what was expected. */
export class ValueError extends Error {
  override name = 'ValueError';
}

/**
 * Milliseconds in one of each duration unit. A unit comes before every shorter
 * unit it starts with (ms before m and s, sec before s), because UNIT tries them
 * in this order and PART takes the first that matches.
 */
const MS: Record<string, number> = {
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  sec: 1e3,
  min: 6e4,
  hr: 36e5,
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
};
const UNIT = Object.keys(MS).join('|');
const NUM = String.raw`(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
// Only plain spaces may separate a number from its unit or one part from the
// next; nothing may pad the whole value, which is how "  5  " once slipped
// through as 5 ms.
const PART = new RegExp(String.raw`(${NUM}) *(${UNIT})`, 'gy');
const BARE = new RegExp(String.raw`^[+-]?${NUM}$`);
const RATE = new RegExp(String.raw`^(${NUM}) *(?:/ *(${UNIT})|rps)$`);

/** Pattern of a duration string, also used by the JSON Schema. */
export const DURATION_PATTERN = String.raw`^${NUM} *(${UNIT})( *${NUM} *(${UNIT}))*$`;
/** Pattern of a rate string, also used by the JSON Schema. */
export const RATE_PATTERN = String.raw`^${NUM} *(/ *(${UNIT})|rps)$`;

/** What a duration looks like, for messages: `expected ${DURATION_HINT}, got …`. */
export const DURATION_HINT = 'a duration such as "250ms" or "2s"';
/** What a rate looks like, for messages: `expected ${RATE_HINT}, got …`. */
export const RATE_HINT = 'a rate such as "100/s" or "6000/min"';

/**
 * Parses a duration into ms: a number is ms; a string is one or more
 * number-unit parts (`"1h30m"`). Units: us/µs, ms, s, m/min, h, d.
 * @example parseDuration('1.5s') // 1500
 */
export function parseDuration(v: unknown): number {
  return parseAmount(v, DURATION_HINT, (s) => {
    PART.lastIndex = 0;
    let ms = 0,
      end = 0;
    for (let m: RegExpExecArray | null; (m = PART.exec(s)); end = PART.lastIndex) {
      ms += Number(m[1]) * MS[m[2]];
      while (s[PART.lastIndex] === ' ' && PART.lastIndex < s.length - 1) PART.lastIndex++;
    }
    return end === 0 || end < s.length ? undefined : ms;
  });
}

/**
 * Parses a rate into events per second: a number is per second; a string is
 * `N/unit` (`"6000/min"`, `"10/ms"`) or `"N rps"`.
 * @example parseRate('6000/min') // 100
 */
export function parseRate(v: unknown): number {
  return parseAmount(v, RATE_HINT, (s) => {
    const m = RATE.exec(s);
    return m ? Number(m[1]) / (m[2] ? MS[m[2]] / 1000 : 1) : undefined;
  });
}

/**
 * A number as it is, or a string lower-cased and read by `read` (undefined when
 * it does not fit); either way finite and ≥ 0, or a ValueError saying
 * `expected ${hint}` and, for a near miss, what to change.
 */
function parseAmount(v: unknown, hint: string, read: (s: string) => number | undefined): number {
  if (typeof v === 'number') return checkAmount(v, hint, v);
  if (typeof v !== 'string') throw new ValueError(`expected ${hint}, got ${show(v)}`);
  const s = v.toLowerCase();
  if (s.trim().startsWith('-')) throw new ValueError(`expected a non-negative ${hint.slice(2)}, got ${show(v)}`);
  const x = read(s);
  if (x === undefined) throw new ValueError(`expected ${hint}, got ${show(v)}${nearMiss(v, read)}`);
  return checkAmount(x, hint, v);
}

/** Why a string that is almost an amount is not one: padding, or a number without its unit. */
function nearMiss(v: string, read: (s: string) => number | undefined): string {
  const inner = v.trim();
  if (inner !== v && inner !== '' && read(inner.toLowerCase()) !== undefined) return ' (remove the blank characters around it)';
  if (!BARE.test(inner)) return '';
  const isRate = read('1s') === undefined;
  const units = isRate ? ['/s', '/min'] : ['ms', 's'];
  return (
    ` (as text it needs a unit, such as ${units.map((u) => JSON.stringify(inner + u)).join(' or ')}; ` +
    `the bare number ${inner} means ${isRate ? 'per second' : 'milliseconds'})`
  );
}

function checkAmount(x: number, hint: string, raw: unknown): number {
  if (!Number.isFinite(x)) throw new ValueError(`expected ${hint}, got ${show(raw)}`);
  if (x < 0) throw new ValueError(`expected a non-negative ${hint.slice(2)}, got ${show(raw)}`);
  return x;
}

const trim = (x: number, digits = 6) => String(+x.toPrecision(digits));

/**
 * A duration in ms as the shortest readable string, to `digits` significant
 * digits (6 keeps a scenario's own values exact; reports use fewer).
 * @example formatDuration(90_000) // "1.5m"
 */
export function formatDuration(ms: number, digits = 6): string {
  if (!Number.isFinite(ms)) return String(ms);
  const a = Math.abs(ms);
  if (a === 0) return '0ms';
  if (a < 1) return `${trim(ms * 1e3, digits)}us`;
  if (a < 1e3) return `${trim(ms, digits)}ms`;
  if (a < 6e4) return `${trim(ms / 1e3, digits)}s`;
  if (a < 36e5) return `${trim(ms / 6e4, digits)}m`;
  if (a < 864e5) return `${trim(ms / 36e5, digits)}h`;
  return `${trim(ms / 864e5, digits)}d`;
}

/**
 * A rate per second as a readable string, per minute or hour when below 1/s.
 * @example formatRate(0.5) // "30/min"
 */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond) || perSecond === 0 || perSecond >= 1) return `${trim(perSecond)}/s`;
  if (perSecond * 60 >= 1) return `${trim(perSecond * 60)}/min`;
  return `${trim(perSecond * 3600)}/h`;
}

/**
 * A goal's target, written in its metric's unit: a time, a share, a rate,
 * dollars or a plain number, read into the unit's base (ms, a ratio, per
 * second, USD, a number).
 */
import type { NumberUnit } from './metric-paths.js';
import { show } from './suggest.js';
import { parseDuration, parseRate, ValueError } from './units.js';

const UNIT_HINT: Record<NumberUnit, string> = {
  ms: 'a time such as "150ms" or "2s"',
  ratio: 'a share such as "1%" or 0.01',
  rps: 'a rate such as "500/s"',
  usd: 'an amount such as "$100"',
  count: 'a number',
  number: 'a number',
};

/**
 * A target in the metric's unit: a time ("150ms", or a number of ms), a share
 * ("1%", or a fraction), a rate ("500/s", or a number per second), dollars
 * ("$100" or a number) or a plain number. Throws ValueError saying what was expected.
 * @example parseTarget('1%', 'ratio') // 0.01
 */
export function parseTarget(v: unknown, unit: NumberUnit): number {
  const fail = (): never => {
    throw new ValueError(`expected ${UNIT_HINT[unit]} (the metric's unit), got ${show(v)}`);
  };
  if (unit === 'ratio' && !(typeof v === 'string' && v.trim().endsWith('%'))) {
    // a share written as a fraction: 5 is surely 5 %, not 500 %
    const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.trim()) : Number.NaN;
    if (Number.isFinite(x) && Math.abs(x) > 1)
      throw new ValueError(
        `expected a share such as "1%" or 0.01, got ${show(v)}: a plain number is a fraction (1 is 100%); write "${x}%"`,
      );
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : fail();
  if (typeof v !== 'string') return fail();
  const s = v.trim();
  const plain = (t: string) => (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : fail());
  const inUnit = (parse: (v: unknown) => number, what: string) => {
    try {
      return parse(v);
    } catch (e) {
      throw e instanceof ValueError ? new ValueError(`${e.message} (the metric is ${what})`) : e;
    }
  };
  switch (unit) {
    case 'ms':
      return inUnit(parseDuration, 'a time');
    case 'rps':
      return inUnit(parseRate, 'a rate');
    case 'ratio':
      return s.endsWith('%') ? plain(s.slice(0, -1).trim()) / 100 : plain(s);
    case 'usd':
      return plain(s.startsWith('$') ? s.slice(1).trim() : s);
    default:
      return plain(s);
  }
}

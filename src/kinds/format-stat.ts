/**
 * How a declared statistic reads, in the CLI report and on the app's badges
 * alike: one formatter for every unit a kind can declare (src/kinds/define.ts).
 */
import type { StatDef, StatUnit } from './define.js';

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** "12.3 ms", "1.24 s", "—" for missing. */
export function formatMs(x: number | null | undefined): string {
  if (!finite(x)) return '—';
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

/** One formatter for every count: toLocaleString builds a new one per call, which a live run's tables and badges pay for many times a second. */
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1234567 → "1,234,567". */
export const formatCount = (x: number | null | undefined): string => (finite(x) ? COUNT.format(Math.round(x)) : '—');

/** 0.853 → "85%", 0.0012 → "0.1%". */
export const formatPercent = (x: number | null | undefined): string =>
  !finite(x) ? '—' : x > 0 && x < 0.01 ? `${(x * 100).toFixed(1)}%` : `${Math.round(x * 100)}%`;

/** Requests per second with sensible precision. */
export const formatRps = (x: number | null | undefined): string =>
  !finite(x) ? '—' : x >= 100 ? formatCount(x) : x.toFixed(x >= 10 ? 1 : 2);

/** US dollars: cents for amounts of a dollar or more, four decimals below. */
export const formatUsd = (x: number | null | undefined): string => (finite(x) ? `$${x.toFixed(x < 1 ? 4 : 2)}` : '—');

/**
 * A statistic value in its declared unit: numbers by unit, a latency summary
 * `{mean, p50, p99}` as "mean (p99 …)", a cost `{run, perMonth}` as
 * "$0.0123 ($30.37/month)", a level `{mean, max, …}` as "3.2 (max 40)"; "—" for
 * anything missing or malformed.
 * @example formatStat({ mean: 4.2, p50: 3, p99: 21 }, 'summary-ms') // "4.20 ms (p99 21.0 ms)"
 */
export function formatStat(value: unknown, unit: StatUnit): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (unit === 'summary-ms') return finite(o.mean) ? `${formatMs(o.mean)} (p99 ${formatMs(o.p99 as number)})` : '—';
    if (unit === 'cost') return finite(o.run) ? `${formatUsd(o.run)} (${formatUsd(o.perMonth as number)}/month)` : '—';
    if (unit === 'level') return finite(o.mean) ? `${formatStat(o.mean, 'count')} (max ${formatStat(o.max, 'count')})` : '—';
    return '—';
  }
  if (unit === 'text') return String(value);
  if (!finite(value)) return '—';
  switch (unit) {
    case 'ratio':
      return formatPercent(value);
    case 'ms':
    case 'summary-ms':
      return formatMs(value);
    case 'number':
      return value === 0 ? '0' : String(+value.toPrecision(3));
    case 'rps':
      return `${formatRps(value)}/s`;
    case 'usd':
    case 'cost':
      return formatUsd(value);
    default:
      return value >= 100 ? formatCount(value) : String(Math.round(value * 10) / 10);
  }
}

/**
 * A declared statistic's value: by its unit, or — for one declared `per`
 * something — each key's figure, "/orders 120 · /users 30" (at most `maxKeys`).
 * @example formatDeclared({ a: 0.25, b: 0.75 }, { label: 'Share', unit: 'ratio', per: 'target' }) // "a 25% · b 75%"
 */
export function formatDeclared(value: unknown, def: Pick<StatDef, 'unit' | 'per'>, maxKeys = 8): string {
  if (!def.per) return formatStat(value, def.unit);
  if (value === null || typeof value !== 'object') return '—';
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return '—';
  const shown = entries.slice(0, maxKeys).map(([k, v]) => `${k} ${formatStat(v, def.unit)}`);
  return entries.length > maxKeys ? `${shown.join(' · ')} · +${entries.length - maxKeys} more` : shown.join(' · ');
}

/** Number formatting for tables, badges and axes. */

export { formatCount as count, formatMs as ms, formatPercent as pct, formatRps as rps } from '../kinds/format-stat.js';

/** Signed relative change "+12%" / "−8%" between a baseline and a value; '' when not comparable. */
export function delta(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || !Number.isFinite(value) || !Number.isFinite(base)) return '';
  if (base === 0) return value === 0 ? '±0%' : '';
  const d = (value - base) / Math.abs(base);
  if (Math.abs(d) < 0.005) return '±0%';
  const s = Math.abs(d) >= 10 ? `${Math.round(Math.abs(d))}×` : `${(Math.abs(d) * 100).toFixed(Math.abs(d) < 0.1 ? 1 : 0)}%`;
  return (d > 0 ? '+' : '−') + s;
}

/** Load colour class for a utilisation: ok below 70%, warm to 90%, hot above. */
export const loadTone = (u: number): 'ok' | 'warm' | 'hot' => (u >= 0.9 ? 'hot' : u >= 0.7 ? 'warm' : 'ok');

/** Number formatting for tables, badges and axes. */

/** "12.3 ms", "1.24 s", "—" for missing. */
export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(2)} ms`;
}

/** 1234567 → "1,234,567". */
export const count = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? '—' : Math.round(x).toLocaleString('en-US'));

/** 0.853 → "85%", 0.0012 → "0.1%". */
export const pct = (x: number | undefined): string =>
  x === undefined || !Number.isFinite(x) ? '—' : x > 0 && x < 0.01 ? `${(x * 100).toFixed(1)}%` : `${Math.round(x * 100)}%`;

/** Requests per second with sensible precision. */
export const rps = (x: number | undefined): string =>
  x === undefined || !Number.isFinite(x) ? '—' : x >= 100 ? count(x) : x.toFixed(x >= 10 ? 1 : 2);

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

/** A statistic value in its declared unit. */
export function stat(value: unknown, unit: string): string {
  if (typeof value !== 'number') return '—';
  switch (unit) {
    case 'ratio': return pct(value);
    case 'ms': return ms(value);
    case 'rps': return `${rps(value)}/s`;
    case 'usd': return `$${value.toFixed(2)}`;
    default: return value >= 100 ? count(value) : String(Math.round(value * 10) / 10);
  }
}

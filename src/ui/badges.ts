/**
 * A node's badges: the statistics its kind declares `badge: true`, each with a
 * short label ("hit 65%", "lost 3,016", "throttled 2,022", "busy 65%"), and the
 * mean queue ("q 696") when requests waited. The diagram draws them; the label
 * says which figure a number is, so "2,022" never stands alone.
 */
import { declaredStats, type AnyKindDef, type ComponentStats } from '../kinds/define.js';
import { formatDeclared, formatStat } from '../kinds/format-stat.js';

/** One badge: the statistic it shows, its short text, and the declared label and help for the accessible name and tooltip. */
export interface Badge {
  key: string;
  /** "hit 65%" */
  text: string;
  /** "Hit ratio 65%" */
  name: string;
  help?: string;
}

/**
 * Short labels by statistic key, for the badge; a statistic missing here reads
 * with its declared label in lower case. Keys mean the same in every kind
 * (a hit ratio is a hit ratio), so one table serves them all.
 */
export const SHORT_LABELS: Record<string, string> = {
  utilization: 'busy',
  hitRatio: 'hit',
  lost: 'lost',
  throttled: 'throttled',
  lag: 'backlog',
  poolWaitMs: 'pool wait',
  coldStartRatio: 'cold',
  notFound: '404',
};

/** The badges of a component of kind `def` given its statistics (none without a run). */
export function badgesOf(def: AnyKindDef | undefined, st: ComponentStats | undefined): Badge[] {
  if (!st) return [];
  const out: Badge[] = (def ? declaredStats(def) : [])
    .filter(([key, s]) => s.badge && st[key] !== undefined && st[key] !== null)
    .map(([key, s]) => {
      const value = formatDeclared(st[key], s, 2);
      return { key, text: `${SHORT_LABELS[key] ?? s.label.toLowerCase()} ${value}`, name: `${s.label} ${value}`, help: s.help };
    });
  if (st.queueLength.max > 0) {
    const q = formatStat(st.queueLength.mean, 'count');
    out.push({ key: 'queue', text: `q ${q}`, name: `Queue ${q}`, help: 'Requests waiting for a worker, time-averaged.' });
  }
  return out;
}

/** Badge width in px for its text (10 px font, about 6 px a character, with padding). */
export const badgeWidth = (b: Badge): number => Math.max(40, Math.round(b.text.length * 6.1 + 14));

/** Badges laid out in rows under a node: left to right, a new row when the next would pass `maxWidth`. */
export function badgeRows(badges: Badge[], maxWidth = 220): { b: Badge; x: number; y: number }[] {
  let x = 0,
    y = 0;
  return badges.map((b) => {
    const w = badgeWidth(b);
    if (x > 0 && x + w > maxWidth) (x = 0), (y += 22);
    const at = { b, x, y };
    x += w + 4;
    return at;
  });
}

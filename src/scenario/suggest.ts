/** "Did you mean" hints by edit distance, for unknown keys, kinds, ids and names. */

/** Levenshtein distance with adjacent transpositions, case-insensitive. */
function editDistance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/** The closest candidate within 40% of the longer word's length (at least 1, at most 3 edits). */
function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > 100) return undefined;
  let best: string | undefined,
    bestD = Infinity;
  for (const c of candidates) {
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(word.length, c.length) * 0.4)));
    const dist = editDistance(word, c);
    if (dist <= limit && dist < bestD) [best, bestD] = [c, dist];
  }
  return best;
}

/** `; did you mean "x"?` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c === undefined ? '' : `; did you mean "${c}"?`;
}

/** A value as it appears in a message: strings quoted, long values cut. */
export function show(v: unknown): string {
  let s: string;
  // cut a long string before quoting it, so the cut never splits an escape such as \u0000
  if (typeof v === 'string') return JSON.stringify(v.length > 58 ? v.slice(0, 55) : v).replace(/"$/, v.length > 58 ? '…"' : '"');
  else if (v === undefined) s = 'nothing';
  else if (typeof v === 'number' || typeof v === 'boolean' || v === null) s = String(v);
  else s = Array.isArray(v) ? 'a list' : 'an object';
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

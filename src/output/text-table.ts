/** Plain-text tables for the terminal reports: the CLI's run, replication, analysis and sweep reports share this one. */

/**
 * Rows under a header and a dashed rule, each column padded to its widest cell:
 * the first `alignLeft` columns (and the last, with `lastLeft`) left-aligned, the
 * others right-aligned, trailing spaces trimmed.
 * @example textTable(['Id', 'p99'], [['app', '23.0']]) // "Id    p99\n---  ----\napp  23.0"
 */
export function textTable(header: string[], rows: string[][], alignLeft = 1, lastLeft = false): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const isLeft = (i: number, n: number) => i < alignLeft || (lastLeft && i === n - 1);
  const line = (r: string[]) =>
    r
      .map((c, i) => (isLeft(i, r.length) ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

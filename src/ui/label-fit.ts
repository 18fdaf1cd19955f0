/**
 * Fitting a text into a node box: the largest font size (down to a floor) at
 * which it fits, else the longest prefix that fits with an ellipsis. Widths are
 * measured by a canvas; without one (Node), by a generous per-character estimate.
 */

/** A label as drawn: the text (shortened with "…" when it could not fit) and its font size in px. */
export type FittedLabel = { text: string; sizePx: number; isShortened: boolean };

/** Measures `text` in a CSS `font` ("600 13px Inter"): px. */
export type Measure = (text: string, font: string) => number;

let context: CanvasRenderingContext2D | null | undefined;

/** The canvas measurer of the page; a 0.62 em per character estimate where there is no canvas. */
export const measureText: Measure = (text, font) => {
  context ??= typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  if (!context) return text.length * 0.62 * Number(/(\d+(\.\d+)?)px/.exec(font)?.[1] ?? 13);
  context.font = font;
  return context.measureText(text).width;
};

/**
 * `text` at `sizePx`, or smaller down to `minPx` (in half pixels), so it is at
 * most `maxPx` wide; at `minPx` and still too wide, cut with an ellipsis.
 * @example fitLabel('EC2 (t3.medium)', 96, { weight: 600, sizePx: 13, minPx: 10, family: 'Inter' })
 * // { text: 'EC2 (t3.medium)', sizePx: 11.5, isShortened: false }
 */
export function fitLabel(
  text: string,
  maxPx: number,
  f: { weight: number; sizePx: number; minPx: number; family: string },
  measure: Measure = measureText,
): FittedLabel {
  const font = (px: number) => `${f.weight} ${px}px ${f.family}`;
  for (let px = f.sizePx; px >= f.minPx; px -= 0.5) if (measure(text, font(px)) <= maxPx) return { text, sizePx: px, isShortened: false };
  let n = text.length - 1;
  while (n > 1 && measure(`${text.slice(0, n).trimEnd()}…`, font(f.minPx)) > maxPx) n--;
  return { text: `${text.slice(0, n).trimEnd()}…`, sizePx: f.minPx, isShortened: true };
}

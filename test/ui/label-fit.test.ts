import { describe, expect, it } from 'vitest';
import { fitLabel, type Measure } from '../../src/ui/label-fit.js';

/** Every character 0.6 em wide: widths are exact, so the expectations are too. */
const mono: Measure = (text, font) => text.length * 0.6 * Number(/(\d+(\.\d+)?)px/.exec(font)![1]);
const label = { weight: 600, sizePx: 13, minPx: 10, family: 'x' };

describe('fitLabel(text, maxPx, font, measure)', () => {
  it('keeps a label that fits at the full size', () => {
    expect(fitLabel('users', 96, label, mono)).toEqual({ text: 'users', sizePx: 13, isShortened: false });
  });

  it('shrinks "EC2 (t3.medium)" (15 characters: 117 px at 13 px) until it fits in 96 px, whole', () => {
    // 15 × 0.6 × 10.5 = 94.5 ≤ 96; 15 × 0.6 × 11 = 99 > 96
    expect(fitLabel('EC2 (t3.medium)', 96, label, mono)).toEqual({ text: 'EC2 (t3.medium)', sizePx: 10.5, isShortened: false });
  });

  it('cuts with an ellipsis at the smallest size when shrinking is not enough', () => {
    // at 10 px a character is 6 px: 16 characters with the ellipsis fill 96 px
    const fit = fitLabel('a-very-long-component-name', 96, label, mono);
    expect(fit).toEqual({ text: 'a-very-long-com…', sizePx: 10, isShortened: true });
    expect(mono(fit.text, '10px')).toBeLessThanOrEqual(96);
  });
});

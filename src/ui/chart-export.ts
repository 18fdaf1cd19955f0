/**
 * A chart as a file: a standalone SVG (title, legend and plot, with the page's
 * theme colours written in, since CSS variables mean nothing outside the page)
 * and a PNG rendered from it; and the download of any blob.
 */
import type { ChartSpec } from './charts.js';

const NS = 'http://www.w3.org/2000/svg';
/** Presentation properties copied from the page onto each exported element. */
const PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'display',
];
const HEADER_PX = 34;

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/**
 * The SVG text of a drawn chart: a header with the title and legend above a
 * copy of `plot` whose elements carry their computed colours and fonts.
 */
export function standaloneSvg(plot: SVGSVGElement, spec: ChartSpec, host: CSSStyleDeclaration): string {
  const w = Number(plot.getAttribute('width')) || plot.clientWidth,
    h = Number(plot.getAttribute('height')) || plot.clientHeight;
  const copy = plot.cloneNode(true) as SVGSVGElement;
  const from = plot.querySelectorAll('*'),
    to = copy.querySelectorAll('*');
  from.forEach((el, i) => {
    const cs = getComputedStyle(el);
    for (const p of PROPS) {
      const v = cs.getPropertyValue(p);
      if (v && !(p === 'display' && v !== 'none')) to[i].setAttribute(p, v);
    }
  });
  const text = host.getPropertyValue('color') || '#222';
  const panel = host.getPropertyValue('--panel').trim() || '#fff';
  const font = host.getPropertyValue('--font').trim() || 'sans-serif';
  let lx = 8;
  const legend = spec.series
    .map((s) => {
      const x = lx;
      lx += 30 + s.name.length * 6.5;
      return `<line x1="${x}" y1="26" x2="${x + 20}" y2="26" stroke="${s.color}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}${s.isBaseline ? ' stroke-opacity="0.55"' : ''}/><text x="${x + 24}" y="29" font-size="11">${escapeXml(s.name)}</text>`;
    })
    .join('');
  const body = new XMLSerializer().serializeToString(copy).replace(/^<svg[^>]*>|<\/svg>$/g, '');
  return `<svg xmlns="${NS}" width="${w}" height="${h + HEADER_PX}" viewBox="0 0 ${w} ${h + HEADER_PX}" font-family="${escapeXml(font)}" fill="${text}">
<rect width="100%" height="100%" fill="${panel}"/>
<text x="8" y="13" font-size="12" font-weight="600">${escapeXml(spec.title)}</text>
<g>${legend}</g>
<g transform="translate(0,${HEADER_PX})">${body}</g>
</svg>`;
}

/** A PNG (at twice the size, for sharp text) of an SVG text. */
export async function pngOf(svgText: string): Promise<Blob> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth * 2;
    canvas.height = img.naturalHeight * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not make a PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `blob` as `file` through a temporary link. */
export function downloadBlob(file: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = file;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

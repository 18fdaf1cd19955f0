/**
 * <archsim-palette>: every registered component kind, grouped by category,
 * generated from the registry. Click (or Enter) adds one to the diagram;
 * dragging drops it where released.
 */
import { LitElement, css, html, svg } from 'lit';
import { customElement } from 'lit/decorators.js';
import { kinds } from '../kinds/index.js';
import type { Category } from '../kinds/define.js';
import { iconPaths } from './icons.js';

const CATEGORIES: [Category, string][] = [
  ['traffic', 'Traffic'],
  ['edge', 'Edge'],
  ['compute', 'Compute'],
  ['data', 'Data'],
  ['async', 'Messaging'],
];

@customElement('archsim-palette')
export class ArchsimPalette extends LitElement {
  static override styles = css`
    :host { display: block; overflow: auto; padding: 10px 8px; }
    h2 { font: 600 11px var(--font); letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: 6px 6px 6px; }
    h3 { font: 600 10.5px var(--font); letter-spacing: .05em; text-transform: uppercase; color: var(--muted); margin: 12px 6px 4px; }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
    button { width: 100%; display: flex; align-items: center; gap: 10px; padding: 7px 8px; border: 1px solid transparent; border-radius: 8px; background: none; color: var(--text); font: 13px var(--font); text-align: left; cursor: grab; }
    button:hover { background: var(--surface-2); border-color: var(--line); }
    button:focus-visible { outline: 2px solid var(--focus); outline-offset: -1px; }
    .ic { width: 30px; height: 30px; border-radius: 8px; display: grid; place-items: center; background: var(--accent-soft); flex: none; }
    svg { width: 18px; height: 18px; fill: none; stroke: var(--accent); stroke-width: 1.8; stroke-linecap: round; stroke-linejoin: round; }
    .tip { font: 11px/1.4 var(--font); color: var(--muted); margin: 14px 6px 0; }
  `;

  /** Moves keyboard focus to the first kind (a new design starts here). */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLButtonElement>('button')?.focus();
  }

  override render() {
    const defs = Object.values(kinds);
    const known = new Set(CATEGORIES.map(([c]) => c));
    const groups = [
      ...CATEGORIES,
      ...[...new Set(defs.map((d) => d.category))].filter((c) => !known.has(c)).map((c) => [c, c] as [Category, string]),
    ];
    return html`<h2 id="palette-title">Components</h2>
      <nav aria-labelledby="palette-title">
      ${groups.map(([cat, title]) => {
        const list = defs.filter((d) => d.category === cat);
        return list.length
          ? html`<h3>${title}</h3><ul>${list.map(
              (d) => html`<li>
          <button draggable="true" title=${d.help} aria-label=${`Add ${d.label}`}
            @click=${() => this.dispatchEvent(new CustomEvent('archsim-add', { detail: { kind: d.kind }, bubbles: true, composed: true }))}
            @dragstart=${(e: DragEvent) => {
              e.dataTransfer!.setData('application/x-archsim-kind', d.kind);
              e.dataTransfer!.effectAllowed = 'copy';
            }}>
            <span class="ic">${svg`<svg viewBox="0 0 24 24" aria-hidden="true">${iconPaths(d.icon)}</svg>`}</span>${d.label}
          </button></li>`,
            )}</ul>`
          : '';
      })}
      </nav>
      <p class="tip">Click or drag onto the canvas. On the diagram: Tab between parts, arrows move, C connects, Delete removes.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-palette': ArchsimPalette;
  }
}

/**
 * <archsim-gallery>: the start view. Says what archsim is for and what to do,
 * lists the bundled scenarios by topic in course order (one line each) and
 * offers a new, empty design. Keyboard: Tab or the arrow keys move between
 * scenarios, Enter opens one, Esc closes the view.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { type Bundled, byTopic } from './bundled.js';

/** Detail of `archsim-open`: the bundled file chosen. */
export type OpenDetail = { file: string };

@customElement('archsim-gallery')
export class ArchsimGallery extends LitElement {
  /** The scenarios shown (the bundled ones unless a test gives others). */
  @property({ attribute: false }) scenarios?: readonly Bundled[];
  /** File of the scenario open now ('' for none): marked as current. */
  @property() current = '';

  static override styles = css`
    :host { display: block; overflow: auto; background: var(--bg); color: var(--text); font: 13px var(--font); }
    .page { max-width: 1240px; margin: 0 auto; padding: 12px 24px 14px; }
    .head { display: flex; align-items: baseline; gap: 12px; }
    h2 { margin: 0; font: 600 19px var(--font); flex: 1; }
    .intro { margin: 4px 0 10px; font: 13.5px/1.45 var(--font); color: var(--text); }
    /* topics flow down three balanced columns (course order reads down, then across); a section never splits */
    .topics { column-count: 3; column-gap: 24px; }
    section { break-inside: avoid; padding-bottom: 8px; }
    h3 { margin: 0 0 2px; padding: 0 8px 2px; font: 600 11px var(--font); letter-spacing: .06em; text-transform: uppercase; color: var(--muted); border-bottom: 1px solid var(--line); }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 2px; }
    button { font: 13px var(--font); color: var(--text); cursor: pointer; }
    li button { width: 100%; display: grid; gap: 1px; text-align: left; padding: 3px 8px; border: 1px solid transparent; border-radius: 7px; background: none; }
    li button:hover { background: var(--surface); border-color: var(--line); }
    li button[aria-current=true] { border-color: var(--accent); background: var(--accent-soft); }
    .t { font-weight: 600; }
    .l { color: var(--muted); font-size: 12px; }
    .actions { display: flex; gap: 8px; align-items: center; }
    .actions button { padding: 5px 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); }
    .actions button:hover { border-color: var(--accent); color: var(--accent); }
    button:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  `;

  /** Moves keyboard focus to the current scenario (or the first one). */
  focusCurrent(): void {
    const items = this.#items();
    (items.find((b) => b.getAttribute('aria-current') === 'true') ?? items[0])?.focus();
  }

  #items(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('li button')];
  }

  #emit(type: 'archsim-open' | 'archsim-new' | 'archsim-close', detail?: OpenDetail): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** Arrow keys step through the scenarios in course order; Home and End jump to the ends; Esc closes. */
  #onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      return this.#emit('archsim-close');
    }
    const items = this.#items();
    const at = items.indexOf(e.composedPath()[0] as HTMLButtonElement);
    if (at < 0) return;
    const to = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, to))].focus();
  }

  override render() {
    const groups = byTopic(this.scenarios);
    return html`<div class="page" @keydown=${this.#onKey}>
      <div class="head">
        <h2 id="gallery-title">archsim: watch a system design under load</h2>
        <div class="actions">
          <button @click=${() => this.#emit('archsim-new')} title="Start a new design on an empty canvas">New design</button>
          <button @click=${() => this.#emit('archsim-close')} title="Close the scenario list and go back to the design (Esc)">Back to the design</button>
        </div>
      </div>
      <p class="intro">archsim simulates users, servers, caches and queues in your browser, so you can see why requests wait.
        <b>Pick a scenario</b> below, press <b>Run</b> in the top bar, and <b>watch latency</b> and throughput in the charts at the bottom.
        Then change the design, or choose a variant, and run again to compare.</p>
      <nav class="topics" aria-labelledby="gallery-title">${groups.map(
        (g, i) => html`<section aria-labelledby=${`topic-${i}`}>
          <h3 id=${`topic-${i}`}>${i + 1}. ${g.topic}</h3>
          <ul>${g.scenarios.map(
            (
              b,
            ) => html`<li><button aria-current=${b.file === this.current ? 'true' : 'false'} @click=${() => this.#emit('archsim-open', { file: b.file })}>
              <span class="t">${b.title}</span>${b.line ? html`<span class="l">${b.line}</span>` : nothing}</button></li>`,
          )}</ul></section>`,
      )}</nav>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-gallery': ArchsimGallery;
  }
}

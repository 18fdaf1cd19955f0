/**
 * The padlock marking what a challenge's instructor locked: an inline SVG (an
 * emoji 🔒 depends on the reader's fonts) named "locked by the instructor" for
 * screen readers, with the locked path in its tooltip.
 * @example html`<input readonly>${lockIcon('components.users', 'f-rate-lock')}`
 */
import { html, svg } from 'lit';

const PADLOCK = svg`<rect x="5" y="11" width="14" height="10" rx="2"/><path d="M8 11V7a4 4 0 0 1 8 0v4"/>`;

/** The padlock for locked path `path`; `id` lets a field name it in aria-describedby. */
export function lockIcon(path: string, id?: string) {
  return html`<svg class="lock" id=${id ?? ''} role="img" aria-label="locked by the instructor" viewBox="0 0 24 24" width="14" height="14"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><title>Locked by the instructor (${path})</title>${PADLOCK}</svg>`;
}

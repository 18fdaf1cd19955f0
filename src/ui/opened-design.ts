/**
 * The design as it was opened, to tell whether it has been edited since: the
 * title's "(edited)" marker, and whether leaving it must offer an undo.
 */
import type { ScenarioDoc } from '../state/design.js';

/** The document "New design" starts from: an empty canvas with a title and a duration. */
export const newDesign = (): ScenarioDoc => ({ version: 1, title: 'Untitled design', duration: '30s', components: {}, links: [] });

/**
 * A design's state when opened. `isEdited(doc)` compares by content (an undo
 * back to the opened state is not an edit), remembering the last answer so a
 * render that did not change the document costs nothing.
 * @example
 * const opened = new OpenedDesign(doc);
 * opened.isEdited(doc); // false
 * opened.isEdited({ ...doc, title: 'Mine' }); // true
 */
export class OpenedDesign {
  readonly doc: ScenarioDoc;
  #json: string | undefined;
  #last: { doc: ScenarioDoc; isEdited: boolean } | undefined;

  constructor(doc: ScenarioDoc) {
    this.doc = doc;
  }

  /** True when `doc` differs from the design as opened. */
  isEdited(doc: ScenarioDoc): boolean {
    if (doc === this.doc) return false;
    if (this.#last?.doc !== doc) {
      this.#json ??= JSON.stringify(this.doc);
      this.#last = { doc, isEdited: JSON.stringify(doc) !== this.#json };
    }
    return this.#last.isEdited;
  }
}

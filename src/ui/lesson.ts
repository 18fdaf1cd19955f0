/**
 * <archsim-lesson>: the scenario's description beside the diagram, rendered
 * from markdown (sanitised, see lesson-markdown.ts) in a collapsible panel.
 * An author presses Edit to change the markdown source; a student sees the
 * rendered lesson first. The app and the embed both use it.
 *
 * @example
 * <archsim-lesson placement="side" remember-as="archsim.lesson.collapsed" editable
 *   .text=${doc.description} @archsim-lesson-change=${(e) => save(e.detail.text)}></archsim-lesson>
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { lessonHtml } from './lesson-markdown.js';
import { lessonStyles } from './lesson-styles.js';

/** Detail of `archsim-lesson-change`: the edited markdown ('' when cleared). */
export interface LessonChange {
  text: string;
}

@customElement('archsim-lesson')
export class ArchsimLesson extends LitElement {
  /** The description, as markdown. */
  @property() text = '';
  /** Shows the Edit toggle (the app; never the embed). */
  @property({ type: Boolean }) editable = false;
  /** Only the heading is shown; reflected so the host's layout can shrink the panel. */
  @property({ type: Boolean, reflect: true }) collapsed = false;
  /** "side" (a column beside the diagram) or "top" (a band above it). */
  @property({ reflect: true }) placement: 'side' | 'top' = 'side';
  /** localStorage key that keeps the collapsed state across visits; none: not kept. */
  @property({ attribute: 'remember-as' }) rememberAs = '';

  @state() private isEditing = false;
  @query('textarea') private source?: HTMLTextAreaElement;
  #html = '';

  static override styles = lessonStyles;

  /** Opens the panel with the markdown source in the editor, focused (the inspector's "Edit the lesson"). */
  async edit(): Promise<void> {
    if (!this.editable) return;
    this.#setCollapsed(false);
    this.isEditing = true;
    await this.updateComplete;
    this.source?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const kept = this.rememberAs ? readKept(this.rememberAs) : null;
    if (kept !== null) this.collapsed = kept;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('text')) this.#html = this.text.trim() ? lessonHtml(this.text) : '';
    if (changed.has('editable') && !this.editable) this.isEditing = false;
  }

  #setCollapsed(collapsed: boolean): void {
    this.collapsed = collapsed;
    if (this.rememberAs) keep(this.rememberAs, collapsed);
  }

  #toggle(): void {
    if (!this.collapsed) this.#commit();
    this.#setCollapsed(!this.collapsed);
  }

  #toggleEditing(): void {
    if (this.isEditing) this.#commit();
    this.isEditing = !this.isEditing;
    void this.updateComplete.then(() => this.source?.focus());
  }

  #commit(): void {
    const text = this.source?.value;
    if (!this.isEditing || text === undefined || text === this.text) return;
    this.dispatchEvent(new CustomEvent<LessonChange>('archsim-lesson-change', { detail: { text }, bubbles: true, composed: true }));
  }

  #onSourceKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    this.#toggleEditing();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>('button.edit')?.focus());
  }

  #renderBody() {
    if (this.isEditing)
      return html`<textarea aria-label="Lesson text (markdown)" aria-describedby="lesson-source-help" spellcheck="true"
          .value=${this.text} @change=${() => this.#commit()} @keydown=${(e: KeyboardEvent) => this.#onSourceKey(e)}></textarea>
        <p class="help" id="lesson-source-help">Markdown: <code>**bold**</code>, <code>*italic*</code>, <code>### heading</code>,
          lists, <code>[links](https://…)</code>, <code>\`code\`</code>. Saved when you leave the box; Esc or Edit shows it rendered; Ctrl+Z undoes.</p>`;
    if (this.#html) return html`<div class="markdown">${unsafeHTML(this.#html)}</div>`;
    return html`<p class="empty">${
      this.editable
        ? 'No lesson yet. Press Edit to write one: what the design teaches, what to try, what to notice.'
        : 'This scenario has no description.'
    }</p>`;
  }

  override render() {
    const isOpen = !this.collapsed;
    return html`<section aria-labelledby="lesson-title">
      <div class="head">
        <h2 id="lesson-title"><button class="toggle" aria-expanded=${isOpen} aria-controls="lesson-body"
          title=${isOpen ? 'Hide the lesson' : 'Show the lesson'} @click=${() => this.#toggle()}><span class="chevron" aria-hidden="true"></span>Lesson</button></h2>
        ${
          this.editable && isOpen
            ? html`<button class="edit" aria-pressed=${this.isEditing} title="Edit the lesson's markdown" @click=${() => this.#toggleEditing()}>Edit</button>`
            : nothing
        }
      </div>
      <div class="body" id="lesson-body" tabindex=${this.isEditing ? -1 : 0} ?hidden=${!isOpen}>${isOpen ? this.#renderBody() : nothing}</div>
    </section>`;
  }
}

/** The kept collapsed state under `key`, or null when none is kept (or storage is refused). */
function readKept(key: string): boolean | null {
  try {
    const v = localStorage.getItem(key);
    return v === null ? null : v === '1';
  } catch {
    return null;
  }
}

function keep(key: string, collapsed: boolean): void {
  try {
    localStorage.setItem(key, collapsed ? '1' : '0');
  } catch {
    // a browser that refuses storage forgets the choice; the panel still works
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-lesson': ArchsimLesson;
  }
  interface HTMLElementEventMap {
    'archsim-lesson-change': CustomEvent<LessonChange>;
  }
}

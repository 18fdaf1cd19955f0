/**
 * <archsim-source>: the Source tab, the design's YAML in CodeMirror 6. Linted
 * live by archsim's own validator (gutter markers, underlines, a problem list),
 * completion and hover help from the JSON Schema and the kinds' descriptors,
 * and two-way sync with the design store: valid text replaces the design (one
 * undo step in the store), and a change made in the diagram or inspector is
 * written into the text through the yaml Document API, so comments and key
 * order survive. Text with problems never reaches the store: the diagram keeps
 * the last good design. Loaded on demand (app.ts imports it when the tab opens).
 */
import { autocompletion, completionKeymap, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { bracketMatching, foldGutter, HighlightStyle, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic, lintGutter, linter, lintKeymap } from '@codemirror/lint';
import { Annotation, EditorState, Transaction } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Problem } from '../scenario/index.js';
import type { DesignStore, ScenarioDoc } from '../state/design.js';
import type { UiStore } from '../state/ui.js';
import { exportYaml } from '../state/yaml-io.js';
import { bundled } from './bundled.js';
import {
  carryChange,
  type Checked,
  checkSource,
  componentAt,
  helpFor,
  keysOf,
  parseClean,
  placeAt,
  problemRange,
  lockProblems,
  problemText,
  schemaAt,
  valuesOf,
} from './source-sync.js';

/** Marks a transaction that writes the store's design into the text (not the author typing). */
const fromDesign = Annotation.define<boolean>();

/** How long typing pauses before the text is checked and, when valid, given to the diagram. */
const CHECK_DELAY_MS = 300;

/** The text the editor opens with: the bundled file's own text (its comments) carried to `doc`, else the export. */
function openingText(doc: ScenarioDoc, source: string): string {
  const b = bundled.find((x) => x.file === source);
  const y = b && parseClean(b.text);
  return (y && b && carryChange(b.text, y.toJS(), doc)) ?? exportYaml(doc);
}

/** The single change that turns `a` into `b` (common start and end kept, so the cursor stays put). */
function diff(a: string, b: string): { from: number; to: number; insert: string } {
  let s = 0;
  while (s < a.length && s < b.length && a[s] === b[s]) s++;
  let e = 0;
  while (e < a.length - s && e < b.length - s && a[a.length - 1 - e] === b[b.length - 1 - e]) e++;
  return { from: s, to: a.length - e, insert: b.slice(s, b.length - e) };
}

/** Syntax colours from the page's theme variables, so light and dark both read. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--accent)' },
  { tag: tags.comment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--ok)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--warm)' },
  { tag: [tags.meta, tags.punctuation, tags.separator], color: 'var(--muted)' },
]);

const editorTheme = EditorView.theme({
  '&': { height: '100%', color: 'var(--text)', backgroundColor: 'var(--surface)', fontSize: '13px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--text)' },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-2px' },
  '.cm-gutters': { backgroundColor: 'var(--surface-2)', color: 'var(--muted)', borderRight: '1px solid var(--line)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 14%, transparent)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 30%, transparent) !important',
  },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--line-strong)', borderRadius: '6px' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--on-accent)' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: '340px', whiteSpace: 'pre-wrap', padding: '6px 8px' },
  '.cm-diagnostic': { whiteSpace: 'pre-wrap' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--hot)' },
  '.archsim-hover': { maxWidth: '380px', padding: '6px 10px', whiteSpace: 'pre-wrap', font: '12px var(--font)' },
  '.archsim-hover b': { fontFamily: 'var(--mono)' },
});

@customElement('archsim-source')
export class ArchsimSource extends LitElement {
  @property({ attribute: false }) design!: DesignStore;
  /** When given, the component the cursor is in becomes the selection, so the inspector beside shows it. */
  @property({ attribute: false }) ui?: UiStore;
  /** The problems in the text as last checked (none: the diagram shows exactly this text). */
  @state() private problems: Problem[] = [];
  @query('.editor') private host!: HTMLElement;
  #view?: EditorView;
  /** The store's design the text last agreed with, and where it came from. */
  #known?: ScenarioDoc;
  #source = '';
  /** The last text that parsed as YAML, the base for writing store changes when the current text does not. */
  #lastClean = '';
  #timer = 0;
  #isPushing = false;
  #sub?: { unsubscribe(): void };

  static override styles = css`
    :host { display: flex; flex-direction: column; min-height: 0; height: 100%; }
    .editor { flex: 1; min-height: 0; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
    .status { margin: 0 0 6px; font-size: 12px; color: var(--muted); min-height: 1.4em; }
    .status.bad { color: var(--hot); font-weight: 600; }
    ul { list-style: none; margin: 6px 0 0; padding: 0; max-height: 8.5em; overflow: auto; }
    li button { all: unset; box-sizing: border-box; display: block; width: 100%; padding: 3px 8px; border-radius: 4px; cursor: pointer;
      font: 12px var(--mono); color: var(--text); background: var(--hot-bg); margin-bottom: 2px; white-space: pre-wrap; }
    li button:focus-visible { outline: 2px solid var(--focus); }
    .hint { font-size: 11px; color: var(--muted); margin-top: 4px; }
  `;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.design) this.#subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#sub?.unsubscribe();
    this.#sub = undefined;
    clearTimeout(this.#timer);
  }

  #subscribe(): void {
    this.#sub?.unsubscribe();
    this.#sub = this.design.subscribe((s) => this.#fromStore(s.context.doc, s.context.source));
  }

  override firstUpdated(): void {
    const { doc, source } = this.design.getSnapshot().context;
    this.#view = new EditorView({ parent: this.host, root: this.renderRoot as ShadowRoot, state: this.#state(openingText(doc, source)) });
    this.#known = doc;
    this.#source = source;
    this.#check(this.#view.state.doc.toString(), false);
    if (!this.#sub) this.#subscribe();
  }

  /** The text in the editor now (checked or not). */
  get text(): string {
    return this.#view?.state.doc.toString() ?? '';
  }

  /** Focuses the editor (when the tab opens). */
  focusEditor(): void {
    this.#view?.requestMeasure();
    this.#view?.focus();
  }

  #state(text: string): EditorState {
    this.#lastClean = text;
    return EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        foldGutter(),
        lintGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(highlight),
        EditorState.tabSize.of(2),
        EditorView.lineWrapping,
        linter((view) => this.#diagnostics(view), { delay: CHECK_DELAY_MS }),
        autocompletion({ override: [(c) => this.#complete(c)], activateOnTyping: true }),
        hoverTooltip((view, pos) => this.#hover(view, pos)),
        keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, ...lintKeymap]),
        // tabindex: the contenteditable is focusable anyway; said outright so checkers see the scroller holds a tab stop
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario source (YAML)', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.selectionSet && u.view.hasFocus) this.#selectAt(u.state.doc.toString(), u.state.selection.main.head);
          if (!u.docChanged || u.transactions.every((t) => t.annotation(fromDesign))) return;
          clearTimeout(this.#timer);
          this.#timer = window.setTimeout(() => this.#check(u.state.doc.toString(), true), CHECK_DELAY_MS);
        }),
        editorTheme,
      ],
    });
  }

  /** archsim's problems with `text`: the validator's, and any change to a locked path (which the store would refuse). */
  #checked(text: string): Checked {
    const checked = checkSource(text);
    const locks = checked.doc ? lockProblems(text, this.design.getSnapshot().context.doc, checked.doc) : [];
    return locks.length ? { problems: locks } : checked;
  }

  /** Selects the component at `pos` in the text (when the design has it and it is not selected already). */
  #selectAt(text: string, pos: number): void {
    const id = componentAt(text, pos);
    const sel = this.ui?.getSnapshot().context.selection;
    if (!id || !Object.hasOwn(this.design.getSnapshot().context.doc.components, id) || (sel?.type === 'node' && sel.id === id)) return;
    this.ui?.trigger.select({ selection: { type: 'node', id } });
  }

  /** Validates `text`; when it is valid and the author wrote it, it becomes the design (one undo step in the store). */
  #check(text: string, isAuthored: boolean): Checked {
    const checked = this.#checked(text);
    if (parseClean(text)) this.#lastClean = text;
    this.problems = checked.problems;
    this.dispatchEvent(
      new CustomEvent('archsim-source-problems', { detail: { count: checked.problems.length }, bubbles: true, composed: true }),
    );
    if (isAuthored && checked.doc) {
      this.#isPushing = true;
      try {
        this.design.trigger.replaceDoc({ doc: checked.doc });
      } finally {
        this.#isPushing = false;
      }
      this.#known = this.design.getSnapshot().context.doc;
    }
    return checked;
  }

  #diagnostics(view: EditorView): Diagnostic[] {
    const text = view.state.doc.toString();
    const { problems } = this.#checked(text);
    return problems.map((p) => ({ ...problemRange(text, p), severity: 'error', source: 'archsim', message: problemText(p) }));
  }

  /** The design changed in the store: an edit elsewhere is written into the text; our own push needs nothing. */
  #fromStore(doc: ScenarioDoc, source: string): void {
    const view = this.#view;
    if (!view || this.#isPushing || doc === this.#known) {
      this.#known = doc;
      return;
    }
    clearTimeout(this.#timer);
    const before = this.#known;
    this.#known = doc;
    if (source !== this.#source) {
      // another design was opened: its own text, and a fresh editor history
      this.#source = source;
      view.setState(this.#state(openingText(doc, source)));
      this.#check(view.state.doc.toString(), false);
      return;
    }
    const text = view.state.doc.toString();
    const next = (before && (carryChange(text, before, doc) ?? carryChange(this.#lastClean, before, doc))) ?? exportYaml(doc);
    if (next === text) return;
    view.dispatch({
      changes: diff(text, next),
      annotations: [fromDesign.of(true), Transaction.addToHistory.of(false)],
    });
    this.#check(next, false);
  }

  #complete(c: CompletionContext): CompletionResult | null {
    const text = c.state.doc.toString();
    const place = placeAt(text, c.pos);
    if (!c.explicit && !place.word) return null;
    if (place.isKey) {
      const keys = keysOf(schemaAt(text, place.path));
      if (!keys.length) return null;
      return {
        from: place.from,
        options: keys.map((k) => ({ label: k.key, apply: `${k.key}: `, type: 'property', info: k.help || undefined })),
        validFor: /^[\w-]*$/,
      };
    }
    const values = valuesOf(schemaAt(text, [...place.path, place.key ?? '']));
    if (!values.length) return null;
    return {
      from: place.from,
      options: values.map((v) => ({ label: v.value, type: 'constant', info: v.help || undefined })),
      validFor: /^[\w./+-]*$/,
    };
  }

  #hover(view: EditorView, pos: number) {
    const line = view.state.doc.lineAt(pos);
    const m = /^(\s*(?:-\s+)?)([^:#\s][^:#]*?)\s*:/.exec(line.text);
    if (!m) return null;
    const from = line.from + m[1].length,
      to = from + m[2].length;
    if (pos < from || pos > to) return null;
    const text = view.state.doc.toString();
    const place = placeAt(text, from);
    const help = helpFor(text, place.path, m[2]);
    if (!help) return null;
    return {
      pos: from,
      end: to,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'archsim-hover';
        const b = document.createElement('b');
        b.textContent = m[2];
        dom.append(b, `\n${help}`);
        return { dom };
      },
    };
  }

  /** Moves the cursor to a problem's place. */
  #goTo(p: Problem): void {
    const view = this.#view;
    if (!view) return;
    const { from, to } = problemRange(view.state.doc.toString(), p);
    view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
    view.focus();
  }

  override render() {
    const n = this.problems.length;
    return html`<p class="status ${n ? 'bad' : ''}" role="status">${
      n
        ? `The source has ${n} problem${n === 1 ? '' : 's'}: the diagram keeps the last design that was valid.`
        : 'The source is valid: the diagram follows it as you type.'
    }</p>
      <div class="editor"></div>
      ${
        n
          ? html`<ul aria-label="Source problems">${this.problems.map(
              (p) => html`<li><button @click=${() => this.#goTo(p)}>${p.line ? `${p.line}:${p.col} ` : ''}${problemText(p)}</button></li>`,
            )}</ul>`
          : nothing
      }
      <p class="hint">Ctrl+Space completes keys and values; hover a key for its help; Ctrl+Z undoes typing here, the Undo button undoes whole edits of the design.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-source': ArchsimSource;
  }
}

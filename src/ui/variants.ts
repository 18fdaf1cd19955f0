/**
 * <archsim-variants>: the scenario's variants, each with what it changes in
 * words ("app.workers 4 → 8", "+ redis (cache)", "− jmeter (client)"). Choosing
 * one draws it and runs it; a variant that no longer applies to the edited base
 * says why. New variant (a copy of the base to change), save the edits made to
 * the base as a variant, rename, copy and delete.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { baseOf, editsSinceOpened, variantDoc, variantNameProblem, type DesignStore, type ScenarioDoc } from '../state/design.js';
import type { UiStore } from '../state/ui.js';
import { shownVariant, summarize, variantNames, variantProblems } from '../state/variant-view.js';
import { StoreController } from './store-controller.js';
import { variantsStyles } from './variants-styles.js';

/** Change lines shown before the rest fold away: more for the variant chosen. */
const SHOWN_LINES = 4;
const OTHER_LINES = 2;

@customElement('archsim-variants')
export class ArchsimVariants extends LitElement {
  @property({ attribute: false }) design!: DesignStore;
  @property({ attribute: false }) ui!: UiStore;
  /** The name typed for a new variant, and why it was refused. */
  @state() private name = '';
  @state() private nameProblem = '';
  /** The variant being renamed, if any. */
  @state() private renaming = '';

  #design = new StoreController(
    this,
    () => this.design,
    (s) => s.context,
  );
  #variant = new StoreController(
    this,
    () => this.ui,
    (s) => s.context.variant,
  );

  static override styles = variantsStyles;

  #choose(variant: string): void {
    // the ui store lets go of a selected link (its index means another link in another variant's design)
    this.ui.trigger.setRunOptions({ variant });
  }

  /** Runs `act` with the typed name when the design accepts it, else says why not. */
  #withName(act: (name: string) => void): void {
    const doc = this.design.getSnapshot().context.doc;
    const problem = variantNameProblem(doc, this.name);
    if (problem) {
      this.nameProblem = problem;
      return;
    }
    act(this.name.trim());
    this.#choose(this.name.trim());
    this.name = '';
    this.nameProblem = '';
  }

  #rename(from: string, to: string): void {
    const doc = this.design.getSnapshot().context.doc;
    if (to.trim() === from) return void (this.renaming = '');
    const problem = variantNameProblem(doc, to);
    if (problem) return void (this.nameProblem = `Rename ${from}: ${problem}`);
    const isShown = this.ui.getSnapshot().context.variant === from;
    this.design.trigger.renameVariant({ name: from, to });
    if (isShown) this.#choose(to.trim());
    this.renaming = '';
    this.nameProblem = '';
  }

  #remove(name: string): void {
    this.design.trigger.removeVariant({ name });
    if (this.ui.getSnapshot().context.variant === name) this.#choose('');
  }

  override render() {
    const { doc } = this.#design.value;
    const shown = shownVariant(doc, this.#variant.value);
    const names = variantNames(doc);
    const problems = variantProblems(doc);
    const hasEdits = !!editsSinceOpened(this.#design.value);
    return html`<section aria-labelledby="variants-heading">
      <h2 id="variants-heading">Variants</h2>
      <div class="list" role="radiogroup" aria-labelledby="variants-heading">
        ${this.#entry('', 'Base design', shown === '', ['the design as the scenario describes it'], undefined)}
        ${names.map((n) => this.#entry(n, n, shown === n, this.#summary(doc, n), problems.get(n)))}
      </div>
      <form class="new" @submit=${(e: Event) => {
        e.preventDefault();
        this.#withName((name) => this.design.trigger.addVariant({ name }));
      }}>
        <label for="new-name">New variant</label>
        <div class="row">
          <input id="new-name" type="text" autocomplete="off" spellcheck="false" placeholder="name, e.g. +cache" .value=${this.name}
            aria-invalid=${this.nameProblem ? 'true' : 'false'} aria-describedby="variants-help ${this.nameProblem ? 'name-problem' : ''}"
            @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}>
          <button type="submit" title="A new variant starting as a copy of the base design; your edits then change it">Add</button>
        </div>
        <button type="button" class="save" ?disabled=${!hasEdits}
          title=${hasEdits ? 'Move the edits you made to the base since opening into a variant with this name; the base returns to how it was opened' : 'No edits to the base since it was opened'}
          @click=${() => this.#withName((name) => this.design.trigger.saveEditsAsVariant({ name }))}>Save my edits to the base as this variant</button>
        ${this.nameProblem ? html`<p class="problem" id="name-problem" role="alert">${this.nameProblem}</p>` : nothing}
      </form>
      <details class="help" id="variants-help"><summary>How variants work</summary>
        <p>A variant is a set of changes to the base design, so one scenario holds the steps of a story (Base → +pool → +cache). Choose one to draw it and run it: what it adds or changes is marked in purple on the diagram, what it removes is outlined faintly (Δ turns the marks off).</p>
        <p>With a variant chosen, your edits change that variant; the inspector's <b>Editing</b> switch sends them to the base design instead.</p>
        <p><b>Add</b> starts a variant as a copy of the base for you to change. <b>Save my edits to the base as this variant</b> moves what you changed in the base since opening the scenario into a new variant and puts the base back, so the two can be run and compared.</p>
        <p>A variant marked ⚠ no longer applies to the base as you edited it (say, it changes a component you deleted): it says why, and the base and the other variants still run.</p>
      </details>
    </section>`;
  }

  /** What variant `name` changes against the base, one line each. */
  #summary(doc: ScenarioDoc, name: string): string[] {
    const view = variantDoc(doc, name);
    if (!view) return [];
    const lines = summarize(baseOf(doc), view);
    return lines.length ? lines : ['same as the base design'];
  }

  #entry(value: string, label: string, isShown: boolean, lines: string[], problems: string[] | undefined) {
    const id = `v-${[...value].map((c) => c.codePointAt(0)!.toString(36)).join('-') || 'base'}`;
    const count = isShown ? SHOWN_LINES : OTHER_LINES;
    const rest = lines.slice(count);
    return html`<div class="entry ${isShown ? 'shown' : ''} ${problems ? 'broken' : ''}">
      <div class="head">
        ${
          this.renaming === value && value
            ? html`<input class="rename" aria-label=${`New name for ${value}`} .value=${value}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') this.#rename(value, (e.target as HTMLInputElement).value);
                else if (e.key === 'Escape') this.renaming = '';
                else return;
                e.preventDefault();
                e.stopPropagation();
              }}
              @blur=${(e: Event) => this.renaming === value && this.#rename(value, (e.target as HTMLInputElement).value)}>`
            : html`<label><input type="radio" name="variant" .checked=${isShown} aria-describedby=${`${id}-changes ${problems ? `${id}-flag` : ''}`}
              @change=${() => this.#choose(value)}><span class="name">${label}</span></label>`
        }
        ${
          value && isShown
            ? html`<span class="actions">
              <button type="button" aria-label=${`Rename ${value}`} title="Rename this variant" @click=${() => {
                this.renaming = value;
                void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input.rename')?.select());
              }}>Rename</button>
              <button type="button" aria-label=${`Copy ${value}`} title="A new variant with the same changes" @click=${() => {
                const doc = this.design.getSnapshot().context.doc;
                let copy = `${value} copy`;
                for (let i = 2; variantNameProblem(doc, copy); i++) copy = `${value} copy ${i}`;
                this.design.trigger.addVariant({ name: copy, copyOf: value });
                this.#choose(copy);
              }}>Copy</button>
              <button type="button" aria-label=${`Delete ${value}`} title="Delete (Undo brings it back)" @click=${() => this.#remove(value)}>Delete</button>
            </span>`
            : nothing
        }
      </div>
      <ul class="changes" id=${`${id}-changes`}>
        ${lines.slice(0, count).map((l) => html`<li>${l}</li>`)}
        ${rest.length ? html`<li><details><summary>${rest.length} more</summary><ul>${rest.map((l) => html`<li>${l}</li>`)}</ul></details></li>` : nothing}
      </ul>
      ${problems ? html`<p class="flag" id=${`${id}-flag`}>⚠ No longer applies to the base: ${problems.join('; ')}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-variants': ArchsimVariants;
  }
}

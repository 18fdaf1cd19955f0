/**
 * <archsim-inspector>: edits what is selected. Its fields are generated from
 * the kind's parameter descriptors (or the link's, or the scenario's), accept
 * units ("250ms", "100/s", "exp(10ms)") and refuse invalid values inline: an
 * invalid value is never stored, so it never reaches the worker. With a
 * variant chosen, an "Editing" switch says whether edits change the variant
 * (its patch) or the base design.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { kinds } from '../kinds/index.js';
import { commonParams, type Param } from '../kinds/params.js';
import { linkParams } from '../kinds/link.js';
import { scenarioParams } from '../scenario/validate.js';
import { baseOf, ID_PATTERN, isValidId, variantDoc, type DesignStore, type ScenarioDoc } from '../state/design.js';
import { editTarget, linkIndexIn, shownVariant } from '../state/variant-view.js';
import { lockedDeleteNotice, lockOf } from '../state/locks.js';
import type { UiStore } from '../state/ui.js';
import { StoreController } from './store-controller.js';
import { fieldPlaceholder, fieldText, isStructured, readField } from './fields.js';
import { inspectorStyles } from './inspector-styles.js';
import { lockIcon } from './lock-icon.js';

type Commit = (value: unknown) => void;

@customElement('archsim-inspector')
export class ArchsimInspector extends LitElement {
  @property({ attribute: false }) design!: DesignStore;
  @property({ attribute: false }) ui!: UiStore;
  /** Field key → message for values refused. */
  @state() private errors: Record<string, string> = {};
  #doc = new StoreController(
    this,
    () => this.design,
    (s) => s.context.doc,
  );
  #sel = new StoreController(
    this,
    () => this.ui,
    (s) => s.context.selection,
  );
  /** The variant chosen, and whether edits go to the base instead. */
  #variant = new StoreController(
    this,
    () => this.ui,
    (s) => s.context.variant,
  );
  #isEditingBase = new StoreController(
    this,
    () => this.ui,
    (s) => s.context.isEditingBase,
  );
  #lastSel: unknown;
  /** The variant edits go to (undefined: the base design), as of the last render. */
  #target: string | undefined;
  /** The base design while a variant is edited (its values are shown beside the variant's). */
  #base: ScenarioDoc | undefined;
  /** The whole design as of the last render: its `locked:` paths are shown read-only. */
  #full: ScenarioDoc | undefined;

  static override styles = inspectorStyles;

  /** Focuses the first field (Enter on a diagram node): past the Editing switch, unless the selection can only be edited elsewhere. */
  focusFirst(): void {
    this.renderRoot.querySelector<HTMLElement>('form input, form select, form textarea, button.switch')?.focus();
  }

  override willUpdate(): void {
    if (this.#sel.value !== this.#lastSel) {
      this.#lastSel = this.#sel.value;
      this.errors = {};
    }
  }

  override render() {
    const full = this.#doc.value,
      sel = this.#sel.value,
      ui = { variant: this.#variant.value, isEditingBase: this.#isEditingBase.value };
    const shown = shownVariant(full, ui.variant);
    this.#target = editTarget(full, ui);
    this.#full = full;
    this.#base = this.#target ? baseOf(full) : undefined;
    // the design edits go to, and the one drawn (whose link indexes the selection holds)
    const doc = variantDoc(full, this.#target ?? '') ?? full,
      view = variantDoc(full, shown) ?? full;
    const switcher = this.#switcher(shown);
    if (sel?.type === 'node' && Object.hasOwn(view.components, sel.id)) {
      if (Object.hasOwn(doc.components, sel.id)) return html`${switcher}${this.#nodeForm(doc, sel.id)}`;
      return html`${switcher}${this.#elsewhere(`${sel.id} is not in the base design: variant ${shown} adds it.`, shown)}`;
    }
    if (sel?.type === 'link' && view.links[sel.index]) {
      const index = this.#target === (shown || undefined) ? sel.index : linkIndexIn(doc, view.links[sel.index]);
      if (index >= 0) return html`${switcher}${this.#linkForm(doc, index)}`;
      const l = view.links[sel.index];
      return html`${switcher}${this.#elsewhere(`The link ${l.from} → ${l.to} is not in the base design: variant ${shown} adds it.`, shown)}`;
    }
    return html`${switcher}${this.#scenarioForm(doc)}`;
  }

  /** "Editing: variant X / base design", a choice when a variant is chosen. */
  #switcher(shown: string) {
    if (!shown) return html`<p class="editing">Editing: <b>base design</b></p>`;
    const pick = (isEditingBase: boolean) => this.ui.trigger.editBase({ isEditingBase });
    return html`<fieldset class="editing"><legend>Editing</legend>
      <label><input type="radio" name="editing" .checked=${this.#target !== undefined} @change=${() => pick(false)}>variant <b>${shown}</b></label>
      <label><input type="radio" name="editing" .checked=${this.#target === undefined} @change=${() => pick(true)}>base design</label>
      <p class="help">${this.#target ? `Edits change variant ${shown} only; the base design stays as it is.` : `Edits change the base design, and so every variant that does not override them.`}</p>
    </fieldset>`;
  }

  /** What is selected exists only in the variant while the base is being edited. */
  #elsewhere(text: string, shown: string) {
    return html`<p class="elsewhere">${text}</p>
      <div class="actions"><button class="switch" @click=${() => this.ui.trigger.editBase({ isEditingBase: false })}>Edit variant ${shown}</button></div>`;
  }

  /**
   * One parameter's field. `inBase` (editing a variant whose value differs
   * from the base's) holds the base's value, shown under the field.
   */
  #field(
    key: string,
    name: string,
    d: Param,
    raw: unknown,
    commit: Commit,
    targets: readonly string[] = [],
    inBase?: { value: unknown },
    at?: readonly string[],
  ) {
    const id = `f-${key.replace(/[^\w-]/g, '_')}`;
    const err = this.errors[key];
    // a path the instructor locked is shown as it is, read-only (the design store refuses its edits too)
    const lock = at && lockOf(this.#full, at);
    const unit =
      d.type === 'number'
        ? d.unit
        : d.type === 'duration'
          ? 'time'
          : d.type === 'rate'
            ? 'per time'
            : d.type === 'dist'
              ? 'distribution'
              : '';
    const onChange = (text: string) => {
      const r = readField(d, text, targets);
      if (r.ok) {
        commit(r.value);
        const { [key]: _, ...rest } = this.errors;
        this.errors = rest;
      } else this.errors = { ...this.errors, [key]: r.message };
    };
    const described = `${id}-help${err ? ` ${id}-err` : ''}${inBase ? ` ${id}-base` : ''}${lock ? ` ${id}-lock` : ''}`;
    let control: unknown;
    if (d.type === 'enum') {
      control = html`<select id=${id} ?disabled=${!!lock} aria-describedby=${described} @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${raw === undefined}>default${d.default !== undefined ? ` (${d.default})` : ''}</option>
        ${d.values.map((v) => html`<option ?selected=${raw === v} value=${v}>${v}</option>`)}</select>`;
    } else if (d.type === 'boolean') {
      control = html`<input id=${id} type="checkbox" ?disabled=${!!lock} aria-describedby=${described} .checked=${(raw ?? d.default ?? false) as boolean}
        @change=${(e: Event) => onChange(String((e.target as HTMLInputElement).checked))}>`;
    } else if (isStructured(d)) {
      control = html`<textarea id=${id} rows="2" spellcheck="false" ?readonly=${!!lock} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described}
        placeholder=${fieldPlaceholder(d)} .value=${fieldText(d, raw)} @change=${(e: Event) => onChange((e.target as HTMLTextAreaElement).value)}></textarea>`;
    } else {
      control = html`<input id=${id} type="text" autocomplete="off" spellcheck="false" ?readonly=${!!lock} aria-invalid=${err ? 'true' : 'false'} aria-describedby=${described}
        placeholder=${fieldPlaceholder(d)} .value=${err ? (this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)?.value ?? '') : fieldText(d, raw)}
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).value)}>`;
    }
    const locked = lock ? lockIcon(lock, `${id}-lock`) : nothing;
    return html`<div class="field ${err ? 'invalid' : ''} ${d.type === 'boolean' ? 'check' : ''} ${lock ? 'locked' : ''}">
      <label for=${id}>${name}${d.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      <div class="control">${control}${unit ? html`<span class="unit">${unit}</span>` : nothing}${locked}</div>
      ${err ? html`<p class="error" id=${`${id}-err`} role="alert">${err}</p>` : nothing}
      ${inBase ? html`<p class="base" id=${`${id}-base`}>Base design: ${fieldText(d, inBase.value) || 'default'}</p>` : nothing}
      <p class="help" id=${`${id}-help`}>${d.help}</p>
    </div>`;
  }

  #fields(
    params: Record<string, Param>,
    raw: Record<string, unknown>,
    prefix: string,
    commit: (k: string, v: unknown) => void,
    targets: readonly string[] = [],
    base?: Record<string, unknown>,
    at?: readonly string[],
  ) {
    const entries = Object.entries(params);
    const basic = entries.filter(([, d]) => !d.advanced),
      adv = entries.filter(([, d]) => d.advanced);
    const differs = (k: string) => base && JSON.stringify(base[k]) !== JSON.stringify(raw[k]);
    const one = ([k, d]: [string, Param]) =>
      this.#field(
        `${prefix}.${k}`,
        d.label,
        d,
        raw[k],
        (v) => commit(k, v),
        targets,
        differs(k) ? { value: base![k] } : undefined,
        at && [...at, k],
      );
    return html`${basic.map(one)}${adv.length ? html`<details><summary>Advanced</summary>${adv.map(one)}</details>` : nothing}`;
  }

  #nodeForm(doc: ScenarioDoc, id: string) {
    const c = doc.components[id];
    const def = kinds[c.kind];
    const targets = doc.links.filter((l) => l.from === id).map((l) => l.to);
    const others = Object.keys(doc.components).filter((x) => x !== id && !targets.includes(x));
    const set = (k: string, v: unknown) => this.design.trigger.setParam({ id, path: [k], value: v, variant: this.#target });
    return html`<header><h2>${def?.label ?? c.kind}</h2><p>${def?.help ?? `Unknown kind "${c.kind}".`}</p></header>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label=${`Parameters of ${id}`}>
        ${this.#field(
          `${id}.__id`,
          'Id',
          { type: 'string', label: 'Id', help: 'Unique name; links follow a rename.', required: true },
          id,
          (v) => {
            const to = String(v);
            if (to === id) return;
            if (!ID_PATTERN.test(to))
              this.errors = { ...this.errors, [`${id}.__id`]: 'use letters, digits, - and _, starting with a letter' };
            else if (!isValidId(to)) this.errors = { ...this.errors, [`${id}.__id`]: `"${to}" is a reserved name; choose another` };
            else if (Object.hasOwn(doc.components, to)) this.errors = { ...this.errors, [`${id}.__id`]: `"${to}" is already taken` };
            else {
              this.design.trigger.renameNode({ id, to, variant: this.#target });
              this.ui.trigger.renamed({ id, to });
            }
          },
          [],
          undefined,
          ['components', id],
        )}
        ${this.#field(`${id}.label`, 'Label', commonParams.label, c.label, (v) => set('label', v), [], undefined, ['components', id, 'label'])}
        ${def ? this.#fields(def.params, c, id, set, targets, this.#base?.components[id], ['components', id]) : nothing}
      </form>
      ${
        others.length
          ? html`<div class="field"><label for="connect-to">Add a link to</label><div class="control">
        <select id="connect-to" @change=${(e: Event) => {
          const to = (e.target as HTMLSelectElement).value;
          if (to) this.design.trigger.addLink({ from: id, to, variant: this.#target });
          (e.target as HTMLSelectElement).value = '';
        }}><option value="">choose a component…</option>${others.map((o) => html`<option value=${o}>${o}</option>`)}</select></div>
        <p class="help">Keyboard alternative to dragging from the node's port.</p></div>`
          : nothing
      }
      <div class="actions"><button class="danger" @click=${() => {
        const lock = lockOf(this.#full, ['components', id]);
        if (lock) return this.ui.trigger.notify({ notice: lockedDeleteNotice(id, lock) });
        this.design.trigger.removeNode({ id, variant: this.#target });
        this.ui.trigger.select({ selection: null });
      }}>Delete ${id}${this.#target ? ` from ${this.#target}` : ''}</button></div>`;
  }

  #linkForm(doc: ScenarioDoc, index: number) {
    const l = doc.links[index];
    const { from: _f, to: _t, ...params } = linkParams;
    return html`<header><h2>Link</h2><p><b>${l.from}</b> → <b>${l.to}</b></p></header>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label=${`Link from ${l.from} to ${l.to}`}>
        ${this.#fields(
          params,
          l,
          `link${index}`,
          (k, v) => this.design.trigger.setLinkParam({ index, key: k, value: v, variant: this.#target }),
          [],
          this.#base?.links[linkIndexIn(this.#base, l)],
          ['links', String(index)],
        )}
      </form>
      <div class="actions"><button class="danger" @click=${() => {
        this.design.trigger.removeLink({ index, variant: this.#target });
        this.ui.trigger.select({ selection: null });
      }}>Delete link</button></div>`;
  }

  #scenarioForm(doc: ScenarioDoc) {
    const { version: _v, description, ...params } = scenarioParams;
    return html`<header><h2>Scenario</h2><p>Select a component or link to edit it. Nothing selected shows the scenario's settings.</p></header>
      <form @submit=${(e: Event) => e.preventDefault()} aria-label="Scenario settings">
        ${this.#fields(params, doc, 'scenario', (k, v) => this.design.trigger.setTop({ key: k, value: v, variant: this.#target }), [], this.#base, [])}
      </form>
      <div class="field"><button type="button" class="lesson" aria-describedby="f-description-help"
        @click=${() => this.dispatchEvent(new CustomEvent('archsim-edit-lesson', { bubbles: true, composed: true }))}>Edit the lesson</button>
        <p class="help" id="f-description-help">${description.help} Edit it in the Lesson panel: the button opens it.</p></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-inspector': ArchsimInspector;
  }
}

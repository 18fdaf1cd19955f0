/**
 * <archsim-app>: the whole page. Top bar (scenario, variant, seed, duration,
 * Run/Stop, undo/redo, import/export/share), palette, diagram, inspector and
 * results. Owns the three stores and the run controller.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { kinds } from '../kinds/index.js';
import { MAX_TEXT, ScenarioError } from '../scenario/index.js';
import { editTarget, shownVariant, variantNames } from '../state/variant-view.js';
import { asDoc, createDesignStore, freshId, variantDoc, type ScenarioDoc } from '../state/design.js';
import { createRunsStore, isRunning } from '../state/runs.js';
import { createUiStore, type Notice, type UiContext } from '../state/ui.js';
import { RunController } from '../state/run-controller.js';
import { CampaignController, REPLICATION_CHOICES } from '../state/campaign-controller.js';
import { createSweepsStore } from '../state/sweeps.js';
import { poolSize, SimPool } from '../worker/pool.js';
import { exportYaml, importYaml } from '../state/yaml-io.js';
import { decodeShare, encodeShare } from '../state/share.js';
import { loadDesign, saveDesign, SET_ASIDE_KEY } from '../state/persist.js';
import { createSimClient } from '../worker/client.js';
import { StoreController } from './store-controller.js';
import { runDurationMs, undoRedoKey } from './design-host.js';
import { bundled } from './bundled.js';
import { newDesign, OpenedDesign } from './opened-design.js';
import type { ArchsimGallery, OpenDetail } from './gallery.js';
import { uiIcon } from './icons.js';
import type { ArchsimPalette } from './palette.js';
import { appStyles } from './app-styles.js';
import type { ArchsimDiagram } from './diagram.js';
import type { ArchsimInspector } from './inspector.js';
import type { ArchsimLesson } from './lesson.js';
import './palette.js';
import './gallery.js';
import './diagram.js';
import './inspector.js';
import './variants.js';
import './lesson.js';
import './goals.js';
import './results.js';

/** The colour scheme the theme button switches to next, and what each scheme is called. */
const THEMES = { auto: ['light', 'auto (follows the system)'], light: ['dark', 'light'], dark: ['auto', 'dark'] } as const;

const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

@customElement('archsim-app')
export class ArchsimApp extends LitElement {
  readonly design = createDesignStore();
  readonly ui = createUiStore(reducedMotion);
  readonly runs = createRunsStore();
  // each run traces the slowest, the p99 and 20 sampled requests for the Trace tab
  readonly controller = new RunController(this.runs, createSimClient, undefined, {});
  readonly sweeps = createSweepsStore();
  #pool: SimPool | undefined;
  /** Replications and sweeps run on a pool of workers, one per core (at most 8), started on first use. */
  readonly campaigns = new CampaignController(
    this.runs,
    this.sweeps,
    () => (this.#pool ??= new SimPool(createSimClient, poolSize(navigator.hardwareConcurrency))),
    undefined,
    {},
  );
  /** Seeds a press of Run simulates (1: a single run; more: replications on the worker pool). */
  @state() private replications = 1;
  /** What the results area shows: the run, or the sweep view (loaded on first use). */
  @state() private resultsView: 'run' | 'sweep' = 'run';
  @state() private isSweepLoaded = false;
  @query('archsim-diagram') private diagram!: ArchsimDiagram;
  @query('archsim-inspector') private inspector!: ArchsimInspector;
  @query('archsim-lesson') private lesson!: ArchsimLesson;
  @query('input[type=file]') private fileInput!: HTMLInputElement;
  @query('archsim-gallery') private gallery!: ArchsimGallery;
  @query('button.scenarios') private scenariosButton!: HTMLButtonElement;
  @query('button.run') private runButton!: HTMLButtonElement;
  @query('archsim-palette') private palette!: ArchsimPalette;
  /** The start view (scenarios by topic) covers the editor: on a first visit, and from the Scenarios button. */
  @state() private isGalleryOpen = false;
  /** What the centre shows: the diagram, or the design's YAML (the Source tab, loaded on first use). */
  @state() private centreView: 'diagram' | 'source' = 'diagram';
  /** Problems in the Source tab's text (the diagram keeps the last valid design meanwhile). */
  @state() private sourceProblems = 0;
  @state() private isSourceLoaded = false;
  /** The design as opened, for the "(edited)" marker and the undo offered when it is replaced. */
  #opened = new OpenedDesign(this.design.getSnapshot().context.doc);

  #design = new StoreController(
    this,
    () => this.design,
    (s) => s.context,
  );
  #ui = new StoreController(
    this,
    () => this.ui,
    (s) => s.context,
  );
  #running = new StoreController(
    this,
    () => this.runs,
    (s) => isRunning(s.context),
  );
  #sweeping = new StoreController(
    this,
    () => this.sweeps,
    (s) => s.context.sweep?.status === 'running',
  );
  #saveTimer = 0;

  static override styles = appStyles;

  override connectedCallback(): void {
    super.connectedCallback();
    const saved = loadDesign(localStorage);
    if (saved.status === 'ok') {
      const opened = this.#bundledDoc(saved.source);
      this.design.trigger.load({ ...saved, opened });
      this.#opened = new OpenedDesign(opened ?? this.design.getSnapshot().context.doc);
    } else {
      // a first visit: the start view, over the first scenario of the course
      if (bundled.length) this.#open(bundled[0].file);
      this.isGalleryOpen = true;
    }
    if (saved.status === 'refused') this.#setAside(saved.reason, saved.text, saved.isKept);
    void this.#fromHash();
    this.design.subscribe((s) => {
      clearTimeout(this.#saveTimer);
      this.#saveTimer = window.setTimeout(() => saveDesign(localStorage, s.context.doc, s.context.source), 250);
    });
    this.ui.subscribe((s) => (document.documentElement.dataset.theme = s.context.theme));
    window.addEventListener('keydown', this.#onKey);
    window.addEventListener('hashchange', this.#fromHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
    window.removeEventListener('hashchange', this.#fromHash);
    this.controller.dispose();
    this.#pool?.dispose();
  }

  #fromHash = async () => {
    const m = /^#design=(.*)$/.exec(location.hash);
    if (!m) return;
    try {
      const doc = await decodeShare(m[1]);
      this.#replace(doc, 'shared link', 'Opened the design from the shared link.');
    } catch (e) {
      this.#notify('error', `Could not open the shared link: ${(e as Error).message}`);
    }
    history.replaceState(null, '', location.pathname + location.search);
  };

  #onKey = (e: KeyboardEvent) => {
    const inField = e
      .composedPath()
      .some((t) => t instanceof HTMLElement && (/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) || t.isContentEditable));
    if (e.key === 'Escape' && this.isGalleryOpen) return this.#closeGallery();
    if (inField || undoRedoKey(e, this.design)) return;
    if ((e.ctrlKey || e.metaKey) && e.key === 'y') {
      e.preventDefault();
      this.design.trigger.redo();
    } else if (e.key === 'Escape') this.ui.trigger.escape();
  };

  #notify(tone: 'error' | 'info', text: string, download?: Notice['download']): void {
    this.ui.trigger.notify({ notice: { tone, text, ...(download ? { download } : {}) } });
  }

  /** The autosave was refused: say so, say where it is kept, and offer it as a download. */
  #setAside(reason: string, text: string, isKept: boolean): void {
    const where = isKept
      ? `It is kept in this browser under "${SET_ASIDE_KEY}"; download it to repair it or send it with a bug report.`
      : 'This browser would not keep a copy, so download it now: the next autosave replaces it.';
    this.#notify(
      'error',
      `Your autosaved design could not be opened, so the first bundled scenario is open instead.\n${where}\n${reason}`,
      { label: 'Download the set-aside design', file: 'archsim-autosave.json', text },
    );
  }

  #download(file: string, text: string, type: string): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = file;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** The bundled scenario `file` as the design store holds it; undefined for any other source. */
  #bundledDoc(file: string): ScenarioDoc | undefined {
    const b = bundled.find((x) => x.file === file);
    return b && asDoc(importYaml(b.text, b.file));
  }

  #open(file: string): void {
    try {
      const doc = this.#bundledDoc(file);
      if (doc) this.#replace(doc, file);
    } catch (e) {
      this.#notify('error', (e as Error).message);
    }
  }

  /**
   * Opens `doc` in place of the current design. A design that cannot be opened
   * again as it is (edited, imported, shared) is never dropped silently: the
   * notice offers Undo, which brings it back with its run settings.
   */
  #replace(
    doc: ScenarioDoc,
    source: string,
    message = '',
    restore?: { opened: OpenedDesign; run: Pick<UiContext, 'variant' | 'seed' | 'duration'> },
  ): void {
    const before = this.design.getSnapshot().context,
      opened = this.#opened,
      { variant, seed, duration } = this.ui.getSnapshot().context;
    const isEdited = opened.isEdited(before.doc);
    // a bundled scenario or an empty design, unedited, is one click away again
    const canReopen = !isEdited && (before.source === 'new' || bundled.some((b) => b.file === before.source));
    const isEmpty = !isEdited && !Object.keys(before.doc.components).length;
    this.#load(doc, source);
    if (restore) {
      this.#opened = restore.opened;
      this.ui.trigger.setRunOptions(restore.run);
    }
    this.isGalleryOpen = false;
    if (canReopen || isEmpty) {
      if (message) this.#notify('info', message);
      return;
    }
    const title = String(before.doc.title || 'Untitled design');
    this.ui.trigger.notify({
      notice: {
        tone: 'info',
        text: `${message ? `${message}\n` : ''}"${title}"${isEdited ? ' (edited)' : ''} was closed. Undo brings it back.`,
        // Undo replaces in turn, so edits made since are offered back the same way
        action: {
          label: 'Undo',
          run: () => this.#replace(before.doc, before.source, `"${title}" is back.`, { opened, run: { variant, seed, duration } }),
        },
      },
    });
  }

  #load(doc: ScenarioDoc, source: string): void {
    this.design.trigger.load({ doc, source });
    this.#opened = new OpenedDesign(this.design.getSnapshot().context.doc);
    // results belong to the design they ran: the new one starts with none shown
    this.runs.trigger.designChanged({ title: String(doc.title || 'Untitled design') });
    this.ui.trigger.select({ selection: null });
    this.ui.trigger.setRunOptions({ variant: '', seed: '', duration: '' });
    this.ui.trigger.notify({ notice: null });
  }

  /** A choice in the start view: open it, then focus what comes next (Run for a scenario, the palette for a new design). */
  #pick(file: string): void {
    if (file === 'new') this.#replace(newDesign(), 'new');
    else this.#open(file);
    this.updateComplete.then(() => (file === 'new' ? this.palette.focusFirst() : this.runButton.focus()));
  }

  /** Shows the diagram or the Source tab; the editor's code is fetched the first time. */
  async #showCentre(view: 'diagram' | 'source'): Promise<void> {
    if (view === 'source' && !this.isSourceLoaded) {
      try {
        await import('./source-editor.js');
        this.isSourceLoaded = true;
      } catch (e) {
        return this.#notify('error', `The Source tab could not be loaded: ${(e as Error).message}`);
      }
    }
    this.centreView = view;
    await this.updateComplete;
    if (view === 'source') this.renderRoot.querySelector('archsim-source')?.focusEditor();
  }

  /** Arrow keys move between the Diagram and Source tabs (the tab pattern). */
  #tabKey(e: KeyboardEvent): void {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = this.centreView === 'diagram' ? 'source' : 'diagram';
    void this.#showCentre(next).then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  #centreTabs() {
    const tab = (view: 'diagram' | 'source', label: string) =>
      html`<button role="tab" id=${`tab-${view}`} aria-controls=${`panel-${view}`} aria-selected=${this.centreView === view}
        tabindex=${this.centreView === view ? 0 : -1} @click=${() => this.#showCentre(view)} @keydown=${this.#tabKey}>${label}</button>`;
    const n = this.sourceProblems;
    return html`<div class="view-tabs" role="tablist" aria-label="Centre view">${tab('diagram', 'Diagram')}${tab('source', n ? `Source (${n} problem${n === 1 ? '' : 's'})` : 'Source')}</div>`;
  }

  /** Shows the single run or the Sweep view; the sweep's code is fetched the first time. */
  async #showResults(view: 'run' | 'sweep'): Promise<void> {
    if (view === 'sweep' && !this.isSweepLoaded) {
      try {
        await import('./sweep-view.js');
        this.isSweepLoaded = true;
      } catch (e) {
        return this.#notify('error', `The Sweep view could not be loaded: ${(e as Error).message}`);
      }
    }
    this.resultsView = view;
    this.toggleAttribute('sweep-open', view === 'sweep');
  }

  /** The results area's views, as tabs: Run (the single or replicated run) and Sweep. */
  #resultsTabs() {
    const tab = (view: 'run' | 'sweep', label: string) =>
      html`<button role="tab" id=${`tab-${view}`} aria-controls=${`panel-${view}`} aria-selected=${this.resultsView === view}
        tabindex=${this.resultsView === view ? 0 : -1} @click=${() => this.#showResults(view)}
        @keydown=${(e: KeyboardEvent) => {
          if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].includes(e.key)) return;
          e.preventDefault();
          const next = this.resultsView === 'run' ? 'sweep' : 'run';
          void this.#showResults(next).then(() =>
            this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus()),
          );
        }}>${label}</button>`;
    return html`<div class="results-tabs" role="tablist" aria-label="Results view" aria-orientation="vertical">${tab('run', 'Run')}${tab('sweep', 'Sweep')}</div>`;
  }

  #openGallery(): void {
    this.isGalleryOpen = true;
    this.updateComplete.then(() => this.gallery.updateComplete).then(() => this.gallery.focusCurrent());
  }

  #closeGallery(): void {
    this.isGalleryOpen = false;
    this.updateComplete.then(() => this.scenariosButton.focus());
  }

  async #import(file: File): Promise<void> {
    try {
      if (file.size > MAX_TEXT)
        throw new Error(`${file.name} is ${(file.size / 1e6).toFixed(1)} MB; at most ${MAX_TEXT / 1e6} MB is accepted`);
      this.#replace(importYaml(await file.text(), file.name), file.name, `Imported ${file.name}.`);
    } catch (e) {
      const msg =
        e instanceof ScenarioError ? `${file.name} was not imported; your design is unchanged.\n${e.message}` : (e as Error).message;
      this.#notify('error', msg);
    }
  }

  #export(): void {
    const { doc, source } = this.design.getSnapshot().context;
    const name = /\.ya?ml$/.test(source)
      ? source
      : `${
          String(doc.title ?? 'scenario')
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, '-')
            .replace(/^-|-$/g, '') || 'scenario'
        }.yaml`;
    this.#download(name, exportYaml(doc), 'text/yaml');
  }

  async #share(): Promise<void> {
    const url = `${location.origin}${location.pathname}#design=${await encodeShare(this.design.getSnapshot().context.doc)}`;
    try {
      await navigator.clipboard.writeText(url);
      this.#notify('info', 'Link copied to the clipboard: it holds the whole design.');
    } catch {
      this.#notify('info', `Share this link: ${url}`);
    }
  }

  async #run(): Promise<void> {
    const ui = this.ui.getSnapshot().context,
      { doc } = this.design.getSnapshot().context;
    const variant = shownVariant(doc, ui.variant);
    const label = [doc.title || 'design', variant, ui.seed && `seed ${ui.seed}`].filter(Boolean).join(' · ');
    this.ui.trigger.notify({ notice: null });
    this.isGalleryOpen = false;
    if (this.resultsView === 'sweep') void this.#showResults('run');
    const problems =
      this.replications > 1
        ? await this.campaigns.replicate(doc, { ...ui, variant }, label, this.replications)
        : await this.controller.start(doc, { ...ui, variant }, label);
    if (problems.length)
      this.#notify(
        'error',
        `The design cannot run yet:\n${problems.slice(0, 8).join('\n')}${problems.length > 8 ? `\n…and ${problems.length - 8} more` : ''}`,
      );
  }

  #add(e: CustomEvent<{ kind: string; x?: number; y?: number }>): void {
    const { kind } = e.detail;
    if (!kinds[kind]) return;
    const { doc } = this.design.getSnapshot().context,
      variant = editTarget(doc, this.ui.getSnapshot().context);
    const id = freshId(variantDoc(doc, variant ?? '') ?? doc, kind);
    const at = e.detail.x === undefined ? this.diagram.viewCentre() : { x: e.detail.x, y: e.detail.y! };
    this.design.trigger.addNode({ id, kind, x: at.x, y: at.y, variant });
    this.ui.trigger.select({ selection: { type: 'node', id } });
    this.updateComplete.then(() => this.diagram.updateComplete).then(() => this.diagram.focusNode(id));
  }

  #renderNotice(n: Notice) {
    const d = n.download;
    return html`<div class="notice ${n.tone}" role=${n.tone === 'error' ? 'alert' : 'status'}>
      <pre>${n.text}</pre>
      ${d ? html`<button class="download" @click=${() => this.#download(d.file, d.text, 'application/json')}>${d.label}</button>` : nothing}
      ${n.action ? html`<button class="action" @click=${n.action.run}>${n.action.label}</button>` : nothing}
      <button aria-label="Dismiss" @click=${() => this.ui.trigger.notify({ notice: null })}>×</button></div>`;
  }

  #topBar(doc: ScenarioDoc, source: string, running: boolean, isEdited: boolean) {
    const ui = this.#ui.value;
    const variants = variantNames(doc);
    const isBundled = bundled.some((b) => b.file === source);
    const edited = isEdited ? ' (edited)' : '';
    const [nextTheme, themeName] = THEMES[ui.theme];
    return html`<header class="top" role="banner">
        <div class="brand"><svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 18 9 9l4 5 3-6 4 10"/></svg><span>archsim</span></div>
        <button class="scenarios" aria-pressed=${this.isGalleryOpen} title="All scenarios by topic, and New design" @click=${() => (this.isGalleryOpen ? this.#closeGallery() : this.#openGallery())}>${this.#icon('scenarios')}Scenarios</button>
        <select class="scenario" aria-label="Scenario" title=${`${doc.title || 'Untitled design'}${edited}`} @change=${(e: Event) => this.#open((e.target as HTMLSelectElement).value)}>
          ${isBundled ? nothing : html`<option .selected=${true} value="">${doc.title || 'Untitled design'} (${source === 'new' ? 'new' : source})${edited}</option>`}
          ${bundled.map((b) => html`<option value=${b.file} .selected=${b.file === source}>${b.title}${b.file === source ? edited : ''}</option>`)}
        </select>
        <label>Variant
          <select class="variant" aria-label="Variant" ?disabled=${!variants.length} @change=${(e: Event) => this.ui.trigger.setRunOptions({ variant: (e.target as HTMLSelectElement).value })}>
            <option value="" .selected=${!shownVariant(doc, ui.variant)}>base</option>${variants.map((v) => html`<option .selected=${v === ui.variant}>${v}</option>`)}
          </select></label>
        <label>Seed <input aria-label="Run seed" class="short" placeholder=${String(doc.seed ?? 'default')} .value=${ui.seed} @change=${(e: Event) => this.ui.trigger.setRunOptions({ seed: (e.target as HTMLInputElement).value })}></label>
        <label>Seeds <select aria-label="Replications" class="seeds" title="Replications: run the design with this many seeds (the run's seed, seed+1, …) on all cores: every figure gets its 95 % confidence interval"
          @change=${(e: Event) => (this.replications = Number((e.target as HTMLSelectElement).value))}>
          ${REPLICATION_CHOICES.map((n) => html`<option value=${n} .selected=${n === this.replications}>${n}</option>`)}
        </select></label>
        <label>Duration <input aria-label="Run duration" class="short" placeholder=${String(doc.duration ?? '—')} .value=${ui.duration} @change=${(e: Event) => this.ui.trigger.setRunOptions({ duration: (e.target as HTMLInputElement).value })}></label>
        <button class="primary run ${running ? 'stop' : ''}" title=${running ? 'Stop the run: the results so far stay' : 'Run the simulation of this design'}
          @click=${() => (running ? this.#stop() : this.#run())}><span aria-hidden="true">${running ? '■' : '▶'}</span> ${running ? 'Stop' : 'Run'}</button>
        <span class="sep"></span>
        <button class="icon" aria-label="Undo" title="Undo the last edit (Ctrl+Z)" @click=${() => this.design.trigger.undo()}>↶</button>
        <button class="icon" aria-label="Redo" title="Redo the edit undone (Ctrl+Shift+Z)" @click=${() => this.design.trigger.redo()}>↷</button>
        <span class="sep"></span>
        <button title="Open a scenario file (YAML or JSON)" @click=${() => this.fileInput.click()}>Import</button>
        <input type="file" accept=".yaml,.yml,.json,text/yaml" hidden aria-label="Import scenario file"
          @change=${(e: Event) => {
            const f = (e.target as HTMLInputElement).files?.[0];
            if (f) void this.#import(f);
            (e.target as HTMLInputElement).value = '';
          }}>
        <button title="Download this design as a YAML file" @click=${() => this.#export()}>Export</button>
        <button title="Copy a link that holds this whole design" @click=${() => this.#share()}>Share</button>
        <span class="sep"></span>
        <button class="icon" aria-label="Animate requests" aria-pressed=${ui.isAnimating}
          title=${`Animate requests travelling the links during a run: ${ui.isAnimating ? 'on, click to turn off' : 'off, click to turn on'}`}
          @click=${() => this.ui.trigger.toggleAnimation()}>${this.#icon('animate')}</button>
        <button class="icon" aria-label=${`Colour scheme: ${themeName}`} title=${`Colour scheme: ${themeName}. Click for ${THEMES[nextTheme][1]}`}
          @click=${() => this.ui.trigger.setTheme({ theme: nextTheme })}>${this.#icon(`theme-${ui.theme}`)}</button>
      </header>`;
  }

  /** Stops whatever runs: the single run, or every run of a campaign. */
  #stop(): void {
    this.controller.stop();
    this.campaigns.stop();
  }

  #icon(name: string) {
    return html`<svg class="ui-icon" viewBox="0 0 24 24" aria-hidden="true">${uiIcon(name)}</svg>`;
  }

  override render() {
    const { doc, source } = this.#design.value,
      ui = this.#ui.value,
      running = this.#running.value || this.#sweeping.value;
    const isEdited = this.#opened.isEdited(doc);
    return html`
      ${this.#topBar(doc, source, running, isEdited)}
      ${ui.notice ? this.#renderNotice(ui.notice) : nothing}
      ${this.isGalleryOpen ? html`<archsim-gallery class="gallery" .current=${source} @archsim-open=${(e: CustomEvent<OpenDetail>) => this.#pick(e.detail.file)} @archsim-new=${() => this.#pick('new')} @archsim-close=${() => this.#closeGallery()}></archsim-gallery>` : nothing}
      <aside class="palette" aria-label="Palette" ?inert=${this.isGalleryOpen}><archsim-palette @archsim-add=${this.#add}></archsim-palette></aside>
      <main class="centre" aria-label="Diagram" ?inert=${this.isGalleryOpen}>
        <div class="stage ${this.centreView === 'source' ? 'source-open' : ''}">
          <div class="title"><h1>${doc.title || 'Untitled design'}${isEdited ? html` <span class="edited">(edited)</span>` : nothing}</h1></div>
          ${this.#centreTabs()}
          <archsim-diagram id="panel-diagram" role="tabpanel" aria-labelledby="tab-diagram" .design=${this.design} .ui=${this.ui} .runs=${this.runs} @archsim-add=${this.#add} @archsim-inspect=${() => this.inspector.focusFirst()}></archsim-diagram>
          ${this.isSourceLoaded ? html`<div class="source-panel" id="panel-source" role="tabpanel" aria-labelledby="tab-source" ?hidden=${this.centreView !== 'source'}><archsim-source .design=${this.design} .ui=${this.ui} @archsim-source-problems=${(e: CustomEvent<{ count: number }>) => (this.sourceProblems = e.detail.count)}></archsim-source></div>` : nothing}
        </div>
        <div class="side"><archsim-goals .design=${this.design} .runs=${this.runs}></archsim-goals>
        <archsim-lesson placement="side" remember-as="archsim.lesson.collapsed" editable .text=${typeof doc.description === 'string' ? doc.description : ''}
          @archsim-lesson-change=${(e: CustomEvent<{ text: string }>) => this.design.trigger.setTop({ key: 'description', value: e.detail.text || undefined })}></archsim-lesson></div>
      </main>
      <aside class="inspector" aria-label="Inspector" ?inert=${this.isGalleryOpen}><archsim-variants .design=${this.design} .ui=${this.ui}></archsim-variants><archsim-inspector .design=${this.design} .ui=${this.ui} @archsim-edit-lesson=${() => this.lesson.edit()}></archsim-inspector></aside>
      <section class="results" aria-label="Results" ?inert=${this.isGalleryOpen}>${this.#resultsTabs()}
        <archsim-results id="panel-run" role="tabpanel" aria-labelledby="tab-run" ?hidden=${this.resultsView !== 'run'} .runs=${this.runs} .ui=${this.ui} .durationMs=${runDurationMs(doc, ui.duration)}></archsim-results>
        ${this.isSweepLoaded ? html`<archsim-sweep id="panel-sweep" role="tabpanel" aria-labelledby="tab-sweep" ?hidden=${this.resultsView !== 'sweep'} .design=${this.design} .ui=${this.ui} .sweeps=${this.sweeps} .campaigns=${this.campaigns} ?isBusy=${running}></archsim-sweep>` : nothing}</section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-app': ArchsimApp;
  }
}

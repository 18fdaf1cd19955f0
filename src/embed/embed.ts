/**
 * <archsim-embed>: a scenario in course notes. A compact run bar (title,
 * variant, Run/Stop), the diagram and the summary with the latency chart,
 * simulated in the element's own worker. Bad input shows a message in the
 * element instead of a blank box.
 *
 * @example
 * <script type="module" src="/archsim/archsim-embed.js"></script>
 * <archsim-embed src="/archsim/scenarios/mm1.yaml" duration="2m" lesson autorun></archsim-embed>
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { listVariants, ScenarioError } from '../scenario/index.js';
import { createDesignStore, type ScenarioDoc } from '../state/design.js';
import { variantNames } from '../state/variant-view.js';
import { createRunsStore, isRunning, type RunRecord } from '../state/runs.js';
import { createUiStore } from '../state/ui.js';
import { RunController } from '../state/run-controller.js';
import { importYaml } from '../state/yaml-io.js';
import { encodeShare } from '../state/share.js';
import { createSimClient, type SimClient } from '../worker/client.js';
import type { RunResult } from '../worker/api.js';
import { StoreController } from '../ui/store-controller.js';
import { runDurationMs, undoRedoKey } from '../ui/design-host.js';
import { appUrl, dedent, fetchScenario, fileName, SourceError } from './source.js';
import { embedStyles } from './embed-styles.js';
import '../ui/diagram.js';
import '../ui/results.js';
import '../ui/lesson.js';

/**
 * A worker client that reports, instead of throwing, when the browser refuses
 * the worker (a page whose Content-Security-Policy allows no blob: workers, which
 * archsim needs when its script comes from another site).
 */
function workerClient(): SimClient {
  try {
    return createSimClient();
  } catch (e) {
    const message = `the simulation worker could not start (${(e as Error).message}). From another site, this page must allow blob: workers (Content-Security-Policy worker-src), or use the iframe embed (see docs/embedding.md).`;
    return {
      run: async () => ({ ok: false, error: { kind: 'crash', message } }),
      cancel: async () => {},
      validate: async () => [],
      terminate: () => {},
    };
  }
}

/** The events <archsim-embed> fires (all bubble and cross shadow roots), in the order a page meets them. */
export const EMBED_EVENTS = ['archsim-load', 'archsim-error', 'archsim-run-start', 'archsim-run-end'] as const;

/** The `detail` of each event <archsim-embed> fires. */
export interface ArchsimEmbedEventDetail {
  /** The scenario loaded and shows: its title and variant names. */
  'archsim-load': { title: string; variants: string[] };
  /** The scenario cannot be shown; `message` is what the element says. */
  'archsim-error': { message: string };
  /** A run started, of `variant` ("" for the base). */
  'archsim-run-start': { variant: string };
  /** A run ended: done, stopped (partial result) or failed (`error`; invalid input has no result). */
  'archsim-run-end': { variant: string; status: RunRecord['status']; result?: RunResult; error?: RunRecord['error'] };
}

const HEIGHT = /^\d{2,5}(\.\d+)?(px|em|rem|vh|svh|dvh)?$/;
const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * A scenario in course notes: a run bar (title, variant, Run/Stop), the
 * diagram and the summary with the latency chart, simulated in its own worker.
 *
 * @summary Runs an archsim scenario inside a web page.
 * @fires archsim-load - The scenario loaded and shows; `detail`: `{ title, variants }`.
 * @fires archsim-error - The scenario cannot be shown (bad YAML, a missing file, an unknown variant); `detail`: `{ message }`.
 * @fires archsim-run-start - A run started; `detail`: `{ variant }` ("" for the base).
 * @fires archsim-run-end - A run ended; `detail`: `{ variant, status: "done" | "stopped" | "failed", result?, error? }` (`result` is the run's JSON, as `archsim run --json` prints it).
 * @csspart bar - The run bar along the top: title, variant picker, Run/Stop, "Open in archsim".
 * @csspart title - The scenario's title in the run bar.
 * @csspart variant-picker - The variant `<select>`, shown when the scenario has variants.
 * @csspart run-button - The Run/Stop button.
 * @csspart open-link - The "Open in archsim ↗" link (with the `app` attribute).
 * @csspart lesson - The lesson panel (with the `lesson` attribute).
 * @csspart diagram - The diagram of the design.
 * @csspart results - The summary table and latency chart.
 * @csspart message - The box that says why a scenario cannot be shown, or that it is loading.
 * @cssprop [--archsim-height=560px] - Height of the element (the `height` attribute sets it).
 * @cssprop [--font=system-ui, sans-serif] - Font of the text.
 * @cssprop [--mono=ui-monospace, monospace] - Font of figures and messages.
 * @cssprop [--accent=#0b6bcb] - Colour of the Run button, links and focus accents.
 * @cssprop [--on-accent=#ffffff] - Text on the accent colour.
 * @cssprop [--panel=#ffffff] - Background of the bar and the summary.
 * @cssprop [--canvas=#f8f9fb] - Background of the diagram.
 * @cssprop [--text=#1b1f24] - Colour of the text.
 * @cssprop [--muted=#5b6472] - Colour of secondary text.
 * @cssprop [--line=#d5dae1] - Colour of borders and rules.
 */
@customElement('archsim-embed')
export class ArchsimEmbed extends LitElement {
  /** URL of a scenario YAML (or JSON) file, relative to the page. */
  @property() src = '';
  /** Variant preselected in the picker. */
  @property() variant = '';
  /** Seed of the runs (overrides the scenario's). */
  @property() seed = '';
  /** Simulated duration of the runs ("2m"; overrides the scenario's). */
  @property() duration = '';
  /** Run once as soon as the element is scrolled into view. */
  @property({ type: Boolean }) autorun = false;
  /** Height of the element: "560", "560px", "40rem", "80vh". */
  @property() height = '';
  /** No moving, connecting or deleting on the diagram. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** "light", "dark" or "auto" (the reader's system scheme). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';
  /**
   * Shows the scenario's description as a lesson panel above the diagram: present or "open"
   * for open, "collapsed" for only its heading (the reader opens it); absent for none.
   */
  @property() lesson: string | null = null;
  /** URL of the full archsim app: adds an "Open in archsim" link carrying the design. */
  @property() app = '';
  /** Scenario text given by script; takes precedence over `src` and the inline script. */
  @property({ attribute: false }) yaml?: string;
  /** Name of the `yaml` text in messages ("mm1.yaml", "shared link"). */
  @property({ attribute: false }) yamlName = 'scenario';

  readonly design = createDesignStore();
  readonly ui = createUiStore(reducedMotion);
  readonly runs = createRunsStore();
  readonly controller = new RunController(this.runs, workerClient);

  @state() private loaded = false;
  @state() private error = '';
  @state() private notice = '';
  @state() private picked = '';
  @state() private openHref = '';
  #design = new StoreController(
    this,
    () => this.design,
    (s) => s.context.doc,
  );
  #running = new StoreController(
    this,
    () => this.runs,
    (s) => isRunning(s.context),
  );
  #loads = 0;
  #hasAutorun = false;
  #isVisible = false;
  #visibility = new IntersectionObserver(([e]) => {
    this.#isVisible = e.isIntersecting;
    this.#maybeAutorun();
  });

  static override styles = embedStyles;

  /** Shows `message` in place of the scenario (the iframe page uses it for a bad link). */
  showError(message: string): void {
    this.#loads++;
    this.loaded = false;
    this.error = message;
    this.#emit('archsim-error', { message });
  }

  /** Runs the scenario with the chosen variant, seed and duration. */
  async run(): Promise<void> {
    if (!this.loaded || this.controller.isRunning) return;
    const doc = this.design.getSnapshot().context.doc;
    const variant = this.picked;
    this.notice = '';
    const label = [variant || 'base', this.seed && `seed ${this.seed}`].filter(Boolean).join(' · ');
    this.#emit('archsim-run-start', { variant });
    const problems = await this.controller.start(doc, { variant, seed: this.seed, duration: this.duration }, label);
    if (problems.length) {
      this.notice = `This scenario cannot run:\n${problems.slice(0, 6).join('\n')}`;
      this.#emit('archsim-run-end', { variant, status: 'failed', error: { kind: 'invalid', message: this.notice } });
      return;
    }
    const { runs, currentId } = this.runs.getSnapshot().context;
    const ran = runs.find((r) => r.id === currentId);
    this.#emit('archsim-run-end', { variant, status: ran?.status ?? 'failed', result: ran?.result, error: ran?.error });
  }

  /** Fires `name` from the element; it bubbles out of any shadow root the element sits in. */
  #emit<K extends (typeof EMBED_EVENTS)[number]>(name: K, detail: ArchsimEmbedEventDetail[K]): void {
    /** @ignore for the manifest: it lists the events by name from the class's @fires tags */
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** Stops the run in progress; its partial results stay. */
  stop(): void {
    this.controller.stop();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#visibility.observe(this);
    this.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#visibility.disconnect();
    this.removeEventListener('keydown', this.#onKey);
    this.controller.dispose();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('height')) {
      if (HEIGHT.test(this.height)) this.style.setProperty('--archsim-height', /\d$/.test(this.height) ? `${this.height}px` : this.height);
      else this.style.removeProperty('--archsim-height');
    }
    if (!this.hasUpdated || changed.has('variant')) this.picked = this.variant;
    // the diagram draws the variant picked
    if (this.ui.getSnapshot().context.variant !== this.picked) this.ui.trigger.setRunOptions({ variant: this.picked });
    if (!this.hasUpdated || changed.has('src') || changed.has('yaml')) void this.#load();
  }

  #onKey = (e: KeyboardEvent) => {
    if (!this.readonly) undoRedoKey(e, this.design);
  };

  async #load(): Promise<void> {
    const token = ++this.#loads;
    this.loaded = false;
    this.error = '';
    this.notice = '';
    let source = 'inline scenario';
    try {
      let text: string;
      if (this.yaml !== undefined) {
        source = this.yamlName;
        text = this.yaml;
      } else if (this.src) {
        source = fileName(this.src);
        text = await fetchScenario(this.src, document.baseURI);
      } else text = await this.#inlineText();
      if (token !== this.#loads) return;
      const doc = importYaml(text, source);
      const variants = listVariants(doc);
      if (this.picked && !variants.includes(this.picked))
        throw new Error(
          `variant "${this.picked}" is not in this scenario; it has ${variants.length ? variants.map((v) => `"${v}"`).join(', ') : 'no variants'}`,
        );
      this.controller.stop();
      this.runs.trigger.clear();
      this.design.trigger.load({ doc, source });
      this.ui.trigger.select({ selection: null });
      this.loaded = true;
      this.#emit('archsim-load', { title: String(doc.title || 'Scenario'), variants });
      void this.#shareLink(doc);
      this.#maybeAutorun();
    } catch (e) {
      if (token !== this.#loads) return;
      this.error = e instanceof ScenarioError ? e.message : `${source}: ${(e as Error).message ?? e}`;
      this.#emit('archsim-error', { message: this.error });
    }
  }

  /** The YAML of a `<script type="text/yaml">` child; waits for the page to parse it if needed. */
  async #inlineText(): Promise<string> {
    const find = () => this.querySelector('script[type="text/yaml"], script[type="application/yaml"], script[type="text/x-yaml"]');
    if (!find() && document.readyState === 'loading')
      await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }));
    const script = find();
    if (!script)
      throw new Error('no scenario given: set src="scenario.yaml" or put the YAML inside <script type="text/yaml"> in the element');
    return dedent(script.textContent ?? '');
  }

  async #shareLink(doc: ScenarioDoc): Promise<void> {
    if (!this.app) return;
    try {
      this.openHref = `${appUrl(this.app, document.baseURI)}#design=${await encodeShare(doc)}`;
    } catch (e) {
      this.openHref = '';
      if (e instanceof SourceError) this.notice = `The "Open in archsim" link is left out: ${e.message}`;
    }
  }

  #maybeAutorun(): void {
    if (this.autorun && this.loaded && this.#isVisible && !this.#hasAutorun) {
      this.#hasAutorun = true;
      void this.updateComplete.then(() => this.run());
    }
  }

  #renderLesson(doc: ScenarioDoc) {
    const text = typeof doc.description === 'string' ? doc.description : '';
    if (this.lesson === null || this.lesson === 'false' || !text.trim()) return nothing;
    return html`<archsim-lesson part="lesson" placement="top" .text=${text} .collapsed=${this.lesson === 'collapsed'}></archsim-lesson>`;
  }

  override render() {
    const doc = this.#design.value,
      running = this.#running.value;
    const title = this.loaded ? String(doc.title || 'Scenario') : this.error ? 'Scenario unavailable' : 'Loading scenario…';
    const variants = this.loaded ? variantNames(doc) : [];
    return html`<div class="bar" part="bar" role="toolbar" aria-label="Run">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 18 9 9l4 5 3-6 4 10"/></svg>
        <h2 part="title" title=${title}>${title}</h2>
        ${
          variants.length
            ? html`<label>Variant <select part="variant-picker" aria-label="Variant" ?disabled=${running} @change=${(e: Event) => (this.picked = (e.target as HTMLSelectElement).value)}>
          <option value="" .selected=${!variants.includes(this.picked)}>base</option>${variants.map((v) => html`<option .selected=${v === this.picked}>${v}</option>`)}</select></label>`
            : nothing
        }
        <button part="run-button" class=${running ? 'stop' : ''} ?disabled=${!running && !this.loaded} @click=${() => (running ? this.stop() : this.run())}
          ><span aria-hidden="true">${running ? '■' : '▶'}</span> ${running ? 'Stop' : 'Run'}</button>
        ${this.openHref ? html`<a part="open-link" class="open" href=${this.openHref} target="_blank" rel="noopener">Open in archsim ↗</a>` : nothing}
      </div>
      ${
        this.error
          ? html`<div class="message" part="message" role="alert"><b>This scenario cannot be shown.</b><pre>${this.error}</pre></div>`
          : this.loaded
            ? html`${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
            ${this.#renderLesson(doc)}
            <archsim-diagram part="diagram" .design=${this.design} .ui=${this.ui} .runs=${this.runs} ?readonly=${this.readonly}></archsim-diagram>
            <archsim-results part="results" compact .runs=${this.runs} .durationMs=${runDurationMs(doc, this.duration)}></archsim-results>`
            : html`<div class="message info" part="message" role="status">Loading the scenario…</div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-embed': ArchsimEmbed;
  }
  interface HTMLElementEventMap {
    'archsim-load': CustomEvent<ArchsimEmbedEventDetail['archsim-load']>;
    'archsim-error': CustomEvent<ArchsimEmbedEventDetail['archsim-error']>;
    'archsim-run-start': CustomEvent<ArchsimEmbedEventDetail['archsim-run-start']>;
    'archsim-run-end': CustomEvent<ArchsimEmbedEventDetail['archsim-run-end']>;
  }
}

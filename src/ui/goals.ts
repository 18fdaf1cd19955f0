/**
 * <archsim-goals>: a challenge's rubric beside the diagram. Each goal shows ✓
 * (met), ✗ (missed) or – (not run yet, or not decided) with the value measured,
 * the target and the run it came from, and its `why` (sanitised markdown) when
 * missed; the hints come one at a time behind "Show a hint" (remembered per
 * design for the session); "Download my design" saves the submission file that
 * `archsim check --design` grades. Hidden for a design with no goals or hints.
 *
 * @example
 * <archsim-goals .design=${designStore} .runs=${runsStore}></archsim-goals>
 */
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { formatTarget, type Goal } from '../check/goals.js';
import { resolveScenario } from '../scenario/index.js';
import type { DesignStore, ScenarioDoc } from '../state/design.js';
import { goalViews, type GoalView } from '../state/goal-runs.js';
import { lockedPaths, withoutLayout } from '../state/locks.js';
import type { RunsStore } from '../state/runs.js';
import { exportYaml } from '../state/yaml-io.js';
import { goalsStyles } from './goals-styles.js';
import { lessonHtml } from './lesson-markdown.js';
import { lockIcon } from './lock-icon.js';
import { StoreController } from './store-controller.js';

/** A challenge's goals and hints, as the design resolves them. */
interface Rubric {
  goals: Goal[];
  hints: string[];
}

const MARKS = {
  pass: { sign: '✓', label: 'met' },
  fail: { sign: '✗', label: 'missed' },
  undecided: { sign: '–', label: 'not decided' },
  pending: { sign: '–', label: 'not checked yet' },
} as const;

@customElement('archsim-goals')
export class ArchsimGoals extends LitElement {
  @property({ attribute: false }) design!: DesignStore;
  @property({ attribute: false }) runs!: RunsStore;

  #design = new StoreController(
    this,
    () => this.design,
    (s) => s.context,
  );
  #runs = new StoreController(
    this,
    () => this.runs,
    (s) => s.context,
  );
  /** Hints shown so far, per design (its source and title), for the whole session. */
  #revealed = new Map<string, number>();
  #rubric: Rubric = { goals: [], hints: [] };
  #rubricOf?: ScenarioDoc;
  /** The last rubric that resolved, per design: a design mid-edit keeps showing its goals. */
  #lastGood = new Map<string, Rubric>();
  /** Each run's design as it started (layout left out), to tell a result the design has been edited since. */
  #ranWith = new Map<number, string>();

  static override styles = goalsStyles;

  #key(): string {
    const { doc, source } = this.#design.value;
    return `${source}\n${String(doc.title ?? '')}`;
  }

  override willUpdate(_changed: PropertyValues<this>): void {
    const { doc } = this.#design.value;
    if (doc !== this.#rubricOf) {
      this.#rubricOf = doc;
      this.#rubric = this.#resolve(doc);
    }
    this.hidden = !this.#rubric.goals.length && !this.#rubric.hints.length;
    // a run is first seen in the update after it starts, before any edit can follow it
    for (const r of this.#runs.value.runs) if (!this.#ranWith.has(r.id)) this.#ranWith.set(r.id, designText(doc));
  }

  /** The design's goals and hints; while the design does not resolve, the last ones that did. */
  #resolve(doc: ScenarioDoc): Rubric {
    const key = this.#key();
    if (doc.goals === undefined && doc.hints === undefined) return { goals: [], hints: [] };
    try {
      const { goals, hints } = resolveScenario(doc, { checkVariants: false });
      const rubric = { goals, hints };
      this.#lastGood.set(key, rubric);
      return rubric;
    } catch {
      return this.#lastGood.get(key) ?? { goals: [], hints: [] };
    }
  }

  #download(): void {
    const { doc, source } = this.#design.value;
    const stem =
      source
        .replace(/\.(ya?ml|json)$/i, '')
        .replace(/[^\w-]+/g, '-')
        .replace(/^-|-$/g, '') || 'design';
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([exportYaml(doc)], { type: 'text/yaml' }));
    a.download = `${stem}-my-design.yaml`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  #goal(v: GoalView, now: string) {
    const status = v.outcome?.status ?? 'pending';
    const mark = MARKS[status];
    const o = v.outcome;
    const why = status === 'fail' && v.goal.why ? html`<div class="why markdown">${unsafeHTML(lessonHtml(v.goal.why))}</div>` : nothing;
    const measured = o
      ? html`<span class="value">${o.valueText}</span> <span class="from">${v.runLabel}</span>${
          v.run && this.#ranWith.get(v.run.id) !== now ? html` <span class="stale">· the design has changed since this run</span>` : nothing
        }`
      : html`<span class="from">${v.pending}</span>`;
    return html`<li class="goal ${status}">
      <span class="mark" role="img" aria-label=${mark.label}>${mark.sign}</span>
      <div class="what">
        <span class="name">${v.goal.name}</span>
        <span class="target">Target: ${o?.targetText ?? formatTarget(v.goal)}${v.goal.variant ? html` · variant <b>${v.goal.variant}</b>` : nothing}</span>
        <span class="measured">${measured}</span>
        ${o?.reason ? html`<span class="reason">${o.reason}</span>` : nothing}
        ${why}
      </div>
    </li>`;
  }

  #hints(hints: readonly string[]) {
    if (!hints.length) return nothing;
    const key = this.#key();
    const shown = Math.min(this.#revealed.get(key) ?? 0, hints.length);
    const reveal = () => {
      this.#revealed.set(key, shown + 1);
      this.requestUpdate();
    };
    return html`<div class="hints">
      ${hints.slice(0, shown).map(
        (h, i) => html`<section class="hint" aria-label=${`Hint ${i + 1} of ${hints.length}`}>
          <h3>Hint ${i + 1} of ${hints.length}</h3><div class="markdown">${unsafeHTML(lessonHtml(h))}</div></section>`,
      )}
      ${
        shown < hints.length
          ? html`<button class="hint-button" @click=${reveal}>Show a hint</button>
            <span class="count">${shown ? `${hints.length - shown} more` : `${hints.length} ${hints.length === 1 ? 'hint' : 'hints'}`}</span>`
          : html`<p class="count">No more hints.</p>`
      }
    </div>`;
  }

  override render() {
    const { goals, hints } = this.#rubric;
    if (!goals.length && !hints.length) return nothing;
    const views = goalViews(goals, this.#runs.value);
    const met = views.filter((v) => v.outcome?.status === 'pass').length;
    const locked = lockedPaths(this.#design.value.doc).map((p) => p.join('.'));
    const now = designText(this.#design.value.doc);
    return html`<section aria-labelledby="goals-title">
      <div class="head"><h2 id="goals-title">Goals</h2>${goals.length ? html`<span class="score">${met} of ${goals.length} met</span>` : nothing}</div>
      <div class="body">
        ${goals.length ? html`<ul class="goals" aria-label="Goals">${views.map((v) => this.#goal(v, now))}</ul>` : nothing}
        ${locked.length ? html`<p class="locked">${lockIcon(locked.join(', '))} Locked by the instructor: ${locked.map((p, i) => html`${i ? ', ' : ''}<code>${p}</code>`)}</p>` : nothing}
        ${this.#hints(hints)}
        <div class="submit"><button class="download" @click=${() => this.#download()}>Download my design</button>
          <p class="help">The YAML file to hand in: <code>archsim check</code> grades it against these goals.</p></div>
      </div>
    </section>`;
  }
}

/** The design as a run sees it: everything but the layout, as text to compare. */
const designText = (doc: ScenarioDoc): string => JSON.stringify(withoutLayout(doc));

declare global {
  interface HTMLElementTagNameMap {
    'archsim-goals': ArchsimGoals;
  }
}

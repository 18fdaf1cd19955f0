/**
 * <archsim-analysis>: a run read against queueing theory — the bottleneck
 * sentence and its bounds, then for each component with workers the
 * closed-form model's prediction beside the simulated figure, flagged where
 * they part with the reasons from what the component saw (src/analysis/analyze.ts,
 * pure: computed here on the main thread from the run result). Rendered into the
 * light DOM, so the results panel's table styles apply.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { analyze, type Analysis, type Comparison, type NodeTheory } from '../analysis/analyze.js';
import type { Bottleneck } from '../analysis/bottleneck.js';
import type { RunResult } from '../worker/api.js';
import { ms, pct, rps } from './format.js';

/** A figure in its unit. */
const value = (c: Comparison) => (c.unit === 'ratio' ? pct(c.predicted) : ms(c.predicted));
const simulated = (c: Comparison) => (c.unit === 'ratio' ? pct(c.simulated) : ms(c.simulated));
const allowed = (c: Comparison) => (c.unit === 'ratio' ? `± ${pct(c.allowed)}` : `± ${ms(c.allowed)}`);

/** The analysis of a run: bottleneck and bounds, and theory beside each component with workers. */
@customElement('archsim-analysis')
export class ArchsimAnalysis extends LitElement {
  /** The run analysed. */
  @property({ attribute: false }) result?: RunResult;

  #of?: RunResult;
  #analysis?: Analysis;

  protected override createRenderRoot() {
    return this;
  }

  /** The analysis of the current result, computed once per result. */
  get analysis(): Analysis | undefined {
    if (!this.result) return undefined;
    if (this.#of !== this.result) {
      this.#of = this.result;
      this.#analysis = analyze(this.result);
    }
    return this.#analysis;
  }

  override render() {
    const a = this.analysis;
    if (!a) return html`<p class="status idle">Run the design to compare it with queueing theory.</p>`;
    if (!a.theory.length && !a.bottleneck) return html`<p class="status idle">No component with workers to model in this run.</p>`;
    return html`${this.#bottleneck(a.bottleneck)}${a.theory.map((t) => this.#theory(t))}`;
  }

  #bottleneck(b: Bottleneck | null) {
    if (!b) return nothing;
    const c = b.closed;
    return html`<section class="analysis-bottleneck" aria-label="Bottleneck">
      <p class="bottleneck-sentence"><b>Bottleneck.</b> ${b.sentence}</p>
      <table aria-label="Service demand per component">
        <caption>Utilisation law U = X·D: demand D = visits × service time ÷ workers, per request</caption>
        <thead><tr><th scope="col">Component</th><th scope="col">Visits</th><th scope="col">Service</th><th scope="col">Workers</th><th scope="col">Demand</th><th scope="col">At most</th><th scope="col"><abbr title="Simulated utilisation / X·D">Busy</abbr></th></tr></thead>
        <tbody>${b.demands.map(
          (d) =>
            html`<tr><th scope="row">${d.id}<small> ${d.kind}</small></th><td>${d.visits.toFixed(2)}</td><td>${ms(d.serviceMs)}</td><td>${d.servers}</td><td>${ms(d.demandMs)}</td><td>${rps(d.maxRps)}/s</td><td>${pct(d.utilization)} / ${pct(d.lawUtilization)}</td></tr>`,
        )}</tbody>
      </table>
      ${
        c
          ? html`<p class="bounds">Closed workload of N = ${c.users} users thinking Z = ${ms(c.thinkMs)} (D = ${ms(c.totalDemandMs)}${c.nested ? ', the largest single demand: calls nest' : ''}):
          throughput X ≤ min(N/(D+Z), 1/D<sub>max</sub>) = <b>${rps(c.maxThroughputRps)}/s</b> (simulated ${rps(c.throughputRps)}/s);
          response R ≥ max(D, N·D<sub>max</sub> − Z) = <b>${ms(c.minResponseMs)}</b> (simulated ${ms(c.responseMs)});
          N* = (D+Z)/D<sub>max</sub> = ${c.saturationUsers.toFixed(1)} users.</p>`
          : nothing
      }
    </section>`;
  }

  #theory(t: NodeTheory) {
    const verdict = t.agrees ? 'agrees with theory' : 'parts from theory';
    return html`<section class="analysis-theory" aria-label=${`Theory for ${t.id}`}>
      <h3>${t.id} <small>${t.model} · ${t.formula} · ρ = ${t.inputs.rho.toFixed(2)}</small> <span class=${t.agrees ? 'ok' : 'hot'}>${t.agrees ? '✓' : '✗'} ${verdict}</span></h3>
      <p class="assumptions">${t.assumptions}</p>
      <table aria-label=${`Predicted and simulated figures of ${t.id}`}>
        <thead><tr><th scope="col">Figure</th><th scope="col">Predicted</th><th scope="col">Simulated</th><th scope="col"><abbr title=${t.tolerance}>Tolerance</abbr></th><th scope="col">Agrees</th></tr></thead>
        <tbody>${t.comparisons.map(
          (c) =>
            html`<tr><th scope="row">${c.label}</th><td>${value(c)}</td><td>${simulated(c)}</td><td>${allowed(c)}</td><td class=${c.agrees ? 'ok' : 'hot'}>${c.agrees ? '✓ yes' : '✗ no'}</td></tr>`,
        )}</tbody>
      </table>
      ${t.reasons.length ? html`<ul class="reasons" aria-label=${`Why ${t.id} parts from theory`}>${t.reasons.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'archsim-analysis': ArchsimAnalysis;
  }
}

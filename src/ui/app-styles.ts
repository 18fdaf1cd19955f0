/** Styles of <archsim-app>: the page grid and the top bar. */
import { css } from 'lit';

export const appStyles = css`
  :host { display: grid; height: 100vh; min-height: 700px; min-width: 1024px; grid-template-columns: 196px 1fr 300px; grid-template-rows: auto auto 1fr minmax(250px, 34vh); grid-template-areas: 'top top top' 'notice notice notice' 'palette centre inspector' 'results results results'; background: var(--bg); color: var(--text); font: 13px var(--font); }
  .top { grid-area: top; display: flex; align-items: center; gap: 6px; padding: 8px 12px; background: var(--panel); border-bottom: 1px solid var(--line); flex-wrap: nowrap; white-space: nowrap; min-width: 0; }
  .top > * { flex: none; }
  .brand { display: flex; align-items: center; gap: 6px; font: 700 16px var(--font); letter-spacing: -.01em; margin-right: 6px; }
  .brand svg { width: 22px; height: 22px; fill: none; stroke: var(--accent); stroke-width: 2.4; stroke-linecap: round; stroke-linejoin: round; }
  label { display: flex; align-items: center; gap: 5px; color: var(--muted); font-size: 12px; }
  .top > select.scenario { flex: 0 1 260px; min-width: 110px; text-overflow: ellipsis; }
  select.variant { max-width: 130px; }
  button.scenarios { display: flex; align-items: center; gap: 6px; }
  .ui-icon { width: 16px; height: 16px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; display: block; }
  button.icon .ui-icon { margin: 0 auto; }
  h1 .edited { font-weight: 400; color: var(--muted); }
  .gallery { grid-row: 3 / 5; grid-column: 1 / -1; z-index: 4; min-height: 0; }
  select, input { padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 13px var(--font); }
  input.short { width: 52px; font-family: var(--mono); }
  button { padding: 5px 11px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 13px var(--font); cursor: pointer; }
  button:hover { border-color: var(--accent); color: var(--accent); }
  button.icon { width: 32px; padding: 5px 0; font-size: 15px; }
  button[aria-pressed=true] { background: var(--accent-soft); border-color: var(--accent); color: var(--accent); }
  button.primary { background: var(--accent); color: var(--on-accent); border-color: var(--accent); font-weight: 600; padding: 5px 16px; }
  button.run { width: 82px; }
  button.primary:hover { filter: brightness(1.1); color: var(--on-accent); }
  button.stop { background: var(--hot); border-color: var(--hot); }
  button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  .sep { width: 1px; height: 22px; background: var(--line); margin: 0 2px; }
  .notice { grid-area: notice; display: flex; align-items: flex-start; gap: 8px; padding: 6px 12px; border-bottom: 1px solid var(--line); }
  .notice pre { margin: 0; flex: 1; white-space: pre-wrap; font: 12px/1.5 var(--mono); }
  .notice.error { background: var(--hot-bg); color: var(--text); border-left: 4px solid var(--hot); }
  .notice.info { background: var(--accent-soft); }
  .notice button { padding: 0 8px; }
  .palette { grid-area: palette; background: var(--panel); border-right: 1px solid var(--line); overflow: auto; min-height: 0; }
  .centre { grid-area: centre; position: relative; display: flex; min-width: 0; min-height: 0; }
  .stage { flex: 1; min-width: 0; position: relative; display: flex; }
  .title { position: absolute; left: 14px; right: 56px; top: 8px; z-index: 1; pointer-events: none; }
  h1 { display: inline-block; margin: 0; font: 600 15px/1.3 var(--font); color: var(--text); background: color-mix(in srgb, var(--canvas) 85%, transparent); padding: 2px 6px; border-radius: 4px; }
  archsim-diagram { flex: 1; min-width: 0; }
  /* Diagram | Source: the source panel lies over the diagram, which keeps its size (and the last valid design) underneath */
  .view-tabs { position: absolute; top: 8px; right: 50px; z-index: 3; display: flex; border: 1px solid var(--line); border-radius: 7px; overflow: hidden; background: var(--surface); box-shadow: 0 1px 2px rgb(0 0 0 / 0.08); }
  .view-tabs button { border: 0; border-radius: 0; padding: 4px 12px; background: transparent; color: var(--text); font: 12px var(--font); cursor: pointer; }
  .view-tabs button[aria-selected='true'] { background: var(--accent); color: var(--on-accent); font-weight: 600; }
  .view-tabs button:focus-visible { outline: 2px solid var(--focus); outline-offset: -2px; }
  .stage > .title { right: 240px; }
  .stage.source-open .title h1 { max-width: 100%; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .stage.source-open archsim-diagram { visibility: hidden; }
  .source-panel { position: absolute; inset: 42px 12px 10px 12px; z-index: 2; display: flex; flex-direction: column; }
  .source-panel[hidden] { display: none; }
  .source-panel archsim-source { flex: 1; min-height: 0; }
  /* beside the diagram: a challenge's goals (when it has any) above the lesson */
  .side { flex: none; display: flex; flex-direction: column; min-height: 0; }
  .side archsim-goals { width: 300px; flex: 0 1 auto; max-height: 62%; border-left: 1px solid var(--line); border-bottom: 1px solid var(--line); }
  .side archsim-lesson { flex: 1 1 auto; }
  .inspector { grid-area: inspector; background: var(--panel); border-left: 1px solid var(--line); overflow: auto; min-height: 0; }
  .results { grid-area: results; background: var(--panel); border-top: 1px solid var(--line); min-height: 0; display: flex; }
  /* the Sweep view has a form, notes and a table of points beside its charts: it takes more of the page */
  :host([sweep-open]) { grid-template-rows: auto auto 1fr minmax(250px, 50vh); }
  archsim-results, archsim-sweep { flex: 1; min-width: 0; }
  archsim-results[hidden], archsim-sweep[hidden] { display: none; }
  .results-tabs { display: flex; flex-direction: column; gap: 2px; padding: 8px 0 0 6px; border-right: 1px solid var(--line); }
  .results-tabs button { border: none; border-left: 2px solid transparent; border-radius: 0; background: none; padding: 4px 8px; color: var(--muted); font: 12px var(--font); cursor: pointer; text-align: left; }
  .results-tabs button[aria-selected=true] { border-left-color: var(--accent); color: var(--text); font-weight: 600; }
  .results-tabs button:focus-visible { outline: 2px solid var(--focus); }
`;

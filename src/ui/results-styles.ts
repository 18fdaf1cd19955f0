/** Styles of <archsim-results>. */
import { css } from 'lit';

export const resultsStyles = css`
  :host { display: grid; grid-template-columns: minmax(380px, 40%) 1fr; gap: 14px; padding: 8px 14px; min-height: 0; font: 12px/1.4 var(--font); color: var(--text); contain: strict; will-change: transform; }
  :host([compact]) { grid-template-columns: minmax(240px, 300px) 1fr; }
  .side { display: flex; flex-direction: column; min-height: 0; gap: 5px; }
  .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 14px; min-height: 0; }
  .runbar { display: flex; gap: 6px; align-items: center; }
  .runbar select { flex: 1; min-width: 0; padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); }
  button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); cursor: pointer; }
  button:hover { border-color: var(--accent); color: var(--accent); }
  button:focus-visible, select:focus-visible { outline: 2px solid var(--focus); }
  .vs { color: var(--muted); }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .status { margin: 0; color: var(--muted); }
  .status.done { color: var(--ok); } .status.failed { color: var(--hot); }
  .progress { height: 4px; background: var(--surface-2); border-radius: 2px; overflow: hidden; }
  /* scaled, not resized: a transform animates on the compositor, a width would relayout and repaint every frame */
  .progress span { display: block; height: 100%; background: var(--accent); transform-origin: left; transition: transform .15s; }
  .error { border: 1px solid var(--hot); background: var(--hot-bg); border-radius: 6px; padding: 6px 8px; white-space: pre-wrap; }
  .warnings { margin: 6px 0 0; padding: 4px 8px; list-style: none; background: var(--warm-bg); border: 1px solid var(--warm); border-radius: 6px; }
  .tabs { display: flex; gap: 2px; border-bottom: 1px solid var(--line); }
  .tabs button { border: none; border-bottom: 2px solid transparent; border-radius: 0; background: none; padding: 4px 10px; color: var(--muted); }
  .tabs button[aria-selected=true] { border-bottom-color: var(--accent); color: var(--text); font-weight: 600; }
  .table { overflow: auto; min-height: 0; flex: 1; contain: content; }
  .summary { display: grid; grid-template-columns: auto auto; justify-content: space-between; gap: 0 12px; align-items: start; }
  .summary th, .summary td { padding: 1px 3px; }
  .summary table { width: auto; }
  .summary.stacked { grid-template-columns: auto; justify-content: start; }
  abbr { text-decoration: none; }
  .reasons, .note { margin: 0; color: var(--muted); }
  /* one line, so the summary below stays in view; the whole sentence is in the text (read out) and the tooltip */
  .note { padding: 2px 6px; border-left: 3px solid var(--warm); background: var(--warm-bg); color: var(--text); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; flex: none; }
  table.detail caption { text-align: left; font-weight: 600; padding: 2px 6px; }
  table.detail th[scope=row] { white-space: normal; }
  table.detail .help { color: var(--muted); font-size: 11px; font-weight: 400; }
  button.link { border: none; background: none; padding: 0; color: var(--accent); text-decoration: underline; font: inherit; }
  button:disabled { opacity: 0.45; cursor: default; }
  table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
  th, td { padding: 2px 6px; text-align: right; border-bottom: 1px solid var(--grid); white-space: nowrap; }
  th[scope=row], thead th:first-child { text-align: left; font-weight: 500; }
  thead th { font-weight: 600; color: var(--muted); position: sticky; top: 0; background: var(--panel); }
  td { font-family: var(--mono); }
  small { color: var(--muted); }
  td.better { color: var(--ok); font-weight: 600; } td.worse { color: var(--hot); font-weight: 600; }
  archsim-chart { min-height: 0; }
  /* <archsim-analysis> (light DOM) */
  archsim-analysis { display: block; }
  archsim-analysis section { margin: 4px 0 12px; }
  archsim-analysis h3 { margin: 6px 0 2px; font-size: 12px; }
  archsim-analysis p { margin: 2px 0; white-space: normal; }
  archsim-analysis .ok { color: var(--ok); } archsim-analysis .hot { color: var(--hot); }
  archsim-analysis .reasons { margin: 4px 0; padding-left: 18px; color: var(--text); }
  archsim-analysis caption { text-align: left; color: var(--muted); padding: 2px 6px; }
`;

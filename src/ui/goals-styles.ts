/** Styles of <archsim-goals>: the rubric above the lesson, beside the diagram. */
import { css } from 'lit';

export const goalsStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; background: var(--panel); color: var(--text); font: 13px/1.45 var(--font); }
  :host([hidden]) { display: none; }
  section { display: flex; flex-direction: column; min-height: 0; }
  .head { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid var(--line); flex: none; }
  h2 { flex: 1; margin: 0; font: 600 13px var(--font); }
  .score { color: var(--muted); font-size: 12px; }
  .body { overflow: auto; padding: 8px 12px 12px; min-height: 0; }
  ul.goals { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
  .goal { display: flex; gap: 8px; align-items: flex-start; }
  .mark { flex: none; width: 20px; height: 20px; border-radius: 50%; display: grid; place-items: center; font-weight: 700; font-size: 13px; line-height: 1; border: 1px solid var(--line); color: var(--muted); }
  .goal.pass .mark { background: var(--ok-bg); border-color: var(--ok); color: var(--ok); }
  .goal.fail .mark { background: var(--hot-bg); border-color: var(--hot); color: var(--hot); }
  .what { display: flex; flex-direction: column; min-width: 0; overflow-wrap: anywhere; }
  .name { font-weight: 600; }
  .target, .measured, .reason { font-size: 12px; color: var(--muted); }
  .value { font: 600 12px var(--mono); color: var(--text); }
  .reason { font-style: italic; }
  .stale { color: var(--muted); font-style: italic; }
  .why { margin-top: 4px; padding: 4px 8px; border-left: 3px solid var(--hot); background: var(--hot-bg); border-radius: 0 4px 4px 0; font-size: 12px; }
  .locked { margin: 10px 0 0; font-size: 12px; color: var(--muted); }
  .locked .lock { vertical-align: -2px; }
  .locked code { font: 11px var(--mono); }
  .hints { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
  .hint { flex: 1 1 100%; padding: 6px 8px; border-radius: 6px; background: var(--accent-soft); }
  .hint h3 { margin: 0 0 2px; font: 700 11px/1.3 var(--font); letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
  .count { margin: 0; color: var(--muted); font-size: 12px; }
  .submit { margin-top: 10px; padding-top: 8px; border-top: 1px solid var(--line); }
  .help { margin: 4px 0 0; color: var(--muted); font-size: 12px; }
  .help code { font: 11px var(--mono); }
  button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); cursor: pointer; }
  button:hover { border-color: var(--accent); color: var(--accent); }
  button:focus-visible, a:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  .markdown p, .markdown ul, .markdown ol { margin: 0 0 4px; }
  .markdown > :last-child { margin-bottom: 0; }
  .markdown ul, .markdown ol { padding-left: 18px; }
  .markdown code { padding: 0 3px; border-radius: 3px; background: var(--surface-2); font: 11.5px var(--mono); }
  .markdown a { color: var(--accent); }
`;

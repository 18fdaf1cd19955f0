/** Styles of <archsim-variants>. */
import { css } from 'lit';

export const variantsStyles = css`
  :host { display: block; padding: 12px 14px 10px; font: 13px/1.45 var(--font); color: var(--text); border-bottom: 1px solid var(--line); }
  h2 { font: 600 15px var(--font); margin: 0 0 6px; }
  .list { display: grid; gap: 4px; }
  .entry { border: 1px solid transparent; border-radius: 8px; padding: 4px 6px; }
  .entry.shown { border-color: var(--diff, #7b4fd6); background: var(--surface); }
  .entry.broken { border-left: 3px solid var(--hot); }
  .head { display: flex; align-items: center; gap: 6px; }
  .head label { display: flex; align-items: center; gap: 6px; flex: 1; min-width: 0; cursor: pointer; font-weight: 600; }
  .name { font-family: var(--mono); font-size: 12px; overflow-wrap: anywhere; }
  input[type=radio] { margin: 0; accent-color: var(--diff, #7b4fd6); }
  input[type=radio]:focus-visible, button:focus-visible, input:focus-visible, summary:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  .actions { display: flex; gap: 2px; }
  .actions button { padding: 1px 6px; border: 1px solid var(--line); border-radius: 5px; background: var(--surface); color: var(--text); font: 11px var(--font); cursor: pointer; }
  .actions button:hover { border-color: var(--accent); color: var(--accent); }
  ul.changes { margin: 2px 0 0 22px; padding: 0; list-style: none; font: 11px/1.4 var(--mono); color: var(--muted); }
  ul.changes ul { margin: 0; padding: 0; list-style: none; }
  ul.changes summary { cursor: pointer; font-family: var(--font); }
  .flag { margin: 4px 0 0 22px; font-size: 12px; color: var(--hot); font-weight: 600; }
  form.new { margin-top: 10px; display: grid; gap: 6px; }
  form.new label { font-weight: 600; font-size: 12px; }
  .row { display: flex; gap: 6px; }
  input[type=text], input.rename { flex: 1; min-width: 0; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--mono); }
  input[aria-invalid=true] { border-color: var(--hot); background: var(--hot-bg); }
  button { padding: 4px 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); cursor: pointer; }
  button:hover:not(:disabled) { border-color: var(--accent); color: var(--accent); }
  button:disabled { opacity: 0.55; cursor: default; }
  button.save { justify-self: start; }
  .problem { margin: 0; font-size: 12px; color: var(--hot); font-weight: 600; }
  details.help { margin-top: 8px; font-size: 12px; color: var(--muted); }
  details.help summary { cursor: pointer; font-weight: 600; }
  details.help p { margin: 6px 0 0; }
`;

/** Styles of <archsim-inspector>. */
import { css } from 'lit';

export const inspectorStyles = css`
  :host { display: block; overflow: auto; padding: 12px 14px 20px; font: 13px/1.45 var(--font); color: var(--text); }
  header h2 { font: 600 15px var(--font); margin: 0 0 2px; }
  header p { margin: 0 0 12px; color: var(--muted); font-size: 12px; }
  .field { margin: 0 0 10px; }
  label { display: block; font-weight: 600; font-size: 12px; margin-bottom: 3px; }
  .control { display: flex; align-items: center; gap: 6px; }
  input[type=text], select, textarea { flex: 1; min-width: 0; box-sizing: border-box; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 13px var(--mono); }
  textarea { resize: vertical; font-family: var(--mono); }
  select { font-family: var(--font); }
  input:focus, select:focus, textarea:focus { outline: 2px solid var(--focus); outline-offset: 0; border-color: transparent; }
  .check { display: grid; grid-template-columns: auto 1fr; column-gap: 8px; align-items: center; }
  .check label { order: 2; margin: 0; } .check .control { order: 1; } .check .help, .check .error { order: 3; grid-column: 1 / -1; }
  .unit { font-size: 11px; color: var(--muted); white-space: nowrap; }
  /* a path the instructor locked: shown as it is, read-only, with a padlock */
  .lock { flex: none; color: var(--muted); }
  .locked input[readonly], .locked textarea[readonly], .locked select:disabled { background: var(--surface-2); color: var(--muted); cursor: not-allowed; }
  .help { margin: 3px 0 0; font-size: 11px; color: var(--muted); }
  .invalid input, .invalid textarea { border-color: var(--hot); background: var(--hot-bg); }
  .error { margin: 3px 0 0; font-size: 12px; color: var(--hot); font-weight: 600; }
  details { margin-top: 8px; } summary { cursor: pointer; font-weight: 600; font-size: 12px; color: var(--muted); margin-bottom: 8px; }
  .actions { margin-top: 14px; }
  button.danger { border: 1px solid var(--hot); color: var(--hot); background: none; border-radius: 6px; padding: 5px 10px; font: 12px var(--font); cursor: pointer; }
  button.danger:hover { background: var(--hot-bg); }
  button.lesson { border: 1px solid var(--line); color: var(--text); background: var(--surface); border-radius: 6px; padding: 5px 10px; font: 12px var(--font); cursor: pointer; }
  button.lesson:hover { border-color: var(--accent); color: var(--accent); }
  button.lesson:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  .editing { margin: 0 0 12px; font-size: 12px; color: var(--muted); }
  fieldset.editing { border: 1px solid var(--line); border-radius: 8px; padding: 6px 10px 8px; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
  fieldset.editing legend { font-weight: 600; color: var(--text); padding: 0 4px; }
  fieldset.editing label { display: flex; align-items: center; gap: 5px; margin: 0; font-weight: 400; color: var(--text); cursor: pointer; }
  fieldset.editing .help { flex-basis: 100%; margin: 0; }
  .elsewhere { margin: 0 0 8px; }
  .base { margin: 3px 0 0; padding-left: 6px; border-left: 3px solid #7b4fd6; font-size: 11px; color: var(--text); }
  button.switch { border: 1px solid var(--line); background: var(--surface); color: var(--text); border-radius: 6px; padding: 5px 10px; font: 12px var(--font); cursor: pointer; }
`;

/**
 * Styles of <archsim-embed>. The colour variables mirror src/ui/theme.css but
 * live on :host, so the element looks right on a page that loads no archsim CSS,
 * and `theme="light|dark"` overrides the reader's system scheme.
 */
import { css } from 'lit';

const light = css`
  --bg: #f4f5f7; --panel: #ffffff; --surface: #ffffff; --surface-2: #f0f2f5; --canvas: #f8f9fb; --dot: #dde1e7;
  --text: #1b1f24; --muted: #5b6472; --line: #d5dae1; --line-strong: #b4bcc8; --grid: #eceff3; --edge: #8792a2;
  --accent: #0b6bcb; --accent-soft: #e5f0fb; --on-accent: #ffffff; --focus: #e69f00;
  --ok: #007a5a; --ok-bg: #e3f4ee; --warm: #b87a00; --warm-bg: #fdf3dc; --hot: #c2410c; --hot-bg: #fde8df;
  color-scheme: light;
`;
const dark = css`
  --bg: #0f1216; --panel: #161a20; --surface: #1d222a; --surface-2: #252b34; --canvas: #12161b; --dot: #262c35;
  --text: #e6e9ee; --muted: #9aa4b2; --line: #2e3540; --line-strong: #434c59; --grid: #232932; --edge: #6b7685;
  --accent: #56b4e9; --accent-soft: #16324a; --on-accent: #0b1220; --focus: #f0e442;
  --ok: #3ccf9c; --ok-bg: #10302a; --warm: #f0b429; --warm-bg: #3a2e10; --hot: #ff8a5c; --hot-bg: #3d1f14;
  color-scheme: dark;
`;

export const embedStyles = css`
  :host {
    ${light}
    --font: "Inter", system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
    --mono: ui-monospace, "JetBrains Mono", "SFMono-Regular", Menlo, Consolas, monospace;
    display: flex; flex-direction: column; height: var(--archsim-height, 560px); min-height: 320px; min-width: 320px;
    box-sizing: border-box; border: 1px solid var(--line); border-radius: 10px; overflow: hidden;
    background: var(--panel); color: var(--text); font: 13px/1.4 var(--font); text-align: left;
  }
  @media (prefers-color-scheme: dark) { :host(:not([theme=light])) { ${dark} } }
  :host([theme=dark]) { ${dark} }
  :host([hidden]) { display: none; }
  .bar { display: flex; align-items: center; gap: 8px; padding: 6px 10px; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
  .bar h2 { flex: 1; min-width: 8em; margin: 0; font: 600 14px/1.3 var(--font); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .bar svg { width: 18px; height: 18px; fill: none; stroke: var(--accent); stroke-width: 2.4; stroke-linecap: round; stroke-linejoin: round; flex: none; }
  label { display: flex; align-items: center; gap: 5px; color: var(--muted); font-size: 12px; }
  select { padding: 4px 6px; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px var(--font); max-width: 14em; }
  button { padding: 4px 14px; border: 1px solid var(--accent); border-radius: 6px; background: var(--accent); color: var(--on-accent); font: 600 13px var(--font); cursor: pointer; }
  button:hover { filter: brightness(1.1); }
  button:disabled { opacity: .5; cursor: default; filter: none; }
  button.stop { background: var(--hot); border-color: var(--hot); }
  button:focus-visible, select:focus-visible, a:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  a.open { color: var(--accent); font-size: 12px; text-decoration: none; white-space: nowrap; }
  a.open:hover { text-decoration: underline; }
  /* the summary keeps room for its rows down to p99; the diagram takes the rest */
  archsim-diagram { flex: 1 1 0; min-height: 140px; }
  archsim-results { flex: 0 1 296px; min-height: 150px; border-top: 1px solid var(--line); background: var(--panel); }
  .message { flex: none; max-height: calc(100% - 70px); margin: 12px; padding: 10px 12px; border: 1px solid var(--hot); border-left-width: 4px; border-radius: 6px; background: var(--hot-bg); overflow: auto; }
  .message.info { border-color: var(--line); background: var(--surface-2); color: var(--muted); }
  .message b { display: block; margin-bottom: 4px; }
  .message pre { margin: 0; white-space: pre-wrap; word-break: break-word; font: 12px/1.5 var(--mono); }
  .notice { margin: 0; padding: 6px 10px; border-bottom: 1px solid var(--hot); background: var(--hot-bg); white-space: pre-wrap; font: 12px/1.5 var(--mono); }
`;

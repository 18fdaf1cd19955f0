/** Styles of <archsim-lesson>: a readable column beside the diagram (or a band above it in the embed). */
import { css } from 'lit';

export const lessonStyles = css`
  :host { display: flex; flex-direction: column; min-height: 0; background: var(--panel); color: var(--text); font: 13px/1.5 var(--font); }
  :host([placement=side]) { width: 300px; flex: none; border-left: 1px solid var(--line); }
  :host([placement=side][collapsed]) { width: 34px; }
  /* in the embed the lesson keeps its height (at most 36 % of the box); the summary gives way first */
  :host([placement=top]) { flex: 0 0 auto; max-height: 36%; border-bottom: 1px solid var(--line); }
  section { display: flex; flex-direction: column; min-height: 0; height: 100%; }
  .head { display: flex; align-items: center; gap: 6px; padding: 6px 8px 6px 6px; border-bottom: 1px solid var(--line); flex: none; }
  :host([collapsed]) .head { border-bottom: 0; }
  h2 { flex: 1; margin: 0; font: 600 13px var(--font); }
  button { border: 1px solid transparent; border-radius: 6px; background: none; color: var(--text); font: inherit; cursor: pointer; }
  button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
  .toggle { display: flex; align-items: center; gap: 6px; width: 100%; padding: 3px 4px; text-align: left; font-weight: 600; }
  .toggle:hover { color: var(--accent); }
  .chevron { width: 0; height: 0; border: 5px solid transparent; border-left: 6px solid currentColor; border-right: 0; transition: transform .12s; }
  .toggle[aria-expanded=true] .chevron { transform: rotate(90deg); }
  /* collapsed beside the diagram: a narrow strip whose label reads downwards */
  :host([placement=side][collapsed]) .head { padding: 6px 3px; }
  :host([placement=side][collapsed]) .toggle { writing-mode: vertical-rl; padding: 8px 3px; }
  :host([placement=side][collapsed]) .chevron { transform: rotate(90deg); }
  .edit { flex: none; padding: 2px 10px; border-color: var(--line); font-size: 12px; }
  .edit:hover { border-color: var(--accent); color: var(--accent); }
  .edit[aria-pressed=true] { background: var(--accent-soft); border-color: var(--accent); color: var(--accent); }
  .body { flex: 1; min-height: 0; overflow: auto; padding: 8px 14px 14px; }
  .body[hidden] { display: none; }
  .body:focus-visible { outline: 2px solid var(--focus); outline-offset: -2px; }
  textarea { box-sizing: border-box; width: 100%; min-height: 260px; height: calc(100% - 64px); padding: 6px 8px; resize: vertical; border: 1px solid var(--line); border-radius: 6px; background: var(--surface); color: var(--text); font: 12px/1.5 var(--mono); }
  .help, .empty { margin: 6px 0 0; color: var(--muted); font-size: 12px; }
  .help code { font: 11px var(--mono); }
  /* the rendered description: prose sized to read, headings as small section labels */
  .markdown { overflow-wrap: break-word; }
  .markdown > :first-child { margin-top: 2px; }
  .markdown p, .markdown ul, .markdown ol, .markdown blockquote, .markdown pre, .markdown table { margin: 0 0 9px; }
  .markdown ul, .markdown ol { padding-left: 20px; }
  .markdown li { margin: 2px 0; }
  .markdown li > p { margin: 0; }
  .markdown h3, .markdown h4, .markdown h5, .markdown h6 { margin: 14px 0 5px; font: 700 11.5px/1.3 var(--font); letter-spacing: .04em; text-transform: uppercase; color: var(--muted); }
  .markdown h3:first-child, .markdown h4:first-child { margin-top: 2px; }
  .markdown strong { font-weight: 650; color: var(--text); }
  .markdown a { color: var(--accent); text-underline-offset: 2px; }
  .markdown code { padding: 0 3px; border-radius: 3px; background: var(--surface-2); font: 12px var(--mono); }
  .markdown pre { padding: 6px 8px; border-radius: 6px; background: var(--surface-2); overflow: auto; }
  .markdown pre code { padding: 0; background: none; }
  .markdown blockquote { padding-left: 10px; border-left: 3px solid var(--line-strong); color: var(--muted); }
  .markdown img { max-width: 100%; height: auto; }
  .markdown table { border-collapse: collapse; font-size: 12px; }
  .markdown th, .markdown td { padding: 2px 6px; border: 1px solid var(--line); text-align: left; }
  .markdown hr { border: 0; border-top: 1px solid var(--line); margin: 10px 0; }
`;

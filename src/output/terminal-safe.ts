/**
 * The one sanitiser for text bound for a terminal. Scenario titles, ids, kinds,
 * phase names and file contents are the author's; printed raw, a control
 * character can set the window title, clear the screen or reorder a line. Each
 * is shown as a visible escape instead (ESC as `\e`, others as `\xNN` or `\u{NNNN}`).
 */

/**
 * C0 controls, DEL, C1 controls (8-bit CSI, OSC...), and the invisible
 * characters that reorder or break a line: bidirectional marks, embeddings,
 * overrides and isolates, line and paragraph separators.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const UNSAFE_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = {
  '\u001b': '\\e',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\r': '\\r',
  '\n': '\\n',
  '\u0000': '\\0',
};

function visible(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`);
}

/**
 * `text` with every control character shown as an escape; line breaks are kept
 * when `keepNewlines` (a multi-line message), escaped otherwise (one table cell).
 * @example terminalSafe('\u001b]0;pwned\u0007') // '\\e]0;pwned\\a'
 */
export function terminalSafe(text: string, keepNewlines = false): string {
  return text.replace(keepNewlines ? UNSAFE_BUT_NEWLINE : UNSAFE, visible);
}

/**
 * JSON text made terminal-safe and still valid JSON: JSON.stringify already
 * escapes C0 controls; this escapes the rest (`\u009b`, bidi overrides) the same way.
 * @example jsonSafe(JSON.stringify({ title: 'a\u009b2J' })) // '{"title":"a\\u009b2J"}'
 */
export function jsonSafe(json: string): string {
  return json.replace(UNSAFE_BUT_NEWLINE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

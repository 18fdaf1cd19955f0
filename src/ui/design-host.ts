/**
 * What the app and the embed, each owning a design, do alike: work out the
 * simulated duration of its runs, and undo or redo from the keyboard.
 */
import { parseDuration } from '../scenario/index.js';
import type { DesignStore, ScenarioDoc } from '../state/design.js';

/**
 * Simulated ms a run of `doc` lasts: `override` ("2m") when given, else the
 * scenario's duration; undefined when that does not parse.
 * @example runDurationMs(doc, '2m') // 120000
 */
export function runDurationMs(doc: ScenarioDoc, override: string): number | undefined {
  try {
    return parseDuration(override || doc.duration);
  } catch {
    return undefined;
  }
}

/** The keyboard event fields `undoRedoKey` reads. */
export type KeyPress = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'preventDefault'>;

/**
 * Ctrl/⌘+Z undoes and Ctrl/⌘+Shift+Z redoes an edit of `design`; true (and
 * the browser's default prevented) when `e` was one of them.
 */
export function undoRedoKey(e: KeyPress, design: DesignStore): boolean {
  if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'z') return false;
  e.preventDefault();
  if (e.shiftKey) design.trigger.redo();
  else design.trigger.undo();
  return true;
}

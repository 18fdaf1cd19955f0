/**
 * Autosave: the design in localStorage, restored on reload through the same
 * parse-and-validate door as an import. A saved design that no longer passes is
 * set aside under another key (kept, never deleted) for the user to download.
 */
import { importYaml } from './yaml-io.js';
import type { ScenarioDoc } from './design.js';

/** localStorage key of the autosaved design. */
export const AUTOSAVE_KEY = 'archsim.design.v1';
/** localStorage key a refused autosave is moved to. */
export const SET_ASIDE_KEY = 'archsim.design.v1.set-aside';

/** What the autosave held: a design, nothing, or text that was refused (and where it now is). */
export type Restored =
  | { status: 'ok'; doc: ScenarioDoc; source: string }
  | { status: 'none' }
  | { status: 'refused'; reason: string; text: string; isKept: boolean };

/** Saves the design; false when storage refuses (quota, privacy mode). */
export function saveDesign(storage: Pick<Storage, 'setItem'>, doc: ScenarioDoc, source: string): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ source, doc }));
    return true;
  } catch {
    return false;
  }
}

/**
 * The autosaved design, validated like an imported file. A refused one is moved
 * to SET_ASIDE_KEY (`isKept` false when storage would not take the copy, in
 * which case it stays where it was) and returned as text for a download.
 */
export function loadDesign(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): Restored {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { status: 'none' };
  }
  if (text === null) return { status: 'none' };
  try {
    const saved: unknown = JSON.parse(text);
    const { source, doc } = (typeof saved === 'object' && saved !== null ? saved : {}) as { source?: unknown; doc?: unknown };
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('it holds no design');
    // a draft: the editor saves designs the user is still completing
    return {
      status: 'ok',
      doc: importYaml(JSON.stringify(doc), 'autosave', { isDraft: true }),
      source: typeof source === 'string' ? source : 'autosave',
    };
  } catch (e) {
    const reason =
      e instanceof SyntaxError ? 'it is not valid JSON' : e instanceof RangeError ? 'it is nested too deeply' : (e as Error).message;
    return { status: 'refused', reason, text, isKept: setAside(storage, text) };
  }
}

/** Moves refused autosave text to SET_ASIDE_KEY; false (and nothing removed) when storage refuses the copy. */
function setAside(storage: Pick<Storage, 'setItem' | 'removeItem'>, text: string): boolean {
  try {
    storage.setItem(SET_ASIDE_KEY, text);
    storage.removeItem(AUTOSAVE_KEY);
    return true;
  } catch {
    return false;
  }
}

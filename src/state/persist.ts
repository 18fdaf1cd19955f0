/** Autosave: the design in localStorage, restored on reload. */
import { asDoc, type ScenarioDoc } from './design.js';

/** localStorage key of the autosaved design. */
export const AUTOSAVE_KEY = 'archsim.design.v1';

/** Saves the design; false when storage refuses (quota, privacy mode). */
export function saveDesign(storage: Pick<Storage, 'setItem'>, doc: ScenarioDoc, source: string): boolean {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ source, doc }));
    return true;
  } catch {
    return false;
  }
}

/** The autosaved design, or null when there is none or it is unreadable. */
export function loadDesign(storage: Pick<Storage, 'getItem'>): { doc: ScenarioDoc; source: string } | null {
  try {
    const saved = JSON.parse(storage.getItem(AUTOSAVE_KEY) ?? 'null');
    if (!saved?.doc?.components || typeof saved.doc.components !== 'object') return null;
    return { doc: asDoc(saved.doc), source: String(saved.source ?? 'autosave') };
  } catch {
    return null;
  }
}

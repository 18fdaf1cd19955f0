/**
 * The registry of component kinds. Adding a kind = one file in this folder,
 * one line here, one test file, one docs entry.
 */
import type { KindDef } from './component.js';

export const kinds: Readonly<Record<string, KindDef>> = {
};

export const kindNames = (): string[] => Object.keys(kinds);

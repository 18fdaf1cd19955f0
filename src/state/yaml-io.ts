/**
 * YAML import and export of the design, and the one door every design comes in
 * by: files, bundled scenarios, embeds, share links and the autosave are all
 * read as text, parsed and validated (syntax, depth, descriptors, variants)
 * before anything changes, so a broken or hostile input never replaces the design.
 */
import { stringify } from 'yaml';
import { loadScenario, parseScenarioText, RESERVED_KEYS, ScenarioError, validateScenario } from '../scenario/index.js';
import { isObject } from '../scenario/is-object.js';
import type { RawProblem } from '../scenario/resolve-param.js';
import { asDoc, type ScenarioDoc } from './design.js';

const HEADER = '# yaml-language-server: $schema=../public/scenario.schema.json\n';

/** How strictly importYaml reads: a whole scenario, or a draft the editor may still be completing. */
export interface ImportOptions {
  /**
   * Accept a design whose only problems are ones the editor shows and the user
   * fixes (a value out of range, a missing rate, a cycle); still refuse any
   * problem with its shape (not a mapping, a bad id or kind, a dangling link).
   */
  isDraft?: boolean;
}

/** The design as scenario YAML. */
export function exportYaml(doc: ScenarioDoc): string {
  return HEADER + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Reads scenario text (YAML or JSON) into a design document; throws
 * ScenarioError (with `FILE:LINE:COL: PATH: MESSAGE` lines) when the text is
 * not a valid scenario (or, for a draft, not a well-formed design).
 * @example importYaml(await file.text(), file.name)
 */
export function importYaml(text: string, file = 'scenario.yaml', opts: ImportOptions = {}): ScenarioDoc {
  const parsed = parseScenarioText(text, file);
  try {
    // a variant that no longer applies to its base does not keep the design out:
    // the variants panel flags it with the reason, and only running it is refused
    loadScenario(parsed, { file, checkVariants: false });
  } catch (e) {
    if (!opts.isDraft || !(e instanceof ScenarioError)) throw e;
    // a draft is refused for its shape problems only, and names just those
    const shape = new Set(
      validateScenario(parsed.raw)
        .problems.filter((p) => isShapeProblem(p, parsed.raw))
        .map((p) => p.message),
    );
    const named = e.problems.filter((p) => shape.has(p.message));
    if (shape.size) throw named.length ? new ScenarioError(named, file) : e;
  }
  return asDoc(parsed.raw);
}

/** A problem with what the editor itself relies on, as opposed to a value the user can correct in it. */
function isShapeProblem(p: RawProblem, raw: unknown): boolean {
  const [top, second, third] = p.path;
  if (p.path.some((k) => typeof k === 'string' && RESERVED_KEYS.has(k))) return true;
  if (p.path.length <= 1)
    return p.at === 'key' || top === undefined || ['components', 'links', 'variants', 'events'].includes(top as string);
  const at = (list: 'components' | 'links') => {
    const v = isObject(raw) ? raw[list] : undefined;
    return isObject(v) || Array.isArray(v) ? (v as Record<string, unknown>)[second as string] : undefined;
  };
  // a cross-field check reports at the component or link itself: a shape problem only when that is no mapping
  if (top === 'components') return third === 'kind' || (p.path.length === 2 && (p.at === 'key' || !isObject(at('components'))));
  if (top === 'links') return third === 'from' || third === 'to' || (p.path.length === 2 && !isObject(at('links')));
  return false;
}

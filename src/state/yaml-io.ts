/**
 * YAML import and export of the design. Import validates the text fully (syntax,
 * descriptors, variants) before anything changes, so a broken file never
 * replaces the design; export writes the document back in its own key order.
 */
import { stringify } from 'yaml';
import { loadScenario, parseScenarioText } from '../scenario/index.js';
import { asDoc, type ScenarioDoc } from './design.js';

const HEADER = '# yaml-language-server: $schema=../public/scenario.schema.json\n';

/** The design as scenario YAML. */
export function exportYaml(doc: ScenarioDoc): string {
  return HEADER + stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Reads scenario text into a design document; throws ScenarioError (with
 * `FILE:LINE:COL: PATH: MESSAGE` lines) when the text is not a valid scenario.
 */
export function importYaml(text: string, file = 'scenario.yaml'): ScenarioDoc {
  const parsed = parseScenarioText(text, file);
  loadScenario(parsed, { file });
  return asDoc(parsed.raw);
}

/**
 * Every bundled scenario (and each of its variants) validates, runs from start
 * to end, and conserves requests at the client and at every component.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { loadScenario, listVariants, parseScenarioText } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('bundled scenarios', () => {
  it('there are scenarios', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    const variants: (string | undefined)[] = [undefined, ...listVariants(parseScenarioText(text, file).raw)];
    for (const variant of variants) {
      it(`${file}${variant ? ` [${variant}]` : ''} runs and conserves requests`, () => {
        expect(text.startsWith('# yaml-language-server: $schema=../public/scenario.schema.json')).toBe(true);
        const s = loadScenario(text, { file, variant });
        expect(s.title).not.toBe('');
        const r = runScenario(s);
        const t = r.summary;
        expect(t.requests).toBeGreaterThan(0);
        expect(t.completed + t.failed + t.inFlight).toBe(t.requests);
        expect(Object.values(t.failures).reduce((a, b) => a + b, 0)).toBe(t.failed);
        for (const [id, c] of Object.entries(r.components)) {
          expect(c.completed + c.failed + c.inFlight, `${id} conserves requests`).toBe(c.arrivals);
          expect(c.inFlight, `${id} in flight`).toBeGreaterThanOrEqual(0);
        }
      });
    }
  }
});

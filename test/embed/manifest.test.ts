/**
 * custom-elements.json (npm run manifest) describes <archsim-embed> as it is:
 * the file is what the analyser makes of the source today, and its attributes,
 * events, CSS parts and CSS properties are the ones the element observes,
 * fires, renders and styles.
 */
import { describe, expect, it, vi } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// the child elements need a DOM to load; the embed's own class does not
vi.mock('../../src/ui/diagram.js', () => ({}));
vi.mock('../../src/ui/results.js', () => ({}));
vi.mock('../../src/ui/lesson.js', () => ({}));

const ROOT = new URL('../../', import.meta.url).pathname;
const SOURCE = readFileSync(join(ROOT, 'src/embed/embed.ts'), 'utf8');

interface Described {
  name: string;
  description?: string;
}
interface ElementDoc {
  tagName: string;
  attributes: Described[];
  events: Described[];
  cssParts: Described[];
  cssProperties: Described[];
}

const committed = JSON.parse(readFileSync(join(ROOT, 'custom-elements.json'), 'utf8'));
const element: ElementDoc = committed.modules
  .flatMap((m: { declarations: ElementDoc[] }) => m.declarations)
  .find((d: ElementDoc) => d.tagName === 'archsim-embed');
const names = (list: Described[]) => list.map((x) => x.name).sort();

describe('custom-elements.json', () => {
  it('is what the analyser makes of src/embed/embed.ts now (run npm run manifest after changing the element)', () => {
    const out = mkdtempSync(join(tmpdir(), 'archsim-cem-'));
    try {
      // the analyser joins --outdir to its cwd, so it is given relative
      execFileSync(
        process.execPath,
        [join(ROOT, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet', '--outdir', relative(ROOT, out)],
        {
          cwd: ROOT,
        },
      );
      expect(JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'))).toEqual(committed);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('describes the element of the shipped script, dist/archsim-embed.js, with every entry explained', () => {
    expect(committed.modules.map((m: { path: string }) => m.path)).toEqual(['dist/archsim-embed.js']);
    expect(element.tagName).toBe('archsim-embed');
    for (const list of [element.attributes, element.events, element.cssParts, element.cssProperties])
      for (const entry of list) expect(entry.description, entry.name).toMatch(/\w{3,}/);
  });

  it('lists exactly the attributes the element observes', async () => {
    const { ArchsimEmbed } = await import('../../src/embed/embed.js');
    const observed = (ArchsimEmbed as unknown as { observedAttributes: string[] }).observedAttributes;
    expect(observed.length).toBeGreaterThanOrEqual(10);
    expect(names(element.attributes)).toEqual([...observed].sort());
  });

  it('lists exactly the events the element fires, all through one dispatch', async () => {
    const { EMBED_EVENTS } = await import('../../src/embed/embed.js');
    expect(names(element.events)).toEqual([...EMBED_EVENTS].sort());
    // #emit is the one dispatch and takes only EMBED_EVENTS; each of them is fired somewhere
    expect(SOURCE.match(/dispatchEvent\(/g)).toHaveLength(1);
    for (const name of EMBED_EVENTS) expect(SOURCE, name).toContain(`this.#emit('${name}'`);
  });

  it('lists exactly the parts the element renders', () => {
    const rendered = new Set([...SOURCE.matchAll(/\spart="([\w-]+)"/g)].map((m) => m[1]));
    expect(rendered.size).toBeGreaterThanOrEqual(8);
    expect(names(element.cssParts)).toEqual([...rendered].sort());
  });

  it('lists CSS properties that the styles of the element declare or read', async () => {
    const { embedStyles } = await import('../../src/embed/embed-styles.js');
    const css = embedStyles.cssText;
    for (const { name } of element.cssProperties) expect(css, name).toMatch(new RegExp(`${name}\\s*:|var\\(${name}\\b`));
  });
});

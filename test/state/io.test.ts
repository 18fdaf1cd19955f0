import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { exportYaml, importYaml } from '../../src/state/yaml-io.js';
import { decodeShare, encodeShare, ShareError } from '../../src/state/share.js';
import { AUTOSAVE_KEY, loadDesign, saveDesign, SET_ASIDE_KEY } from '../../src/state/persist.js';
import { autoLayout } from '../../src/state/layout.js';
import { ScenarioError } from '../../src/scenario/index.js';

const dir = new URL('../../scenarios/', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

describe('YAML import and export', () => {
  it.each(files)('%s round-trips losslessly (comments aside)', (f) => {
    const text = readFileSync(dir + f, 'utf8');
    const doc = importYaml(text, f);
    expect(parse(exportYaml(doc))).toEqual(parse(text));
    expect(importYaml(exportYaml(doc))).toEqual(doc);
  });

  it('refuses a broken file with file:line:col, path and message', () => {
    const text = 'version: 1\nduration: 10s\ncomponents:\n  web: { kind: service, workers: -2 }\nlinks: []\n';
    expect(() => importYaml(text, 'broken.yaml')).toThrow(ScenarioError);
    expect(() => importYaml(text, 'broken.yaml')).toThrow(/^broken\.yaml:4:\d+: components\.web\.workers: expected an integer/m);
  });
});

describe('share links', () => {
  const doc = { version: 1, duration: '10s', components: { app: { kind: 'service', workers: 4 } }, links: [] };

  it('encodes a design into a URL-safe string and back', async () => {
    const s = await encodeShare(doc);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShare(s)).toEqual(doc);
  });

  it.each([
    ['foreign characters', 'abc<script>', /characters a design link never has/],
    ['garbage', 'AAAAAAAA', /damaged/],
    ['too long', 'A'.repeat(200_001), /too long/],
  ])('refuses %s', async (_, s, msg) => {
    await expect(decodeShare(s)).rejects.toThrow(msg);
  });

  it('refuses a zip bomb', async () => {
    const big = { components: { a: { kind: 'service', pad: 'x'.repeat(5_000_000) } }, links: [] };
    await expect(decodeShare(await encodeShare(big as never))).rejects.toThrow(ShareError);
  });

  it('refuses valid JSON that is not a design', async () => {
    await expect(decodeShare(await encodeShare([1, 2] as never))).rejects.toThrow(/does not hold a design/);
  });
});

describe('autosave and layout', () => {
  it('saves and restores a design still being completed; unreadable storage is set aside', () => {
    const m = new Map<string, string>();
    const storage = {
      setItem: (k: string, v: string) => void m.set(k, v),
      getItem: (k: string) => m.get(k) ?? null,
      removeItem: (k: string) => void m.delete(k),
    };
    saveDesign(storage, { components: { a: { kind: 'client' } }, links: [] }, 'x.yaml');
    expect(loadDesign(storage)).toEqual({ status: 'ok', source: 'x.yaml', doc: { components: { a: { kind: 'client' } }, links: [] } });
    m.set(AUTOSAVE_KEY, '{not json');
    expect(loadDesign(storage)).toEqual({ status: 'refused', reason: 'it is not valid JSON', text: '{not json', isKept: true });
    expect(m.get(SET_ASIDE_KEY)).toBe('{not json');
    expect(loadDesign(storage)).toEqual({ status: 'none' });
  });

  it('lays out unplaced nodes left to right in call order', () => {
    const p = autoLayout({
      components: { a: { kind: 'client' }, b: { kind: 'service' }, c: { kind: 'service', position: { x: 0, y: 0 } } },
      links: [{ from: 'a', to: 'b' }],
    });
    expect(Object.keys(p)).toEqual(['a', 'b']);
    expect(p.a.x).toBeLessThan(p.b.x);
  });
});

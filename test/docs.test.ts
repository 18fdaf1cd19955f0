import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { componentsMarkdown } from '../src/kinds/docs.js';
import { kinds } from '../src/kinds/index.js';

describe('docs/components.md', () => {
  it('is generated from the registry and up to date (run `npm run docs` if this fails)', () => {
    const committed = readFileSync(new URL('../docs/components.md', import.meta.url), 'utf8');
    expect(committed).toBe(componentsMarkdown());
  });

  it('documents every kind and every parameter', () => {
    const md = componentsMarkdown();
    for (const k of Object.values(kinds)) {
      expect(md).toContain(`## ${k.kind}`);
      for (const p of Object.keys(k.params)) expect(md).toContain(`\`${p}\``);
    }
  });
});

/**
 * Writes docs/components.md from the kinds registry (labels, help, docs,
 * parameter descriptors, statistics) so the docs cannot drift from the code.
 * test/docs.test.ts fails when the committed file is stale: run `npm run docs`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { componentsMarkdown } from '../src/kinds/docs.js';

const out = fileURLToPath(new URL('../docs/components.md', import.meta.url));
writeFileSync(out, componentsMarkdown());
console.log(`wrote ${out}`);

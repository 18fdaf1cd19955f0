/** Writes public/scenario.schema.json from the parameter descriptors (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioSchema } from '../src/scenario/schema.js';

/** The schema file's text: stable key order, two-space indent, trailing newline. */
export const schemaText = (): string => `${JSON.stringify(scenarioSchema(), null, 2)}\n`;

export const schemaPath = fileURLToPath(new URL('../public/scenario.schema.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(schemaPath, schemaText());
  console.log(`wrote ${schemaPath}`);
}

#!/usr/bin/env node
// The archsim command. In a checkout (the TypeScript sources beside this file) it
// runs the sources through tsx, so it is never stale; installed from the package,
// which ships no sources, it runs the JavaScript compiled into lib/ by `npm run build`.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let entry = new URL('../lib/cli/main.js', import.meta.url);
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));

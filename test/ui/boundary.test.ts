import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../src/', import.meta.url).pathname;
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));

describe('UI boundary', () => {
  it('ui, state and embed reach engine and run code only as types (the worker runs them)', () => {
    const offenders = ['ui', 'state', 'embed']
      .flatMap((d) => walk(join(root, d)))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]/gm)]
          .filter((m) => /\/(engine|run)\//.test(m[1]))
          .map((m) => `${f.slice(root.length)} imports ${m[1]}`),
      );
    expect(offenders).toEqual([]);
  });
});

/**
 * Architecture boundaries (DESIGN.md §1): the simulation layers run unchanged in
 * Node and in a worker, and the UI reaches the simulation only through the worker.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(root, p)).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
const imports = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    typeOnly: !!m[1],
    spec: m[2] ?? m[3],
  }));

const PURE = ['src/engine', 'src/components', 'src/scenario', 'src/run'];

describe('boundaries', () => {
  for (const dir of PURE) {
    it(`${dir} imports no UI, state, embed, lit, d3 or comlink, and uses no DOM`, () => {
      for (const f of files(dir)) {
        for (const { spec } of imports(f)) {
          expect(spec, `${f} imports ${spec}`).not.toMatch(/^(lit|d3|comlink|@xstate)|\/(ui|state|embed|worker|cli)\//);
          if (!spec.startsWith('.')) expect(['seedrandom', 'yaml'], `${f} imports package ${spec}`).toContain(spec);
        }
        const src = readFileSync(join(root, f), 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
        // code only: string and template literals hold prose ("sliding window")
        const code = src.replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
        expect(code, `${f} names a browser global`).not.toMatch(/(?<![.\w$])(window|document|navigator|localStorage|sessionStorage|customElements|HTMLElement|LitElement)\b(?!\s*\??:)/);
        if (dir !== 'src/run') expect(src, `${f} reads the wall clock or Math.random`).not.toMatch(/\b(Date\.now|Math\.random|performance\.now)\b/);
      }
    });
  }

  it('src/engine, src/components, src/scenario and src/run import under Node without a DOM', async () => {
    for (const dir of PURE) for (const f of files(dir)) await import(/* @vite-ignore */ join(root, f));
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('ui, state and embed reach the simulation only through worker/client.ts and worker/api.ts', () => {
    for (const dir of ['src/ui', 'src/state', 'src/embed']) {
      let list: string[] = [];
      try {
        list = files(dir);
      } catch {
        continue;
      }
      for (const f of list)
        for (const { spec, typeOnly } of imports(f)) {
          if (typeOnly) continue;
          expect(spec, `${relative(root, join(root, f))} imports ${spec}`).not.toMatch(/\/(engine|run)\//);
          if (/\/worker\//.test(spec)) expect(spec).toMatch(/worker\/(client|api)(\.js)?$/);
        }
    }
  });
});

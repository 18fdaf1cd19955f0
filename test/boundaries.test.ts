/**
 * Architecture boundaries (docs/architecture.md): the simulation layers run
 * unchanged in Node and in a worker; the browser's main thread reaches the
 * simulation only through the worker, and carries no simulation code — what it
 * loads, followed import by import, holds kind definitions but no runtime.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const files = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(root, p)).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
const IMPORT_RE = /^\s*(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
const imports = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(IMPORT_RE)].map((m) => ({ typeOnly: !!m[1], spec: m[2] ?? m[3] }));

/** The repository-relative .ts file a relative import names, or undefined for a package. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const p = relative(root, join(root, dirname(from), spec)).replace(/\.js$/, '.ts');
  return existsSync(join(root, p)) ? p : undefined;
}

/** Every file `entry` loads at run time, following value imports (type-only imports load nothing). */
function loadedBy(entry: string): Map<string, string> {
  const via = new Map<string, string>([[entry, entry]]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.pop() as string;
    for (const { spec, typeOnly } of imports(f)) {
      const dep = resolveImport(f, spec);
      if (typeOnly || !dep || via.has(dep)) continue;
      via.set(dep, f);
      queue.push(dep);
    }
  }
  return via;
}

/** "a.ts → b.ts → c.ts": how `entry` reaches `file`. */
function chain(via: Map<string, string>, file: string): string {
  const path = [file];
  for (let f = file; via.get(f) !== f; f = via.get(f) as string) path.unshift(via.get(f) as string);
  return path.join(' → ');
}

const PURE = ['src/engine', 'src/kinds', 'src/nodes', 'src/scenario', 'src/timeline', 'src/check', 'src/run', 'src/output', 'src/analysis'];
/** What the browser's main thread starts from: the app, the iframe page and the <archsim-embed> script. */
const MAIN_THREAD = ['src/ui/main.ts', 'src/embed/page.ts', 'src/embed/embed.ts'];

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
        expect(code, `${f} names a browser global`).not.toMatch(
          /(?<![.\w$])(window|document|navigator|localStorage|sessionStorage|customElements|HTMLElement|LitElement)\b(?!\s*\??:)/,
        );
        if (dir !== 'src/run')
          expect(src, `${f} reads the wall clock or Math.random`).not.toMatch(/\b(Date\.now|Math\.random|performance\.now)\b/);
      }
    });
  }

  it('the simulation layers import under Node without a DOM', async () => {
    for (const dir of PURE) for (const f of files(dir)) await import(/* @vite-ignore */ join(root, f));
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });

  it('kind definitions, validation, the timeline, goal checks and run analysis load no simulation runtime, however indirectly', () => {
    for (const dir of ['src/kinds', 'src/scenario', 'src/timeline', 'src/check', 'src/analysis'])
      for (const f of files(dir)) {
        const via = loadedBy(f);
        for (const dep of via.keys()) expect(dep, chain(via, dep)).not.toMatch(/^src\/(nodes|run)\//);
      }
  });

  it("the browser's main thread loads no simulation code: no node, run or engine runtime, followed transitively", () => {
    for (const entry of MAIN_THREAD) {
      const via = loadedBy(entry);
      expect(via.size, `${entry} loads its own imports`).toBeGreaterThan(3);
      for (const dep of via.keys()) {
        expect(dep, chain(via, dep)).not.toMatch(/^src\/(nodes|run)\//);
        // the scenario layer reads distributions' shapes and means (pure functions); nothing else of the engine
        if (dep.startsWith('src/engine/')) expect(dep, chain(via, dep)).toBe('src/engine/distributions.ts');
        // the worker's client side: one client, the pool of them (pool.ts), and the types between
        if (dep.startsWith('src/worker/')) expect(dep, chain(via, dep)).toMatch(/^src\/worker\/(client|pool|api)\.ts$/);
      }
    }
  });

  it('the transitive check sees through an indirect import (a probe that reaches src/nodes fails it)', () => {
    // loadedBy must follow chains, not only direct imports: the runtime registry reaches every node
    const via = loadedBy('src/nodes/index.ts');
    expect([...via.keys()]).toContain('src/nodes/parts/link.ts');
    expect(chain(via, 'src/nodes/parts/link.ts')).toMatch(/^src\/nodes\/index\.ts → .+ → src\/nodes\/parts\/link\.ts$/);
  });
});

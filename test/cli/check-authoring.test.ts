/**
 * docs/authoring.md, run as written: in a fresh folder, in order, each
 * ```yaml file=NAME``` block is written to NAME, ```yaml append=NAME``` added to
 * it, each ```sh exit=N``` command run with `npx archsim` meaning this checkout's
 * bin/archsim.js and must exit N, a ```text``` block after it is its exact
 * stdout, and ```json expect=NAME``` is the JSON the last command wrote to NAME.
 */
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const doc = readFileSync(join(root, 'docs/authoring.md'), 'utf8');

interface Block {
  lang: string;
  attrs: Record<string, string>;
  body: string;
  line: number;
}

/** The fenced code blocks of a markdown text, with their info-string attributes. */
function blocks(md: string): Block[] {
  const out: Block[] = [];
  for (const m of md.matchAll(/^```(\w*)([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const attrs = Object.fromEntries([...m[2].matchAll(/(\w+)=(\S+)/g)].map((a) => [a[1], a[2]]));
    out.push({ lang: m[1], attrs, body: m[3], line: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** A command line split into words, single and double quotes grouping (no other shell syntax). */
function words(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

describe('docs/authoring.md', () => {
  const all = blocks(doc);

  it('marks every code block as a file to write, a command to run, its output or an expected file', () => {
    for (const b of all) {
      const kind = b.attrs.file ? 'file' : b.attrs.append ? 'append' : b.attrs.exit ? 'command' : b.attrs.expect ? 'expect' : b.lang;
      expect(['file', 'append', 'command', 'expect', 'text'], `block at line ${b.line}`).toContain(kind);
    }
    expect(all.filter((b) => b.attrs.exit).length).toBeGreaterThanOrEqual(8);
  });

  it('runs as written: every command exits as stated and prints what is shown', () => {
    const dir = mkdtempSync(join(tmpdir(), 'archsim-authoring-'));
    mkdirSync(join(dir, 'scenarios'));
    cpSync(join(root, 'scenarios/challenges'), join(dir, 'scenarios/challenges'), { recursive: true });
    let last: { out: string; where: string } | undefined;
    for (const b of all) {
      const where = `docs/authoring.md:${b.line}`;
      if (b.attrs.file && b.lang !== 'json') {
        mkdirSync(dirname(join(dir, b.attrs.file)), { recursive: true });
        writeFileSync(join(dir, b.attrs.file), b.body);
      } else if (b.attrs.append) appendFileSync(join(dir, b.attrs.append), b.body);
      else if (b.attrs.exit) {
        const lines = b.body.trim().split('\n');
        expect(lines, where).toHaveLength(1);
        const [npx, cmd, ...args] = words(lines[0]);
        expect([npx, cmd], where).toEqual(['npx', 'archsim']);
        const r = spawnSync(process.execPath, [join(root, 'bin/archsim.js'), ...args], { cwd: dir, encoding: 'utf8' });
        expect(r.stderr, where).toBe('');
        expect(r.status, `${where}: ${r.stdout}`).toBe(Number(b.attrs.exit));
        last = { out: r.stdout, where };
      } else if (b.lang === 'text') {
        expect(last, `${where}: output with no command before it`).toBeDefined();
        expect(last!.out.trim(), `output of ${last!.where}`).toBe(b.body.trim());
        last = undefined;
      } else if (b.attrs.expect) expect(JSON.parse(readFileSync(join(dir, b.attrs.expect), 'utf8')), where).toEqual(JSON.parse(b.body));
    }
  });
});

/** Runs the archsim command in a child process, and writes scenario files for it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

/** Exit code, stdout and stderr of `archsim ...args`, run from the repository root. */
export function archsim(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/archsim.js'), ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Writes `text` to a fresh temporary file called `name`; returns its path. */
export function tmpFile(name: string, text: string | Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'archsim-')), name);
  writeFileSync(file, text);
  return file;
}

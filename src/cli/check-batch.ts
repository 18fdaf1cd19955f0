/**
 * Grading a folder: each submission checked against one scenario on the CLI's
 * pool of worker threads (worker-pool.ts), in parallel, in the order given. A
 * worker answers every submission with a report or its error, so a broken
 * submission is one row, never the end of the batch.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CheckOptions, CheckReport, SourceFile } from './check-run.js';
import type { CheckTask } from './pool-tasks.js';
import { runPool } from './worker-pool.js';

export { defaultJobs } from './worker-pool.js';

/** What a batch answers for one submission: the report, or why it could not be made (unreadable file, a bug). */
export interface BatchAnswer {
  index: number;
  report?: CheckReport;
  error?: string;
}

/**
 * Checks every design on `jobs` workers; `onAnswer` hears each as it finishes.
 * Resolves with the answers in the order of `designs`.
 */
export async function runBatch(
  scenario: SourceFile,
  designs: readonly string[],
  opts: CheckOptions,
  jobs: number,
  onAnswer: (a: BatchAnswer) => void = () => {},
): Promise<BatchAnswer[]> {
  const tasks = designs.map((design): CheckTask => ({ kind: 'check', scenario, design, opts }));
  const answers = await runPool(tasks, jobs, (a, index) => onAnswer({ index, ...a }));
  return answers.map((a, index) => ({ index, ...a }));
}

const GLOB = /[*?[]/;

/**
 * The files a `--design` argument names: a file, a folder (its .yaml, .yml and
 * .json files), or a pattern with `*`, `?` and `[...]` in any segment (quoted,
 * so the shell leaves it to archsim). Sorted; empty when nothing matches.
 */
export function expandDesigns(pattern: string): string[] {
  if (!GLOB.test(pattern)) {
    if (isDir(pattern))
      return readdirSync(pattern)
        .filter(isDesignFile)
        .sort()
        .map((f) => join(pattern, f));
    return [pattern];
  }
  const segments = pattern.split('/');
  let paths = [segments[0] === '' ? '/' : segments[0]];
  if (GLOB.test(segments[0])) paths = matchIn('.', segments[0]).map((f) => f);
  for (const seg of segments.slice(1)) {
    if (seg === '') continue;
    paths = GLOB.test(seg) ? paths.flatMap((dir) => matchIn(dir, seg).map((f) => join(dir, f))) : paths.map((dir) => join(dir, seg));
  }
  return paths.filter((p) => !isDir(p) && exists(p)).sort();
}

/** Whether a `--design` argument names several submissions (a folder or a pattern). */
export const isBatch = (design: string): boolean => GLOB.test(design) || isDir(design);

const isDesignFile = (f: string) => /\.(ya?ml|json)$/i.test(f);

function matchIn(dir: string, seg: string): string[] {
  const re = new RegExp(
    `^${seg
      .replace(/[.+^${}()|\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')
      .replace(/\?/g, '[^/]')
      .replace(/\[!/g, '[^')}$`,
  );
  try {
    return readdirSync(dir).filter((f) => re.test(f) && (seg.startsWith('.') || !f.startsWith('.')));
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

/** A report file name per submission, unique in the batch: `alice.yaml` → `alice`, a second `alice` from another folder → `alice-2`. */
export function reportNames(designs: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return designs.map((d) => {
    const stem = basename(d).replace(/\.(ya?ml|json)$/i, '') || basename(dirname(d));
    const n = (seen.get(stem) ?? 0) + 1;
    seen.set(stem, n);
    return n === 1 ? stem : `${stem}-${n}`;
  });
}

/**
 * Grading a folder: each submission checked against one scenario on a pool of
 * worker threads (check-worker.ts), in parallel, in the order given. A worker
 * answers every submission with a report or its error, so a broken submission
 * is one row, never the end of the batch.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { CheckOptions, CheckReport, SourceFile } from './check-run.js';
import { startWorker } from './worker-thread.js';

/** What a worker is asked: one design against the scenario. */
export interface BatchJob {
  index: number;
  scenario: SourceFile;
  design: string;
  opts: CheckOptions;
}

/** What a worker answers: the report, or why it could not be made (unreadable file, a bug). */
export interface BatchAnswer {
  index: number;
  report?: CheckReport;
  error?: string;
}

/** The default number of workers: the machine's cores. */
export const defaultJobs = (): number => availableParallelism();

/** A batch worker thread (check-worker.ts). */
const startCheckWorker = (): Worker => startWorker(new URL('./check-worker.js', import.meta.url));

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
  const answers: BatchAnswer[] = new Array(designs.length);
  let next = 0;
  const work = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let current: number | undefined;
      const give = () => {
        if (next >= designs.length) {
          current = undefined;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        const job: BatchJob = { index: current, scenario, design: designs[current], opts };
        worker.postMessage(job);
      };
      worker.on('message', (a: BatchAnswer) => {
        answers[a.index] = a;
        onAnswer(a);
        give();
      });
      // a worker that dies (out of memory) fails the design it had; the rest go to a fresh one
      worker.on('error', (e) => {
        if (current !== undefined) {
          answers[current] = { index: current, error: `the check failed: ${e.message}` };
          onAnswer(answers[current]);
        }
        void work(startCheckWorker()).then(resolve);
      });
      give();
    });
  const pool = Array.from({ length: Math.max(1, Math.min(jobs, designs.length)) }, () => work(startCheckWorker()));
  await Promise.all(pool);
  return answers;
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

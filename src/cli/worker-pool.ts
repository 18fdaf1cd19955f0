/**
 * The CLI's pool of worker threads, one per core by default: `check --design
 * FOLDER` grades submissions on it, `run --replications`, `compare` and
 * `sweep` run their runs on it. Tasks go out in order to whichever worker is
 * free; answers come back in the order of the tasks, so the output is the same
 * for any number of workers (each task is determined by its data alone).
 *
 * @example
 * const answers = await runPool(scenarios.map((scenario) => ({ kind: 'run', scenario })), 4);
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-thread.js';
import type { AnswerOf, PoolTask } from './pool-tasks.js';

/** The default number of workers: the machine's cores. */
export const defaultJobs = (): number => availableParallelism();

/** A pool worker thread (pool-worker.ts), started the way every CLI worker module is (worker-thread.ts). */
const startPoolWorker = (): Worker => startWorker(new URL('./pool-worker.js', import.meta.url));

/**
 * Runs `tasks` on up to `jobs` worker threads; `onAnswer` hears each answer as
 * it arrives (with its task's index). A worker that dies (out of memory) fails
 * only the task it held, with `error`, and a fresh worker takes the rest.
 * Resolves with the answers in the order of `tasks`.
 */
export async function runPool<T extends PoolTask>(
  tasks: readonly T[],
  jobs: number,
  onAnswer: (answer: AnswerOf<T>, index: number) => void = () => {},
): Promise<AnswerOf<T>[]> {
  const answers: AnswerOf<T>[] = new Array(tasks.length);
  let next = 0;
  const work = (worker: Worker) =>
    new Promise<void>((resolve) => {
      let current: number | undefined;
      const give = () => {
        if (next >= tasks.length) {
          current = undefined;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ index: current, task: tasks[current] });
      };
      worker.on('message', ({ index, answer }: { index: number; answer: AnswerOf<T> }) => {
        answers[index] = answer;
        onAnswer(answer, index);
        give();
      });
      worker.on('error', (e) => {
        if (current !== undefined) {
          answers[current] = { error: `the ${tasks[current].kind} failed: ${e.message}` } as AnswerOf<T>;
          onAnswer(answers[current], current);
        }
        void work(startPoolWorker()).then(resolve);
      });
      give();
    });
  const size = Math.max(1, Math.min(jobs, tasks.length));
  await Promise.all(Array.from({ length: tasks.length ? size : 0 }, () => work(startPoolWorker())));
  return answers;
}

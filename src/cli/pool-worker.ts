/** A worker thread of the CLI's pool (worker-pool.ts): answers each task it is sent, tagged with the task's index. */
import { parentPort } from 'node:worker_threads';
import { answerTask, type PoolTask } from './pool-tasks.js';

parentPort?.on('message', ({ index, task }: { index: number; task: PoolTask }) => {
  parentPort?.postMessage({ index, answer: answerTask(task) });
});

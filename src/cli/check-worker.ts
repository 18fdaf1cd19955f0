/** A batch worker thread of `archsim check`: checks each design it is sent and answers with its report or error. */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { checkDesign } from './check-run.js';
import type { BatchAnswer, BatchJob } from './check-batch.js';

parentPort?.on('message', (job: BatchJob) => {
  parentPort?.postMessage(answer(job));
});

function answer({ index, scenario, design, opts }: BatchJob): BatchAnswer {
  let text: string;
  try {
    text = readFileSync(design, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { index, error: `cannot read ${design}: ${code === 'ENOENT' ? 'no such file' : (e as Error).message}` };
  }
  try {
    return { index, report: checkDesign(scenario, { file: design, text }, opts) };
  } catch (e) {
    return { index, error: `the check failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Starting a worker thread on one of the CLI's modules, the one place that
 * knows how the CLI is running: compiled to JavaScript (the installed package,
 * lib/), a worker loads the `.js` module directly; from the TypeScript sources
 * (a checkout, through tsx as bin/archsim.js does, or under vitest) a new
 * thread has no TypeScript loader, so it registers tsx's first and then imports
 * the `.ts` module.
 *
 * @example
 * const worker = startWorker(new URL('./check-worker.js', import.meta.url));
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Whether this module, and so every module of the CLI, runs from its TypeScript source. */
const fromSource = import.meta.url.endsWith('.ts');

/**
 * A worker thread running `entry`, written as the caller imports modules (with
 * `.js`, relative to its own `import.meta.url`); from the sources the `.ts`
 * beside it runs instead.
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!fromSource) return new Worker(entry, options);
  const source = entry.href.replace(/\.js$/, '.ts');
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(boot, { ...options, eval: true });
}

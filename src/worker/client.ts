/**
 * The UI's handle on the simulation: a Comlink proxy to the worker. The UI,
 * state and embed layers reach the engine only through here.
 */
import * as Comlink from 'comlink';
import type { ProgressMessage, RunOutcome, RunRequest, SimApi } from './api.js';
import simWorkerUrl from './sim.worker.ts?worker&url';

export interface SimClient {
  run(req: RunRequest, onProgress: (m: ProgressMessage) => void): Promise<RunOutcome>;
  cancel(): Promise<void>;
  /** The last run's traces, replayed on request (SimApi.traces); absent for clients that never trace. */
  traces?(): ReturnType<SimApi['traces']>;
  validate(scenario: unknown): ReturnType<SimApi['validate']>;
  terminate(): void;
}

/** Same-origin bootstrap scripts by worker URL: one small blob each, kept for the page's life. */
const bootstraps = new Map<string, string>();

/**
 * Starts the module worker at `url`. A browser starts a worker only from the
 * page's own origin, so for a script served from elsewhere (a CDN) it starts
 * a same-origin blob worker whose one static import loads the real one; that
 * import needs the other origin to send CORS headers, as module scripts do.
 * A static import (not `import()`) evaluates before the worker takes its first
 * message, so nothing the page posts at once is lost.
 */
export function startModuleWorker(url: URL, pageOrigin = globalThis.location?.origin): Worker {
  if (url.origin === pageOrigin) return new Worker(url, { type: 'module' });
  let bootstrap = bootstraps.get(url.href);
  if (!bootstrap) {
    bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};\n`], { type: 'text/javascript' }));
    bootstraps.set(url.href, bootstrap);
  }
  return new Worker(bootstrap, { type: 'module' });
}

/**
 * Rejects when `worker` fires an error: its script failed to load (a missing
 * file; from another origin, no CORS headers or a page policy refusing blob:
 * workers) or threw uncaught. Comlink calls would otherwise wait for ever.
 */
function failureOf(worker: Worker, url: URL): Promise<never> {
  const isCrossOrigin = url.origin !== globalThis.location?.origin;
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) => {
      if (e instanceof ErrorEvent && e.message) return reject(new Error(e.message));
      const needs = isCrossOrigin
        ? ': from another site, that site must send Access-Control-Allow-Origin, and this page must allow blob: workers (Content-Security-Policy worker-src)'
        : '';
      reject(new Error(`its script ${url.href} did not load${needs}`));
    }),
  );
  failed.catch(() => {});
  return failed;
}

/** Starts the simulation worker beside this script, wherever it was loaded from, and wraps it for the UI. */
export function createSimClient(): SimClient {
  // resolved against this module's URL, not the page's: chunks and the worker live beside the script
  const url = new URL(simWorkerUrl, import.meta.url);
  const worker = startModuleWorker(url);
  const failed = failureOf(worker, url);
  const api = Comlink.wrap<SimApi>(worker);
  return {
    run: (req, onProgress) => Promise.race([api.run(req, Comlink.proxy(onProgress)) as Promise<RunOutcome>, failed]),
    cancel: () => Promise.race([api.cancel() as Promise<void>, failed]),
    traces: () => Promise.race([api.traces() as ReturnType<SimApi['traces']>, failed]),
    validate: (scenario) => Promise.race([api.validate(scenario), failed]),
    terminate: () => worker.terminate(),
  };
}

/**
 * The UI's handle on the simulation: a Comlink proxy to the worker. The UI,
 * state and embed layers reach the engine only through here.
 */
import * as Comlink from 'comlink';
import type { ProgressMessage, RunOutcome, RunRequest, SimApi } from './api.js';

export interface SimClient {
  run(req: RunRequest, onProgress: (m: ProgressMessage) => void): Promise<RunOutcome>;
  cancel(): Promise<void>;
  validate(scenario: unknown): ReturnType<SimApi['validate']>;
  terminate(): void;
}

export function createSimClient(): SimClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
  const api = Comlink.wrap<SimApi>(worker);
  return {
    run: (req, onProgress) => api.run(req, Comlink.proxy(onProgress)) as Promise<RunOutcome>,
    cancel: () => api.cancel() as Promise<void>,
    validate: (scenario) => api.validate(scenario),
    terminate: () => worker.terminate(),
  };
}

/** Test helper: run a scenario given as YAML text (events checked by the timeline hook). */
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import { timelineHook } from '../../src/timeline/events.js';
import type { RunResult } from '../../src/run/result.js';

export const runYaml = (yaml: string): RunResult => runScenario(loadScenario(yaml, { events: timelineHook }));
export const num = (r: RunResult, id: string, key: string): number => r.components[id][key] as number;
export const calls = (r: RunResult, id: string, to: string): Record<string, number> =>
  (r.components[id].calls as Record<string, Record<string, number>>)[to];

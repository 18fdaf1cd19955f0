/** Shared helpers for the issue-4 scenario tests: load a bundled scenario and run a variant. */
import { readFileSync } from 'node:fs';
import { loadScenario } from '../../src/scenario/index.js';
import { runScenario } from '../../src/run/run.js';
import type { RunResult } from '../../src/run/result.js';

export function scenarioRunner(name: string): (variant?: string) => RunResult {
  const text = readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), 'utf8');
  return (variant) => runScenario(loadScenario(text, { file: `${name}.yaml`, variant }));
}

/** A numeric statistic of a component. */
export const stat = (r: RunResult, id: string, key: string): number => r.components[id][key] as number;

/** The summary's cost in USD. */
export const cost = (r: RunResult) => r.summary.cost as { run: number; perMonth: number };

/** A series a component reports itself (`instances`, `backlog`). */
export const series = (r: RunResult, name: string, id: string) => (r.series[name] as Record<string, number[]>)[id];

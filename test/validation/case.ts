/**
 * A validation case: a scenario whose simulated figure is compared with
 * queueing theory. test/validation/validation.test.ts runs every case in
 * test/validation/cases/*.ts; scripts/validation-table.ts writes docs/validation.md.
 */
import type { RunResult } from '../../src/run/result.js';

export interface ValidationCase {
  /** Stable id, e.g. "mm1-mean". */
  id: string;
  /** Group shown in the table, e.g. "M/M/1". */
  area: string;
  /** What is compared, e.g. "mean latency, ρ = 0.8". */
  name: string;
  /** Scenario as YAML text (the same format instructors write). */
  scenario: string;
  /** The theoretical value. */
  theory: number;
  /** Unit of theory and measure: "ms", "ratio", "rps", "requests". */
  unit: string;
  /** Pull the simulated figure out of the run result. */
  measure: (r: RunResult) => number;
  /** |sim − theory| must be within this (relative to theory, or absolute). */
  tolerance: { relative: number } | { absolute: number };
  /** Human description of the run length that achieves the tolerance. */
  runLength: string;
}

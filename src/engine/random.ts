/**
 * Seeded random streams. Each component draws from its own alea stream derived
 * from (scenario seed, stream name), so editing one component never changes the
 * draws of another (common random numbers across designs).
 */
import seedrandom from 'seedrandom';

/** Uniform on [0, 1). */
export type Rng = () => number;

export function stream(seed: number | string, name: string): Rng {
  return seedrandom.alea(`${seed}\u0000${name}`);
}

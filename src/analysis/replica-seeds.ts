/** The seeds of `n` replications from `seed`: seed, seed+1, … for a number; "seed-0", "seed-1", … for a text seed (as `archsim run --replications` numbers them). */
export function replicaSeeds(seed: number | string, n: number): (number | string)[] {
  return Array.from({ length: n }, (_, i) => (typeof seed === 'number' ? seed + i : `${seed}-${i}`));
}

/** A well-mixed non-negative 31-bit hash of an integer key (shards, key-hash balancing). */
export function hash32(x: number): number {
  let h = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 1;
}

/** A deterministic source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * A seeded PRNG (mulberry32) for one named stream: the same `seed` and `stream` always give the
 * same sequence, and different streams (e.g. feed ids) are independent.
 *
 * @example
 * const random = seededRandom(42, "ETH");
 * random(); // the same first number on every run
 */
export function seededRandom(seed: number, stream: string): RandomSource {
  let state = hashToUint32(`${seed}:${stream}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A standard normal draw (Box-Muller); always consumes two uniforms. */
export function standardNormal(random: RandomSource): number {
  const u1 = 1 - random();
  const u2 = random();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

function hashToUint32(text: string): number {
  // FNV-1a, then a murmur3 finaliser to spread nearby seeds.
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * A small seeded pseudo-random generator for synthetic books: the same seed gives the same book on
 * every machine and Node version (integer arithmetic only, then one division).
 * @module
 */
import { InvalidParameterError } from "../volatility/errors.js";

/** A seeded source of uniform and normal variates (`number`: statistics, never money). */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

/**
 * A generator seeded with an integer (SplitMix32 to spread the seed, then Mulberry32).
 *
 * @example
 * const random = seededRandom(7);
 * random.next(); // the same number on every run
 */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new InvalidParameterError("seed", seed, "a safe integer");
  // SplitMix32 of the seed's low and high 32 bits.
  let state = (seed | 0) ^ Math.floor(seed / 2 ** 32);
  state = Math.imul(state ^ (state >>> 16), 0x85ebca6b);
  state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35);
  state = (state ^ (state >>> 16)) >>> 0;
  let spare: number | undefined;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    normal(): number {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      let u = next();
      while (u === 0) u = next();
      const v = next();
      const radius = Math.sqrt(-2 * Math.log(u));
      spare = radius * Math.sin(2 * Math.PI * v);
      return radius * Math.cos(2 * Math.PI * v);
    },
  };
}

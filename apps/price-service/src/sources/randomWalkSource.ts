import { type RandomSource, seededRandom, standardNormal } from "../prng.js";
import type { PriceSource } from "./priceSource.js";

const SECONDS_PER_YEAR = 365 * 24 * 3600;
const SECONDS_PER_DAY = 24 * 3600;
const MIN_PRICE_USD = 1e-6;
const MAX_PRICE_USD = 1e10;

export interface RandomWalkParameters {
  /** Annualised volatility of the diffusion, e.g. 0.8 for 80 %. Default 0.8. */
  annualVolatility?: number | undefined;
  /** Expected number of jumps per day of market time. Default 12. */
  jumpsPerDay?: number | undefined;
  /** Standard deviation of a jump's log return, e.g. 0.02 for about 2 %. Default 0.02. */
  jumpStdDev?: number | undefined;
}

export interface RandomWalkSourceOptions extends RandomWalkParameters {
  seed: number;
  /** Names the random stream, so each feed walks independently (use the feed id). */
  stream: string;
  startPriceUsd: number;
  /** Market seconds per wall second. */
  speed: number;
  /** The first second the service publishes: step 0, at `startPriceUsd`. */
  startSecond: number;
}

/**
 * A geometric random walk with jumps, one step per published second: deterministic for a seed and
 * stream (step n is the same on every run, whatever the wall-clock start). Each step draws a normal
 * log return with volatility `annualVolatility` over `speed` market seconds, and with probability
 * `jumpsPerDay x speed / 86400` adds a normal jump of `jumpStdDev`.
 *
 * @example
 * const walk = randomWalkSource({ seed: 7, stream: "ETH", startPriceUsd: 3000, speed: 1, startSecond: 0 });
 * walk.priceAt(0, undefined); // 3000
 */
export function randomWalkSource(options: RandomWalkSourceOptions): PriceSource {
  const volatility = options.annualVolatility ?? 0.8;
  const jumpStdDev = options.jumpStdDev ?? 0.02;
  const stepVariance = (volatility * volatility * options.speed) / SECONDS_PER_YEAR;
  const stepStdDev = Math.sqrt(stepVariance);
  const jumpProbability = Math.min(1, ((options.jumpsPerDay ?? 12) * options.speed) / SECONDS_PER_DAY);
  const random: RandomSource = seededRandom(options.seed, options.stream);
  let step = 0;
  let priceUsd = options.startPriceUsd;

  const advance = () => {
    const diffusion = stepStdDev * standardNormal(random) - stepVariance / 2;
    const jumps = random() < jumpProbability;
    const jump = jumpStdDev * standardNormal(random); // always drawn: keeps the stream aligned
    const next = priceUsd * Math.exp(diffusion + (jumps ? jump : 0));
    priceUsd = Math.min(MAX_PRICE_USD, Math.max(MIN_PRICE_USD, next));
    step += 1;
  };

  return {
    kind: "random-walk",
    priceAt(second) {
      const target = second - options.startSecond;
      if (target < step) throw new RangeError(`random walk asked for step ${target} after step ${step}`);
      while (step < target) advance();
      return priceUsd;
    },
    describe: (second) => ({ seed: options.seed, step: second - options.startSecond }),
  };
}

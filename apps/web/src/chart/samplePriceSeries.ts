import type { PricePoint } from "./pricePoint";

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so the sample chart never changes. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE_START_PRICES: Record<string, number> = { "ETH/USD": 3000, "BTC/USD": 97_000 };
const SAMPLE_END_TIME = Date.UTC(2026, 10, 1) / 1000;
const HOUR = 3600;

/**
 * Static sample prices (hourly random walk, 1% volatility) for the Trade page until the price
 * service feeds the chart. Not market data.
 */
export function samplePriceSeries(marketSymbol: string, points = 240): PricePoint[] {
  const seed = [...marketSymbol].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7);
  const random = seededRandom(seed);
  let price = SAMPLE_START_PRICES[marketSymbol] ?? 100;
  const series: PricePoint[] = [];
  for (let index = 0; index < points; index += 1) {
    series.push({
      time: SAMPLE_END_TIME - (points - 1 - index) * HOUR,
      value: Math.round(price * 100) / 100,
    });
    price *= 1 + (random() - 0.5) * 0.02;
  }
  return series;
}

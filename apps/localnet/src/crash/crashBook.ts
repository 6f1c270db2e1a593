import { generateSyntheticBook, priceE30PerUnit, type SyntheticOrder, USD_ONE_E30 } from "@bastion/risk";
import type { PoolSeed } from "../chain/seedPools.js";
import type { CrashSeries } from "./crashSeries.js";

/**
 * The synthetic traders of a crash replay: the risk package's stress generator with the given seed
 * and count over the replayed markets (equal weights), every order entering at the window's first
 * price (no entry spread: the whole book opens on chain at that one price). Same seed, same book.
 */
export function generateCrashBook(
  series: readonly CrashSeries[],
  parameters: { traders: number; seed: number; firstPrices: ReadonlyMap<string, number> },
): SyntheticOrder[] {
  return generateSyntheticBook({
    count: parameters.traders,
    seed: parameters.seed,
    entrySpread: 0,
    markets: series.map((s) => ({
      spec: s.spec,
      entryPrice: parameters.firstPrices.get(s.spec.market) ?? 0,
    })),
  });
}

/** The least liquidity put on each side of a replayed pool, USD. */
const MIN_SIDE_USD = 250_000n * USD_ONE_E30;

/**
 * Liquidity for each replayed pool sized like the stress engine's markets: each side's pool token
 * holds twice the book's open interest on that side (at least $250,000), the long side in the index
 * token at the first price, the short side in USDC.
 */
export function crashPoolSeeds(
  series: readonly CrashSeries[],
  orders: readonly SyntheticOrder[],
  firstPrices: ReadonlyMap<string, number>,
): PoolSeed[] {
  return series.map((s) => {
    let longUsd = 0n;
    let shortUsd = 0n;
    for (const order of orders) {
      if (order.market !== s.spec.market) continue;
      if (order.isLong) longUsd += order.sizeDeltaUsd;
      else shortUsd += order.sizeDeltaUsd;
    }
    const longSide = 2n * longUsd > MIN_SIDE_USD ? 2n * longUsd : MIN_SIDE_USD;
    const shortSide = 2n * shortUsd > MIN_SIDE_USD ? 2n * shortUsd : MIN_SIDE_USD;
    const price = priceE30PerUnit(firstPrices.get(s.spec.market) ?? 0, s.spec.indexToken.decimals);
    return {
      market: s.spec.market,
      longTokenAmount: longSide / price,
      shortTokenAmount: shortSide / priceE30PerUnit(1, s.spec.shortToken.decimals),
    };
  });
}

import type { MarketPrices, MarketState, PositionState } from "../../src/mirror/types.js";

const ONE = 10n ** 30n;
const PCT = 10n ** 28n;
const BPS = 10n ** 26n;
const USD = ONE;
const YEAR = 365n * 24n * 3600n;
const WETH = "0x00000000000000000000000000000000000000e1" as const;
const USDC = "0x00000000000000000000000000000000000000c1" as const;
const MARKET = "0x00000000000000000000000000000000000000a1" as const;

/** Deterministic xorshift32, so every run scans the same book. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/**
 * A synthetic ETH/USD market (the deploy script's default configuration) with random positions:
 * for the benchmark and for property tests that need many positions without a chain. The open
 * interest and snapshot sums are consistent with the positions.
 */
export function syntheticBook(
  count: number,
  seed = 0xb457,
): {
  market: MarketState;
  positions: PositionState[];
  prices: MarketPrices;
  timestamp: bigint;
} {
  const random = rng(seed);
  const ethPrice = 3_000n * 10n ** 12n; // $3000 per 1e18 wei: 3e15 USD(1e30) per wei
  const usdcPrice = 10n ** 24n;
  const prices: MarketPrices = {
    index: { min: ethPrice - ethPrice / 5_000n, max: ethPrice + ethPrice / 5_000n },
    long: { min: ethPrice - ethPrice / 5_000n, max: ethPrice + ethPrice / 5_000n },
    short: { min: usdcPrice - usdcPrice / 10_000n, max: usdcPrice + usdcPrice / 10_000n },
  };
  const cumulativeBorrowingFactorLong = 4n * 10n ** 27n;
  const cumulativeBorrowingFactorShort = 3n * 10n ** 27n;
  const cumulativeFundingPerSizeLong = 2n * 10n ** 27n;
  const cumulativeFundingPerSizeShort = -15n * 10n ** 26n;
  const positions: PositionState[] = [];
  const oi = { longUsd: 0n, shortUsd: 0n, longTokens: 0n, shortTokens: 0n };
  const sums = { bl: 0n, bs: 0n, fl: 0n, fs: 0n };
  for (let i = 0; i < count; i++) {
    const isLong = random() < 0.55;
    const collateralIsLong = random() < 0.5;
    const sizeUsd = BigInt(Math.floor(10 ** (1 + random() * 5.3))) * USD; // $10 .. $2M
    const leverageX100 = BigInt(110 + Math.floor(random() * 4_890)); // 1.1x .. 50x
    const entry = (ethPrice * BigInt(8_000 + Math.floor(random() * 4_000))) / 10_000n; // +/- 20%
    const sizeInTokens = sizeUsd / entry;
    const collateralUsd = (sizeUsd * 100n) / leverageX100;
    const collateralAmount = collateralUsd / (collateralIsLong ? prices.long.min : prices.short.min);
    const borrowingFactorSnapshot =
      ((isLong ? cumulativeBorrowingFactorLong : cumulativeBorrowingFactorShort) *
        BigInt(Math.floor(random() * 1_000))) /
      1_000n;
    const fundingPerSizeSnapshot =
      ((isLong ? cumulativeFundingPerSizeLong : cumulativeFundingPerSizeShort) *
        BigInt(Math.floor(random() * 2_000) - 500)) /
      1_000n;
    positions.push({
      account: `0x${(i + 1).toString(16).padStart(40, "0")}`,
      increasedAt: 1_760_000_000n,
      isLong,
      market: MARKET,
      lastPartialLiquidationAt: 0n,
      collateralToken: collateralIsLong ? WETH : USDC,
      sizeUsd,
      sizeInTokens,
      collateralAmount,
      borrowingFactorSnapshot,
      fundingPerSizeSnapshot,
    });
    if (isLong) {
      oi.longUsd += sizeUsd;
      oi.longTokens += sizeInTokens;
      sums.bl += sizeUsd * borrowingFactorSnapshot;
      sums.fl += sizeUsd * fundingPerSizeSnapshot;
    } else {
      oi.shortUsd += sizeUsd;
      oi.shortTokens += sizeInTokens;
      sums.bs += sizeUsd * borrowingFactorSnapshot;
      sums.fs += sizeUsd * fundingPerSizeSnapshot;
    }
  }
  const timestamp = 1_760_000_600n;
  const market: MarketState = {
    indexToken: WETH,
    longToken: WETH,
    shortToken: USDC,
    paused: false,
    adlActiveLong: false,
    adlActiveShort: false,
    maintenanceMarginFactor: 1n * PCT,
    maintenanceMarginUpdatedAt: 0n,
    config: {
      fees: {
        positionFeeFactorPositiveImpact: 5n * BPS,
        positionFeeFactorNegativeImpact: 7n * BPS,
        liquidityFeeFactor: 3n * BPS,
        insuranceShareFactor: 20n * PCT,
        liquidationFeeFactor: 20n * BPS,
      },
      impact: {
        positiveImpactFactor: 5n * 10n ** 19n,
        negativeImpactFactor: 10n ** 20n,
        maxPositiveImpactFactor: 50n * BPS,
        maxNegativeImpactFactor: 1n * PCT,
      },
      rates: {
        borrowingBaseRatePerSecond: (5n * PCT) / YEAR,
        borrowingSlope1PerSecond: (20n * PCT) / YEAR,
        borrowingSlope2PerSecond: (150n * PCT) / YEAR,
        optimalUtilizationFactor: 80n * PCT,
        fundingFactorPerSecond: (50n * PCT) / YEAR,
      },
      risk: {
        maxOpenInterestLongUsd: 10n ** 12n * USD,
        maxOpenInterestShortUsd: 10n ** 12n * USD,
        reserveFactor: 90n * PCT,
        maxPnlFactor: 90n * PCT,
        maxPnlFactorForWithdrawals: 70n * PCT,
        minCollateralFactor: 2n * PCT,
        minCollateralUsd: 1n * USD,
        minPositionSizeUsd: 10n * USD,
      },
      safety: {
        insuranceTargetUsd: 100_000n * USD,
        adlTriggerFactor: 70n * PCT,
        adlTargetFactor: 50n * PCT,
        partialLiquidationThresholdUsd: 100_000n * USD,
        partialLiquidationFactor: 20n * PCT,
        partialLiquidationCooldown: 30n,
      },
      margin: {
        minMaintenanceMarginFactor: 50n * BPS,
        maxMaintenanceMarginFactor: 190n * BPS,
        maxStep: 25n * BPS,
        minInterval: 300n,
      },
    },
    balances: {
      longAmount: (oi.longUsd * 2n) / prices.long.min,
      shortAmount: (oi.shortUsd * 2n) / prices.short.min,
      insuranceLongAmount: 0n,
      insuranceShortAmount: 10_000n * 10n ** 6n,
      collateralLongTokenAmount: 0n,
      collateralShortTokenAmount: 0n,
      escrowLongTokenAmount: 0n,
      escrowShortTokenAmount: 0n,
      claimableLongTokenAmount: 0n,
      claimableShortTokenAmount: 0n,
    },
    openInterest: oi,
    rates: {
      cumulativeBorrowingFactorLong,
      cumulativeBorrowingFactorShort,
      borrowingSnapshotSumLong: sums.bl,
      borrowingSnapshotSumShort: sums.bs,
      cumulativeFundingPerSizeLong,
      cumulativeFundingPerSizeShort,
      fundingSnapshotSumLong: sums.fl,
      fundingSnapshotSumShort: sums.fs,
      lastAccruedAt: 1_760_000_000n,
    },
    ledger: { totalShortfallUsd: 0n, coveredByInsuranceUsd: 0n, absorbedByLpUsd: 0n, shortfallCount: 0n },
  };
  return { market, positions, prices, timestamp };
}

import type { MarketPrices, MarketState, PositionState } from "@bastion/risk";
import type { Address } from "viem";
import { exampleAppConfig } from "./exampleConfig";

const PCT = 10n ** 28n;
const BPS = 10n ** 26n;
const USD = 10n ** 30n;
const YEAR = 365n * 24n * 3600n;

/** The ETH/USD market of config.example.json. */
export const ethMarketConfig =
  exampleAppConfig().markets[0] ??
  (() => {
    throw new Error("config.example.json has no markets");
  })();

/** ETH at `usd` dollars as a unit price (USD 30 decimals per wei). */
export const ethUnitPrice = (usd: bigint) => (usd * USD) / 10n ** 18n;
/** USDC at one dollar per unit (6 decimals). */
export const USDC_UNIT_PRICE = USD / 10n ** 6n;

/** Fixed prices: ETH at $3,000 (no spread), USDC at $1. */
export function fixedPrices(ethUsd = 3_000n): MarketPrices {
  const eth = { min: ethUnitPrice(ethUsd), max: ethUnitPrice(ethUsd) };
  return { index: eth, long: eth, short: { min: USDC_UNIT_PRICE, max: USDC_UNIT_PRICE } };
}

export const FIXTURE_TIMESTAMP = 1_800_000_000n;

/**
 * An ETH/USD market as `getMarket` returns it, with the deploy script's defaults
 * (contracts/script/MarketDefaults.sol) and a pool of 100 WETH + 300,000 USDC, no positions.
 */
export function ethMarketState(overrides: Partial<MarketState> = {}): MarketState {
  return {
    indexToken: ethMarketConfig.indexToken.address,
    longToken: ethMarketConfig.longToken.address,
    shortToken: ethMarketConfig.shortToken.address,
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
        maxOpenInterestLongUsd: 50_000_000n * USD,
        maxOpenInterestShortUsd: 50_000_000n * USD,
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
      longAmount: 100n * 10n ** 18n,
      shortAmount: 300_000n * 10n ** 6n,
      insuranceLongAmount: 0n,
      insuranceShortAmount: 0n,
      collateralLongTokenAmount: 0n,
      collateralShortTokenAmount: 0n,
      escrowLongTokenAmount: 0n,
      escrowShortTokenAmount: 0n,
      claimableLongTokenAmount: 0n,
      claimableShortTokenAmount: 0n,
    },
    openInterest: { longUsd: 0n, shortUsd: 0n, longTokens: 0n, shortTokens: 0n },
    rates: {
      cumulativeBorrowingFactorLong: 0n,
      cumulativeBorrowingFactorShort: 0n,
      borrowingSnapshotSumLong: 0n,
      borrowingSnapshotSumShort: 0n,
      cumulativeFundingPerSizeLong: 0n,
      cumulativeFundingPerSizeShort: 0n,
      fundingSnapshotSumLong: 0n,
      fundingSnapshotSumShort: 0n,
      lastAccruedAt: FIXTURE_TIMESTAMP,
    },
    ledger: { totalShortfallUsd: 0n, coveredByInsuranceUsd: 0n, absorbedByLpUsd: 0n, shortfallCount: 0n },
    ...overrides,
  };
}

/** An open position as `getPosition` returns it. */
export function positionState(account: Address, overrides: Partial<PositionState> = {}): PositionState {
  return {
    account,
    increasedAt: FIXTURE_TIMESTAMP,
    isLong: true,
    market: ethMarketConfig.address,
    lastPartialLiquidationAt: 0n,
    collateralToken: ethMarketConfig.shortToken.address,
    sizeUsd: 10_000n * USD,
    sizeInTokens: (10_000n * 10n ** 18n) / 3_000n,
    collateralAmount: 1_000n * 10n ** 6n,
    borrowingFactorSnapshot: 0n,
    fundingPerSizeSnapshot: 0n,
    ...overrides,
  };
}

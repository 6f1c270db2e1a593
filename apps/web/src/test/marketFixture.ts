import { defaultMarketConfig, type MarketPrices, type MarketState, type PositionState } from "@bastion/risk";
import type { Address } from "viem";
import { exampleAppConfig } from "./exampleConfig";

const PCT = 10n ** 28n;
const USD = 10n ** 30n;

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
    config: defaultMarketConfig(),
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

import type { DomainEvent } from "../model/domain-events.js";
import type { MarketConfig, MarketState } from "../model/market-types.js";

type Of<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

/** Every parameter zero: a market's configuration until its `MarketConfigUpdated` (same transaction). */
const ZERO_CONFIG: MarketConfig = {
  fees: {
    positionFeeFactorPositiveImpact: 0n,
    positionFeeFactorNegativeImpact: 0n,
    liquidityFeeFactor: 0n,
    insuranceShareFactor: 0n,
    liquidationFeeFactor: 0n,
  },
  impact: {
    positiveImpactFactor: 0n,
    negativeImpactFactor: 0n,
    maxPositiveImpactFactor: 0n,
    maxNegativeImpactFactor: 0n,
  },
  rates: {
    borrowingBaseRatePerSecond: 0n,
    borrowingSlope1PerSecond: 0n,
    borrowingSlope2PerSecond: 0n,
    optimalUtilizationFactor: 0n,
    fundingFactorPerSecond: 0n,
  },
  risk: {
    maxOpenInterestLongUsd: 0n,
    maxOpenInterestShortUsd: 0n,
    reserveFactor: 0n,
    maxPnlFactor: 0n,
    maxPnlFactorForWithdrawals: 0n,
    minCollateralFactor: 0n,
    minCollateralUsd: 0n,
    minPositionSizeUsd: 0n,
  },
  safety: {
    insuranceTargetUsd: 0n,
    adlTriggerFactor: 0n,
    adlTargetFactor: 0n,
    partialLiquidationThresholdUsd: 0n,
    partialLiquidationFactor: 0n,
    partialLiquidationCooldown: 0n,
  },
  margin: { minMaintenanceMarginFactor: 0n, maxMaintenanceMarginFactor: 0n, maxStep: 0n, minInterval: 0n },
};

/** A market as `MarketCreated` leaves it: empty pool, rates accrued to its creation. */
export function initialState(created: Of<"MarketCreated">, timestamp: bigint): MarketState {
  return {
    indexToken: created.indexToken,
    longToken: created.longToken,
    shortToken: created.shortToken,
    paused: false,
    adlActiveLong: false,
    adlActiveShort: false,
    maintenanceMarginFactor: 0n,
    maintenanceMarginUpdatedAt: 0n,
    config: ZERO_CONFIG,
    balances: {
      longAmount: 0n,
      shortAmount: 0n,
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
      lastAccruedAt: timestamp,
    },
    ledger: { totalShortfallUsd: 0n, coveredByInsuranceUsd: 0n, absorbedByLpUsd: 0n, shortfallCount: 0n },
  };
}

import { FLOAT_ONE } from "@bastion/contracts";
import type { MarketState, PositionState } from "@bastion/risk";
import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { checkAdl, planAdlStep } from "./adlPlan.js";

const PCT = 10n ** 28n;
const USD = FLOAT_ONE;
const ETH = 10n ** 18n;
const price = (usd: bigint) => (usd * USD) / ETH; // USD (1e30) per wei
const range = (p: bigint) => ({ min: p, max: p });

function market(overrides: Partial<MarketState> = {}): MarketState {
  const zero = 0n;
  return {
    indexToken: "0x00000000000000000000000000000000000000e1",
    longToken: "0x00000000000000000000000000000000000000e1",
    shortToken: "0x00000000000000000000000000000000000000c1",
    paused: false,
    adlActiveLong: false,
    adlActiveShort: false,
    maintenanceMarginFactor: PCT,
    maintenanceMarginUpdatedAt: zero,
    config: {
      fees: {
        positionFeeFactorPositiveImpact: zero,
        positionFeeFactorNegativeImpact: zero,
        liquidityFeeFactor: zero,
        insuranceShareFactor: zero,
        liquidationFeeFactor: zero,
      },
      impact: {
        positiveImpactFactor: zero,
        negativeImpactFactor: zero,
        maxPositiveImpactFactor: zero,
        maxNegativeImpactFactor: zero,
      },
      rates: {
        borrowingBaseRatePerSecond: zero,
        borrowingSlope1PerSecond: zero,
        borrowingSlope2PerSecond: zero,
        optimalUtilizationFactor: zero,
        fundingFactorPerSecond: zero,
      },
      risk: {
        maxOpenInterestLongUsd: zero,
        maxOpenInterestShortUsd: zero,
        reserveFactor: zero,
        maxPnlFactor: zero,
        maxPnlFactorForWithdrawals: zero,
        minCollateralFactor: 2n * PCT,
        minCollateralUsd: USD,
        minPositionSizeUsd: 10n * USD,
      },
      safety: {
        insuranceTargetUsd: zero,
        adlTriggerFactor: 70n * PCT,
        adlTargetFactor: 50n * PCT,
        partialLiquidationThresholdUsd: zero,
        partialLiquidationFactor: zero,
        partialLiquidationCooldown: zero,
      },
      margin: {
        minMaintenanceMarginFactor: zero,
        maxMaintenanceMarginFactor: zero,
        maxStep: zero,
        minInterval: zero,
      },
    },
    balances: {
      longAmount: 10n * ETH,
      shortAmount: zero,
      insuranceLongAmount: zero,
      insuranceShortAmount: zero,
      collateralLongTokenAmount: zero,
      collateralShortTokenAmount: zero,
      escrowLongTokenAmount: zero,
      escrowShortTokenAmount: zero,
      claimableLongTokenAmount: zero,
      claimableShortTokenAmount: zero,
    },
    openInterest: {
      longUsd: 26_000n * USD,
      shortUsd: zero,
      longTokens: (26_000n * ETH) / 3_000n,
      shortTokens: zero,
    },
    rates: {
      cumulativeBorrowingFactorLong: zero,
      cumulativeBorrowingFactorShort: zero,
      borrowingSnapshotSumLong: zero,
      borrowingSnapshotSumShort: zero,
      cumulativeFundingPerSizeLong: zero,
      cumulativeFundingPerSizeShort: zero,
      fundingSnapshotSumLong: zero,
      fundingSnapshotSumShort: zero,
      lastAccruedAt: zero,
    },
    ledger: {
      totalShortfallUsd: zero,
      coveredByInsuranceUsd: zero,
      absorbedByLpUsd: zero,
      shortfallCount: zero,
    },
    ...overrides,
  };
}

const position = (key: string, sizeUsd: bigint, entryUsd: bigint): PositionState & { key: Hex } => ({
  key: key as Hex,
  account: "0x0000000000000000000000000000000000000001",
  increasedAt: 0n,
  isLong: true,
  market: "0x00000000000000000000000000000000000000a1",
  lastPartialLiquidationAt: 0n,
  collateralToken: "0x00000000000000000000000000000000000000c1",
  sizeUsd: sizeUsd * USD,
  sizeInTokens: (sizeUsd * ETH) / entryUsd,
  collateralAmount: 0n,
  borrowingFactorSnapshot: 0n,
  fundingPerSizeSnapshot: 0n,
});

describe("ADL plan", () => {
  const prices = (usd: bigint) => ({
    index: range(price(usd)),
    long: range(price(usd)),
    short: range(USD / 10n ** 6n),
  });

  it("triggers above the trigger factor (the target while active)", () => {
    expect(checkAdl(market(), prices(3_000n), true).triggered).toBe(false);
    const crashUp = checkAdl(market(), prices(30_000n), true);
    expect(crashUp.triggered).toBe(true);
    expect(crashUp.factor).toBeGreaterThan(70n * PCT);
    const active = checkAdl(market({ adlActiveLong: true }), prices(30_000n), true);
    expect(active.threshold).toBe(50n * PCT);
  });

  it("reduces the highest PnL per size first, by what should reach the target", () => {
    const first = position("0x01", 16_000n, 3_000n);
    const second = position("0x02", 10_000n, 2_000n);
    const book = [first, second];
    const tokens = first.sizeInTokens + second.sizeInTokens;
    const m = market({
      openInterest: { longUsd: 26_000n * USD, shortUsd: 0n, longTokens: tokens, shortTokens: 0n },
    });
    // Side PnL P and pool V at a price; realizing x = (P - 0.5 V) / 0.5 brings the factor to 50%.
    const needed = (usd: bigint) => {
      const p = tokens * price(usd) - 26_000n * USD;
      const v = 10n * ETH * price(usd);
      return (p * USD - 50n * PCT * v) / (50n * PCT);
    };
    const step = planAdlStep(m, book, prices(30_000n), true);
    if (step === undefined) throw new Error("no step");
    expect(step.key).toBe("0x02"); // entered at 2,000: 14x PnL per size against 9x
    // Here the best position alone cannot realize enough: it is closed in full.
    expect((needed(30_000n) * USD) / step.pnlPerSize).toBeGreaterThan(second.sizeUsd);
    expect(step.sizeDeltaUsd).toBe(second.sizeUsd);
    // A smaller excess: a partial step, at least the estimate.
    const mild = planAdlStep(m, book, prices(7_000n), true);
    if (mild === undefined) throw new Error("no step");
    expect(needed(7_000n)).toBeGreaterThan(0n);
    expect(mild.sizeDeltaUsd).toBeGreaterThanOrEqual((needed(7_000n) * USD) / mild.pnlPerSize);
    expect(mild.sizeDeltaUsd).toBeLessThan(second.sizeUsd);
    expect(planAdlStep(m, book, prices(30_000n), true, new Set(["0x02" as Hex]))?.key).toBe("0x01");
    expect(planAdlStep(m, book, prices(1_000n), true)).toBeUndefined();
  });
});

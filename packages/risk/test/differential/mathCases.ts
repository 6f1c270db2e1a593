import fc from "fast-check";
import type { Hex } from "viem";
import { max, min } from "../../src/mirror/evm.js";
import * as FeeMath from "../../src/mirror/libraries/FeeMath.js";
import * as FixedPoint from "../../src/mirror/libraries/FixedPoint.js";
import * as OracleMath from "../../src/mirror/libraries/OracleMath.js";
import * as PoolMath from "../../src/mirror/libraries/PoolMath.js";
import * as PositionMath from "../../src/mirror/libraries/PositionMath.js";
import * as PriceImpactMath from "../../src/mirror/libraries/PriceImpactMath.js";
import * as RateMath from "../../src/mirror/libraries/RateMath.js";
import * as SettlementMath from "../../src/mirror/libraries/SettlementMath.js";
import * as TriggerMath from "../../src/mirror/libraries/TriggerMath.js";
import type { OrderType, TradeAmounts } from "../../src/mirror/types.js";
import {
  amount,
  anyInt,
  anyUint,
  cumulativeFactor,
  cumulativeFunding,
  elapsed,
  factor,
  impactFactor,
  logBigInt,
  logSigned,
  MAX_AMOUNT,
  MAX_INT256,
  MAX_USD,
  MIN_INT256,
  ONE,
  PCT,
  ratePerSecond,
  signedUsd,
  unitPrice,
  unitPriceOrZero,
  usd,
} from "./arbitraries.js";

/**
 * One harness function under test: the arguments (in the harness's ABI order) and the mirror
 * computing the same thing, returning what the harness returns (a value, or the tuple of outputs).
 */
export interface MathCase {
  functionName: string;
  args: fc.Arbitrary<readonly unknown[]>;
  mirror: (...args: never[]) => unknown;
}

function mathCase<A extends unknown[]>(
  functionName: string,
  args: fc.Arbitrary<Readonly<A>>,
  mirror: (...args: A) => unknown,
): MathCase {
  return { functionName, args, mirror: mirror as (...args: never[]) => unknown };
}

const bool = fc.boolean();
/** Clamps to int256 (an argument outside its ABI type cannot be sent). */
const clampInt = (x: bigint): bigint => (x > MAX_INT256 ? MAX_INT256 : x < MIN_INT256 ? MIN_INT256 : x);
const none = fc.constant([] as const);
const feedId = fc.constantFrom<Hex>(
  "0xff61491a931112ddf1bd8147cd1b641375f79f5825126d665480874634fd0ace",
  "0xeaa020c61cc479712813461ce153894a96a6c00b21ed0cfc2798d1f9a9e9c94a",
);
const tradeAmounts = fc.tuple(signedUsd, signedUsd, usd, usd, signedUsd);
const toAmounts = (a: bigint, b: bigint, c: bigint, d: bigint, e: bigint): TradeAmounts => ({
  realizedPnlUsd: a,
  priceImpactUsd: b,
  positionFeeUsd: c,
  borrowingFeeUsd: d,
  fundingFeeUsd: e,
});
/** A size delta no larger than `size` most of the time (larger: the contract's underflow path). */
const sizeAndDelta = fc
  .tuple(usd, fc.integer({ min: 0, max: 110 }))
  .map(([size, pct]) => [size, (size * BigInt(pct)) / 100n] as const);

export const MATH_CASES: readonly MathCase[] = [
  // ------------------------------------------------------------------ FixedPoint (full uint256/int256 range)
  mathCase("fixedPoint_one", none, () => FixedPoint.ONE),
  mathCase("fixedPoint_mulDown", fc.tuple(anyUint, anyUint), FixedPoint.mulDown),
  mathCase("fixedPoint_mulUp", fc.tuple(anyUint, anyUint), FixedPoint.mulUp),
  mathCase("fixedPoint_mulDivDown", fc.tuple(anyUint, anyUint, anyUint), FixedPoint.mulDivDown),
  mathCase("fixedPoint_mulDivUp", fc.tuple(anyUint, anyUint, anyUint), FixedPoint.mulDivUp),
  mathCase("fixedPoint_divUp", fc.tuple(anyUint, anyUint), FixedPoint.divUp),
  mathCase("fixedPoint_abs", fc.tuple(anyInt), FixedPoint.abs),
  mathCase("fixedPoint_toInt", fc.tuple(anyUint), FixedPoint.toInt),
  mathCase("fixedPoint_positivePart", fc.tuple(anyInt), FixedPoint.positivePart),
  mathCase("fixedPoint_negativePart", fc.tuple(anyInt), FixedPoint.negativePart),
  mathCase("signedMathAbs_abs", fc.tuple(anyInt), FixedPoint.signedMathAbs),

  // ------------------------------------------------------------------ OracleMath
  mathCase(
    "oracleMath_priceMultiplier",
    fc.tuple(fc.integer({ min: -20, max: 2 }), fc.integer({ min: 0, max: 24 })),
    OracleMath.priceMultiplier,
  ),
  mathCase(
    "oracleMath_toPriceRange",
    fc
      .tuple(
        feedId,
        fc.oneof(
          { weight: 9, arbitrary: logBigInt(1n, (1n << 63n) - 1n) },
          { weight: 1, arbitrary: logSigned(1n << 63n) },
        ),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: -12, max: 0 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 30 }),
        logBigInt(0n, 10n * ONE),
        logBigInt(1n, 10n * PCT),
      )
      .map(([id, price, confPerMille, expo, sameExpo, power, k, maxConf]) => {
        const mantissa = price > 0n ? price : 1n;
        // conf around 0..100% of the price, capped to uint64
        const conf = (mantissa * BigInt(confPerMille)) / 10_000n;
        return [
          id,
          price > (1n << 63n) - 1n ? (1n << 63n) - 1n : price,
          conf > (1n << 64n) - 1n ? (1n << 64n) - 1n : conf,
          expo,
          sameExpo ? expo : expo - 1,
          10n ** BigInt(power),
          k,
          maxConf,
        ] as const;
      }),
    (
      id: Hex,
      price: bigint,
      conf: bigint,
      expo: number,
      expectedExpo: number,
      multiplier: bigint,
      k: bigint,
      maxConf: bigint,
    ) => {
      const range = OracleMath.toPriceRange(id, price, conf, expo, expectedExpo, multiplier, k, maxConf);
      return [range.min, range.max];
    },
  ),
  mathCase(
    "oracleMath_deviatesBeyond",
    fc.tuple(unitPrice, unitPriceOrZero, logBigInt(PCT, 100n * PCT)),
    OracleMath.deviatesBeyond,
  ),

  // ------------------------------------------------------------------ PriceImpactMath
  mathCase("priceImpactMath_skewCostUsd", fc.tuple(usd, impactFactor, bool), PriceImpactMath.skewCostUsd),
  mathCase(
    "priceImpactMath_rawImpactUsd",
    fc
      .tuple(usd, usd, fc.integer({ min: 0, max: 120 }), usd, bool, bool, impactFactor, impactFactor)
      .map(([longOi, shortOi, pct, delta, isLong, isIncrease, pos, neg]) => {
        // Decreases close at most the side's open interest (beyond: the contract's underflow path).
        const side = isLong ? longOi : shortOi;
        const sizeDelta = isIncrease ? delta : (side * BigInt(pct)) / 100n;
        return [longOi, shortOi, sizeDelta, isLong, isIncrease, min(pos, neg), neg] as const;
      }),
    PriceImpactMath.rawImpactUsd,
  ),
  mathCase(
    "priceImpactMath_capImpactUsd",
    fc
      .tuple(signedUsd, usd, logBigInt(0n, 50n * PCT), logBigInt(0n, 50n * PCT))
      .map(([impact, size, a, b]) => [impact, size, min(a, b), max(a, b)] as const),
    PriceImpactMath.capImpactUsd,
  ),

  // ------------------------------------------------------------------ FeeMath
  mathCase(
    "feeMath_positionFeeUsd",
    fc.tuple(usd, signedUsd, logBigInt(0n, PCT), logBigInt(0n, PCT)),
    FeeMath.positionFeeUsd,
  ),
  mathCase("feeMath_feeUsd", fc.tuple(usd, logBigInt(0n, PCT)), FeeMath.feeUsd),
  mathCase("feeMath_insuranceShareOf", fc.tuple(fc.oneof(usd, amount), factor), FeeMath.insuranceShareOf),

  // ------------------------------------------------------------------ RateMath
  mathCase("rateMath_utilizationFactor", fc.tuple(usd, usd), RateMath.utilizationFactor),
  mathCase(
    "rateMath_borrowingRatePerSecond",
    fc.tuple(factor, ratePerSecond, ratePerSecond, ratePerSecond, logBigInt(PCT, 99n * PCT)),
    RateMath.borrowingRatePerSecond,
  ),
  mathCase("rateMath_MAX_FUNDING_RECEIVER_MULTIPLE", none, () => RateMath.MAX_FUNDING_RECEIVER_MULTIPLE),
  mathCase("rateMath_fundingRatePerSecond", fc.tuple(usd, usd, ratePerSecond), RateMath.fundingRatePerSecond),
  mathCase(
    "rateMath_fundingDeltas",
    fc.tuple(usd, usd, ratePerSecond, elapsed),
    (longOi, shortOi, rate, time) => {
      const { deltaLong, deltaShort } = RateMath.fundingDeltas(longOi, shortOi, rate, time);
      return [deltaLong, deltaShort];
    },
  ),
  mathCase(
    "rateMath_borrowingFeeUsd",
    fc
      .tuple(usd, cumulativeFactor, cumulativeFactor)
      .map(([size, a, b]) => [size, max(a, b), min(a, b)] as const),
    RateMath.borrowingFeeUsd,
  ),
  mathCase(
    "rateMath_fundingFeeUsd",
    fc.tuple(usd, cumulativeFunding, cumulativeFunding),
    RateMath.fundingFeeUsd,
  ),
  mathCase(
    "rateMath_pendingBorrowingUsd",
    fc
      .tuple(usd, cumulativeFactor, cumulativeFactor, fc.integer({ min: 0, max: 100 }))
      .map(([oi, a, b, pct]) => {
        const [cumulative, snapshot] = a > b ? [a, b] : [b, a];
        // A sum of sizes x snapshots: between oi x 0 and oi x cumulative.
        return [oi, cumulative, (oi * snapshot * BigInt(pct)) / 100n] as const;
      }),
    RateMath.pendingBorrowingUsd,
  ),
  mathCase(
    "rateMath_pendingFundingUsd",
    fc
      .tuple(usd, cumulativeFunding, cumulativeFunding)
      .map(([oi, cumulative, snapshot]) => [oi, cumulative, clampInt(oi * snapshot)] as const),
    RateMath.pendingFundingUsd,
  ),

  // ------------------------------------------------------------------ PositionMath
  mathCase("positionMath_pnlUsd", fc.tuple(bool, usd, amount, unitPrice), PositionMath.pnlUsd),
  mathCase(
    "positionMath_realizedPnlUsd",
    fc.tuple(signedUsd, sizeAndDelta).map(([pnl, [size, delta]]) => [pnl, delta, size] as const),
    PositionMath.realizedPnlUsd,
  ),
  mathCase(
    "positionMath_sizeDeltaInTokensForDecrease",
    fc
      .tuple(bool, amount, sizeAndDelta)
      .map(([isLong, tokens, [size, delta]]) => [isLong, tokens, delta, size] as const),
    PositionMath.sizeDeltaInTokensForDecrease,
  ),
  mathCase(
    "positionMath_sizeDeltaInTokensForIncrease",
    fc.tuple(bool, usd, signedUsd, unitPriceOrZero),
    PositionMath.sizeDeltaInTokensForIncrease,
  ),
  mathCase(
    "positionMath_increaseRespectsAcceptablePrice",
    fc.tuple(bool, usd, amount, fc.oneof(unitPrice, anyUint)),
    PositionMath.increaseRespectsAcceptablePrice,
  ),
  mathCase(
    "positionMath_decreaseRespectsAcceptablePrice",
    fc.tuple(bool, unitPrice, usd, signedUsd, fc.oneof(unitPrice, anyUint)),
    PositionMath.decreaseRespectsAcceptablePrice,
  ),
  mathCase(
    "positionMath_increaseExecutionPrice",
    fc.tuple(bool, usd, fc.oneof(amount, fc.constant(0n))),
    PositionMath.increaseExecutionPrice,
  ),
  mathCase(
    "positionMath_decreaseExecutionPrice",
    fc.tuple(bool, unitPrice, usd, signedUsd),
    PositionMath.decreaseExecutionPrice,
  ),
  mathCase(
    "positionMath_marginRequirementUsd",
    fc.tuple(usd, factor, logBigInt(0n, 1000n * ONE)),
    PositionMath.marginRequirementUsd,
  ),
  mathCase(
    "positionMath_remainingCollateralUsd",
    fc.tuple(usd, signedUsd, usd, signedUsd, usd, signedUsd),
    PositionMath.remainingCollateralUsd,
  ),

  // ------------------------------------------------------------------ PoolMath
  mathCase("poolMath_virtualShares", none, () => PoolMath.VIRTUAL_SHARES),
  mathCase("poolMath_virtualUsd", none, () => PoolMath.VIRTUAL_USD),
  mathCase(
    "poolMath_cappedPnlUsd",
    fc.tuple(signedUsd, usd, fc.oneof(fc.constant(0n), factor)),
    PoolMath.cappedPnlUsd,
  ),
  mathCase(
    "poolMath_poolValueUsd",
    fc.tuple(usd, usd, usd, signedUsd, signedUsd, signedUsd),
    (longTokenUsd, shortTokenUsd, pendingBorrowingUsd, pendingFundingUsd, longPnlUsd, shortPnlUsd) =>
      PoolMath.poolValueUsd({
        longTokenUsd,
        shortTokenUsd,
        pendingBorrowingUsd,
        pendingFundingUsd,
        longPnlUsd,
        shortPnlUsd,
      }),
  ),
  mathCase(
    "poolMath_sharesForDepositUsd",
    fc.tuple(usd, signedUsd, logBigInt(0n, MAX_AMOUNT)),
    PoolMath.sharesForDepositUsd,
  ),
  mathCase(
    "poolMath_usdForShares",
    fc.tuple(logBigInt(0n, MAX_AMOUNT), signedUsd, logBigInt(0n, MAX_AMOUNT)),
    PoolMath.usdForShares,
  ),
  mathCase("poolMath_splitWithdrawalUsd", fc.tuple(usd, usd, usd), (value, longUsd, shortUsd) => {
    const split = PoolMath.splitWithdrawalUsd(value, longUsd, shortUsd);
    return [split.longUsd, split.shortUsd];
  }),
  mathCase("poolMath_pnlToPoolFactor", fc.tuple(signedUsd, usd), PoolMath.pnlToPoolFactor),
  mathCase(
    "poolMath_capRealizedProfit",
    fc.tuple(signedUsd, signedUsd, signedUsd),
    PoolMath.capRealizedProfit,
  ),

  // ------------------------------------------------------------------ SettlementMath
  mathCase("settlementMath_gainsAndCosts", tradeAmounts, (a, b, c, d, e) => {
    const { gainsUsd, costsUsd } = SettlementMath.gainsAndCosts(toAmounts(a, b, c, d, e));
    return [gainsUsd, costsUsd];
  }),
  mathCase(
    "settlementMath_settleDecrease",
    fc
      .tuple(tradeAmounts, amount, unitPriceOrZero)
      .map(([t, collateral, price]) => [...t, collateral, price] as const),
    (a: bigint, b: bigint, c: bigint, d: bigint, e: bigint, collateral: bigint, price: bigint) => {
      const s = SettlementMath.settleDecrease(toAmounts(a, b, c, d, e), collateral, price);
      return [s.collateralToPoolAmount, s.profitUsd, s.shortfallUsd];
    },
  ),
  mathCase(
    "settlementMath_liquidationFeeAmount",
    fc.tuple(usd, logBigInt(0n, 2n * PCT), unitPriceOrZero, amount),
    SettlementMath.liquidationFeeAmount,
  ),
  mathCase(
    "settlementMath_coverShortfall",
    fc.tuple(usd, amount, unitPriceOrZero, amount, unitPriceOrZero),
    (shortfall, insuranceShort, shortPrice, insuranceLong, longPrice) => {
      const r = SettlementMath.coverShortfall(
        shortfall,
        insuranceShort,
        shortPrice,
        insuranceLong,
        longPrice,
      );
      return [r.fromShortAmount, r.fromLongAmount, r.coveredUsd];
    },
  ),

  // ------------------------------------------------------------------ TriggerMath
  mathCase(
    "triggerMath_triggerReached",
    fc
      .tuple(fc.integer({ min: 0, max: 4 }), bool, unitPrice, unitPrice, unitPrice)
      .map(
        ([orderType, isLong, trigger, a, b]) => [orderType, isLong, trigger, min(a, b), max(a, b)] as const,
      ),
    (orderType: number, isLong: boolean, trigger: bigint, min: bigint, max: bigint) => {
      const r = TriggerMath.triggerReached(orderType as OrderType, isLong, trigger, { min, max });
      return [r.reached, r.price];
    },
  ),
];

/** Upper bound used by the USD arbitraries (1e12 USD), exported for the README's range table. */
export const BOUNDS = { MAX_USD, MAX_AMOUNT };

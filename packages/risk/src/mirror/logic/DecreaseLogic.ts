/**
 * Mirror of `contracts/src/logic/DecreaseLogic.sol`: how a decrease (user order, liquidation, ADL) is
 * priced and settled: realized PnL with the side's profit cap, price impact, fees, settlement against
 * collateral, profit paid by the pool, the loss waterfall (collateral, insurance fund, LPs) and the
 * liquidation fee, as a pure preview over plain state.
 * @module
 */
import type { Hex } from "viem";
import { MirrorRevert } from "../errors.js";
import { add, div, min, mul, sub } from "../evm.js";
import { feeUsd, insuranceShareOf } from "../libraries/FeeMath.js";
import { toInt } from "../libraries/FixedPoint.js";
import { cappedPnlUsd, capRealizedProfit } from "../libraries/PoolMath.js";
import {
  decreaseExecutionPrice,
  decreaseRespectsAcceptablePrice,
  pnlUsd,
  realizedPnlUsd,
  sizeDeltaInTokensForDecrease,
} from "../libraries/PositionMath.js";
import {
  coverShortfall,
  liquidationFeeAmount,
  type Settlement,
  settleDecrease,
} from "../libraries/SettlementMath.js";
import {
  cloneMarketState,
  DECREASE_KIND,
  type DecreaseKind,
  type Health,
  type MarketPrices,
  type MarketState,
  type PositionChange,
  type PositionState,
  sameAddress,
  type TradeAmounts,
  ZERO_ADDRESS,
} from "../types.js";
import {
  accrue,
  positionFeeUsd,
  priceImpactUsd,
  sidePnlUsd,
  sidePoolUsd,
  updateOpenInterest,
} from "./MarketLogic.js";
import {
  maintenanceMarginUsd,
  openingMarginUsd,
  pendingBorrowingFeeUsd,
  pendingFundingFeeUsd,
  positionHealth,
  positionKey,
} from "./PositionHealth.js";
import {
  addInsurance,
  addPool,
  insuranceBelowTarget,
  poolToInsurance,
  subCollateral,
  subPool,
  tokenPrice,
} from "./VaultLogic.js";

/** `DecreaseLogic.DecreaseParams` (without the order id and liquidator, which no formula uses). */
export interface DecreaseParams {
  kind: DecreaseKind;
  /** Size to close; more than the position's size closes all of it. */
  sizeDeltaUsd: bigint;
  /** Collateral to withdraw on a partial user decrease. */
  collateralWithdrawAmount: bigint;
  /** Only for user orders: the worst acceptable execution price (a minimum for longs, a maximum for shorts). */
  acceptablePrice: bigint;
}

/** A shortfall and how the loss waterfall absorbed it: the `ShortfallRecorded` event. */
export interface ShortfallPreview {
  indexPrice: bigint;
  shortfallUsd: bigint;
  coveredByInsuranceUsd: bigint;
  absorbedByLpUsd: bigint;
  insuranceLongAmount: bigint;
  insuranceShortAmount: bigint;
}

/** What a decrease does, exactly as the contract would execute it at these prices and time. */
export interface DecreasePreview {
  key: Hex;
  kind: DecreaseKind;
  /** The size actually closed. */
  sizeDeltaUsd: bigint;
  isFull: boolean;
  /** Index price the decrease closes at (min for longs, max for shorts). */
  indexPrice: bigint;
  executionPrice: bigint;
  sizeDeltaInTokens: bigint;
  /** Realized PnL (side-capped), impact, fees and funding: the event's `amounts`. */
  amounts: TradeAmounts;
  /** Net settlement: collateral to the pool, profit paid by the pool, or the shortfall. */
  settlement: Settlement;
  /** Profit paid out, in long and short tokens. */
  profitLongAmount: bigint;
  profitShortAmount: bigint;
  /** The shortfall and who absorbed it, when collateral could not cover the costs. */
  shortfall: ShortfallPreview | undefined;
  /** Liquidation fee in collateral tokens (0 for orders and ADL). */
  liquidationFeeAmount: bigint;
  /** Collateral-token units sent to the insurance fund: the position fee's share and the liquidation fee's share. */
  insuranceAmount: bigint;
  /** Liquidation fee paid to the liquidator. */
  liquidatorAmount: bigint;
  /** Collateral paid out to the trader. */
  collateralOutAmount: bigint;
  /** The `change` of the `PositionDecreased` event. */
  change: PositionChange;
  /** The position afterwards, or undefined when it was closed. */
  position: PositionState | undefined;
  /** The market afterwards. */
  market: MarketState;
  /** Health of what is left after a partial user decrease (the check's input), otherwise undefined. */
  health: Health | undefined;
}

/**
 * Previews `DecreaseLogic.decrease` at `prices` and block `timestamp` on the stored market state
 * (rates are accrued here, as every caller of the contract's decrease does first). Throws the
 * contract's error ({@link MirrorRevert}) wherever the execution would revert (acceptable price,
 * pool liquidity for profit, collateral withdrawal, what is left after a user decrease).
 *
 * @example
 * const preview = previewDecrease(market, position, {
 *   kind: DECREASE_KIND.Order, sizeDeltaUsd: position.sizeUsd, collateralWithdrawAmount: 0n, acceptablePrice: 0n,
 * }, prices, block.timestamp);
 * preview.settlement.shortfallUsd; preview.shortfall?.absorbedByLpUsd;
 */
export function previewDecrease(
  market: MarketState,
  position: PositionState,
  params: DecreaseParams,
  prices: MarketPrices,
  timestamp: bigint,
): DecreasePreview {
  const m = cloneMarketState(market);
  accrue(m, prices, timestamp);
  return decreaseAccrued(m, position, params, prices);
}

/**
 * `DecreaseLogic.decrease` on a market whose rates are already accrued; mutates `m` (a clone owned by
 * the caller). Used by the liquidation and ADL previews, which accrue and check first.
 */
export function decreaseAccrued(
  m: MarketState,
  position: PositionState,
  params: DecreaseParams,
  prices: MarketPrices,
): DecreasePreview {
  const key = positionKey(position.account, position.market, position.collateralToken, position.isLong);
  if (position.account === ZERO_ADDRESS) throw new MirrorRevert("PositionNotFound", { positionKey: key });
  const isLong = position.isLong;
  const collateralIsLongToken = sameAddress(position.collateralToken, m.longToken);
  const sizeDeltaUsd = min(params.sizeDeltaUsd, position.sizeUsd);
  if (sizeDeltaUsd === 0n && params.collateralWithdrawAmount === 0n)
    throw new MirrorRevert("ZeroSizeDelta", {});
  const isFull = sizeDeltaUsd === position.sizeUsd;

  // _computeAmounts
  const indexPrice = isLong ? prices.index.min : prices.index.max;
  const amounts: TradeAmounts = {
    realizedPnlUsd: 0n,
    priceImpactUsd: 0n,
    positionFeeUsd: 0n,
    borrowingFeeUsd: 0n,
    fundingFeeUsd: 0n,
  };
  let executionPrice = 0n;
  let sizeDeltaInTokens = 0n;
  if (sizeDeltaUsd > 0n) {
    const totalPnl = pnlUsd(isLong, position.sizeUsd, position.sizeInTokens, indexPrice);
    amounts.realizedPnlUsd = realizedPnlUsd(totalPnl, sizeDeltaUsd, position.sizeUsd);
    if (amounts.realizedPnlUsd > 0n) {
      const sidePnl = sidePnlUsd(m, isLong, indexPrice);
      const cappedSidePnl = cappedPnlUsd(sidePnl, sidePoolUsd(m, prices, isLong), m.config.risk.maxPnlFactor);
      amounts.realizedPnlUsd = capRealizedProfit(amounts.realizedPnlUsd, sidePnl, cappedSidePnl);
    }
    amounts.priceImpactUsd = priceImpactUsd(m, sizeDeltaUsd, isLong, false);
    // ADL closes at the oracle price: no negative impact against the deleveraged trader.
    if (params.kind === DECREASE_KIND.Adl && amounts.priceImpactUsd < 0n) amounts.priceImpactUsd = 0n;
    executionPrice = decreaseExecutionPrice(isLong, indexPrice, sizeDeltaUsd, amounts.priceImpactUsd);
    if (
      params.kind === DECREASE_KIND.Order &&
      !decreaseRespectsAcceptablePrice(
        isLong,
        indexPrice,
        sizeDeltaUsd,
        amounts.priceImpactUsd,
        params.acceptablePrice,
      )
    ) {
      throw new MirrorRevert("AcceptablePriceNotMet", {
        executionPrice,
        acceptablePrice: params.acceptablePrice,
      });
    }
    // ADL is not the trader's choice: it pays the lower fee rate.
    amounts.positionFeeUsd =
      params.kind === DECREASE_KIND.Adl
        ? feeUsd(sizeDeltaUsd, m.config.fees.positionFeeFactorPositiveImpact)
        : positionFeeUsd(m, sizeDeltaUsd, amounts.priceImpactUsd);
    sizeDeltaInTokens = sizeDeltaInTokensForDecrease(
      isLong,
      position.sizeInTokens,
      sizeDeltaUsd,
      position.sizeUsd,
    );
  }
  amounts.borrowingFeeUsd = pendingBorrowingFeeUsd(position, m.rates);
  amounts.fundingFeeUsd = pendingFundingFeeUsd(position, m.rates);

  // _settle
  const collateralPrice = tokenPrice(prices, collateralIsLongToken);
  const settlement = settleDecrease(amounts, position.collateralAmount, collateralPrice.min);
  let collateralAmount = sub(position.collateralAmount, settlement.collateralToPoolAmount);
  subCollateral(m.balances, collateralIsLongToken, settlement.collateralToPoolAmount);
  addPool(m.balances, collateralIsLongToken, settlement.collateralToPoolAmount);

  let profitLongAmount = 0n;
  let profitShortAmount = 0n;
  let insuranceAmount = 0n;
  let shortfall: ShortfallPreview | undefined;
  if (settlement.profitUsd > 0n) {
    // _reserveProfit: the side's backing token first (long token for longs), at its max price.
    const profitUsd = settlement.profitUsd;
    const primaryPrice = tokenPrice(prices, isLong);
    const primaryAvailable = isLong ? m.balances.longAmount : m.balances.shortAmount;
    let primaryAmount = div(profitUsd, primaryPrice.max);
    let secondaryAmount = 0n;
    if (primaryAmount > primaryAvailable) {
      primaryAmount = primaryAvailable;
      const remainingUsd = sub(profitUsd, mul(primaryAmount, primaryPrice.max));
      secondaryAmount = div(remainingUsd, tokenPrice(prices, !isLong).max);
    }
    subPool(m, isLong, primaryAmount);
    subPool(m, !isLong, secondaryAmount);
    if (isLong) {
      profitLongAmount = primaryAmount;
      profitShortAmount = secondaryAmount;
    } else {
      profitShortAmount = primaryAmount;
      profitLongAmount = secondaryAmount;
    }
  }
  if (settlement.shortfallUsd > 0n) {
    // _absorbShortfall: the insurance fund (short token first), then LPs.
    const shortfallUsd = settlement.shortfallUsd;
    const cover = coverShortfall(
      shortfallUsd,
      m.balances.insuranceShortAmount,
      prices.short.min,
      m.balances.insuranceLongAmount,
      prices.long.min,
    );
    m.balances.insuranceShortAmount = sub(m.balances.insuranceShortAmount, cover.fromShortAmount);
    m.balances.insuranceLongAmount = sub(m.balances.insuranceLongAmount, cover.fromLongAmount);
    m.balances.shortAmount = add(m.balances.shortAmount, cover.fromShortAmount);
    m.balances.longAmount = add(m.balances.longAmount, cover.fromLongAmount);
    const absorbedUsd = sub(shortfallUsd, cover.coveredUsd);
    m.ledger.totalShortfallUsd = add(m.ledger.totalShortfallUsd, shortfallUsd);
    m.ledger.coveredByInsuranceUsd = add(m.ledger.coveredByInsuranceUsd, cover.coveredUsd);
    m.ledger.absorbedByLpUsd = add(m.ledger.absorbedByLpUsd, absorbedUsd);
    m.ledger.shortfallCount = add(m.ledger.shortfallCount, 1n);
    shortfall = {
      indexPrice,
      shortfallUsd,
      coveredByInsuranceUsd: cover.coveredUsd,
      absorbedByLpUsd: absorbedUsd,
      insuranceLongAmount: cover.fromLongAmount,
      insuranceShortAmount: cover.fromShortAmount,
    };
  } else if (amounts.positionFeeUsd > 0n && insuranceBelowTarget(m, prices)) {
    // The fee was paid out of collateral (net cost) or netted from profit (net gain); either way the
    // share moves in the collateral token.
    const feeTokenIsLong = collateralIsLongToken;
    const feeTokenPrice = tokenPrice(prices, feeTokenIsLong).max;
    insuranceAmount = poolToInsurance(
      m,
      feeTokenIsLong,
      div(insuranceShareOf(amounts.positionFeeUsd, m.config.fees.insuranceShareFactor), feeTokenPrice),
    );
  }

  // _chargeLiquidationFee
  let liquidationFee = 0n;
  let liquidatorAmount = 0n;
  const isLiquidation =
    params.kind === DECREASE_KIND.Liquidation || params.kind === DECREASE_KIND.PartialLiquidation;
  if (isLiquidation && collateralAmount !== 0n) {
    liquidationFee = liquidationFeeAmount(
      sizeDeltaUsd,
      m.config.fees.liquidationFeeFactor,
      collateralPrice.min,
      collateralAmount,
    );
    const protocolShare = insuranceShareOf(liquidationFee, m.config.fees.insuranceShareFactor);
    liquidatorAmount = sub(liquidationFee, protocolShare);
    collateralAmount = sub(collateralAmount, liquidationFee);
    subCollateral(m.balances, collateralIsLongToken, liquidationFee);
    if (insuranceBelowTarget(m, prices)) {
      addInsurance(m.balances, collateralIsLongToken, protocolShare);
      insuranceAmount = add(insuranceAmount, protocolShare);
    } else {
      addPool(m.balances, collateralIsLongToken, protocolShare);
    }
  }

  // _updatePosition
  const sizeAfter = sub(position.sizeUsd, sizeDeltaUsd);
  const tokensAfter = sub(position.sizeInTokens, sizeDeltaInTokens);
  updateOpenInterest(
    m,
    isLong,
    position.sizeUsd,
    position.sizeInTokens,
    position.borrowingFactorSnapshot,
    position.fundingPerSizeSnapshot,
    sizeAfter,
    tokensAfter,
  );
  let collateralOutAmount: bigint;
  let after: PositionState | undefined;
  let health: Health | undefined;
  if (isFull) {
    collateralOutAmount = collateralAmount;
    collateralAmount = 0n;
  } else {
    if (params.collateralWithdrawAmount > collateralAmount) {
      throw new MirrorRevert("CollateralWithdrawalTooLarge", {
        requested: params.collateralWithdrawAmount,
        available: collateralAmount,
      });
    }
    collateralOutAmount = params.collateralWithdrawAmount;
    collateralAmount -= params.collateralWithdrawAmount;
    after = {
      ...position,
      sizeUsd: sizeAfter,
      sizeInTokens: tokensAfter,
      collateralAmount,
      borrowingFactorSnapshot: isLong
        ? m.rates.cumulativeBorrowingFactorLong
        : m.rates.cumulativeBorrowingFactorShort,
      fundingPerSizeSnapshot: isLong
        ? m.rates.cumulativeFundingPerSizeLong
        : m.rates.cumulativeFundingPerSizeShort,
    };
    if (params.kind === DECREASE_KIND.Order) {
      if (sizeAfter < m.config.risk.minPositionSizeUsd) {
        throw new MirrorRevert("PositionTooSmall", {
          sizeUsd: sizeAfter,
          minPositionSizeUsd: m.config.risk.minPositionSizeUsd,
        });
      }
      // What is left must not be liquidatable, and withdrawing collateral needs the opening margin.
      health = positionHealth(m, after, m.rates, prices);
      const required =
        params.collateralWithdrawAmount > 0n
          ? openingMarginUsd(m, sizeAfter)
          : maintenanceMarginUsd(m, sizeAfter);
      if (health.remainingCollateralUsd < toInt(required)) {
        throw new MirrorRevert("InsufficientCollateral", {
          remainingCollateralUsd: health.remainingCollateralUsd,
          requiredUsd: required,
        });
      }
    }
  }

  // _payOut: collateral leaves the vault (profit left the pool balances in _reserveProfit).
  subCollateral(m.balances, collateralIsLongToken, collateralOutAmount);

  return {
    key,
    kind: params.kind,
    sizeDeltaUsd,
    isFull,
    indexPrice,
    executionPrice,
    sizeDeltaInTokens,
    amounts,
    settlement,
    profitLongAmount,
    profitShortAmount,
    shortfall,
    liquidationFeeAmount: liquidationFee,
    insuranceAmount,
    liquidatorAmount,
    collateralOutAmount,
    change: {
      sizeDeltaUsd,
      sizeDeltaInTokens,
      executionPrice,
      collateralDeltaAmount: collateralOutAmount,
      sizeUsdAfter: sizeAfter,
      collateralAmountAfter: collateralAmount,
    },
    position: after,
    market: m,
    health,
  };
}

import type { Address } from "viem";
import { isMirrorRevert, type MirrorRevert } from "../mirror/errors.js";
import { add, ceilDiv, mul, mulDiv } from "../mirror/evm.js";
import { mulDown } from "../mirror/libraries/FixedPoint.js";
import { increaseExecutionPrice, sizeDeltaInTokensForIncrease } from "../mirror/libraries/PositionMath.js";
import { type IncreasePreview, previewIncrease } from "../mirror/logic/IncreaseLogic.js";
import { accruedRates, positionFeeUsd, priceImpactUsd } from "../mirror/logic/MarketLogic.js";
import { pendingBorrowingFeeUsd, pendingFundingFeeUsd } from "../mirror/logic/PositionHealth.js";
import { isLongToken, tokenPrice } from "../mirror/logic/VaultLogic.js";
import { type MarketPrices, type MarketState, type PositionState, ZERO_ADDRESS } from "../mirror/types.js";
import { type LiquidationPriceResult, liquidationPrice } from "./liquidationPrice.js";

/** Basis points in one (10,000). */
export const BPS = 10_000n;

/** How big the order is: a size in USD (30 decimals), or a leverage on the collateral's value. */
export type OrderSize =
  | { sizeDeltaUsd: bigint }
  | {
      /** Leverage as a 30-decimal factor (10x = 10n * 10n ** 30n), applied to the collateral at its min price. */
      leverage: bigint;
    };

/** Parameters of {@link previewOrder}. */
export interface PreviewOrderParameters {
  /** The market as stored (`getMarket`). */
  market: MarketState;
  /** The market id (pool token address). */
  marketAddress: Address;
  /** The trader (the position key depends on it). */
  account: Address;
  /** The trader's existing position on this side with this collateral, if any. */
  position?: PositionState;
  prices: MarketPrices;
  /** Block timestamp to evaluate at (the next block's, for an order about to be executed). */
  timestamp: bigint;
  isLong: boolean;
  collateralToken: Address;
  /** Collateral added, in collateral token units. */
  collateralAmount: bigint;
  size: OrderSize;
  /** Slippage tolerance on the execution price, in basis points (integer, 0..10,000). */
  slippageBps: bigint;
}

/** Why an order would not open, or that it would. */
export type OpeningCheck =
  | { ok: true; remainingCollateralUsd: bigint; openingMarginUsd: bigint }
  | { ok: false; reason: MirrorRevert };

/** An order preview for the app. Every amount is exact (what the contract would do at these prices). */
export interface OrderPreview {
  sizeDeltaUsd: bigint;
  /** Collateral value at its min price. */
  collateralUsd: bigint;
  /** The oracle index price the order executes against (max for longs, min for shorts). */
  indexPrice: bigint;
  /** Entry price with impact: size / tokens, rounded against the trader (the event's value). */
  executionPrice: bigint;
  sizeDeltaInTokens: bigint;
  /** Price impact (positive = in the trader's favour). */
  priceImpactUsd: bigint;
  positionFeeUsd: bigint;
  /** Borrowing and funding settled on the existing position (0 for a new one). */
  borrowingFeeUsd: bigint;
  fundingFeeUsd: bigint;
  /** The acceptable price to send with the order: the execution price worsened by the slippage. */
  acceptablePrice: bigint;
  /** The resulting position's liquidation price (see {@link liquidationPrice}), when it opens. */
  liquidation: LiquidationPriceResult | undefined;
  /** Whether the increase passes every check of the execution (opening margin, size, OI, reserve). */
  opening: OpeningCheck;
  /** The full mirror preview, when the increase would execute. */
  increase: IncreasePreview | undefined;
}

/**
 * Previews an increase order for the app: entry (execution) price with price impact, fees, the
 * acceptable price for the given slippage, whether the execution's checks pass (and the contract's
 * error when not), and the resulting liquidation price.
 *
 * @example
 * const preview = previewOrder({
 *   market: snapshot.state, marketAddress, account, prices, timestamp: snapshot.timestamp + 1n,
 *   isLong: true, collateralToken: usdc, collateralAmount: 1_000n * 10n ** 6n,
 *   size: { leverage: 10n * 10n ** 30n }, slippageBps: 30n,
 * });
 * if (preview.opening.ok) createOrder({ ..., acceptablePrice: preview.acceptablePrice });
 */
export function previewOrder(parameters: PreviewOrderParameters): OrderPreview {
  const { market, prices, timestamp, isLong } = parameters;
  if (parameters.slippageBps < 0n || parameters.slippageBps > BPS) {
    throw new RangeError(`slippageBps must be within 0..10000, got ${parameters.slippageBps}`);
  }
  const collateralIsLong = isLongToken(market, parameters.marketAddress, parameters.collateralToken);
  const collateralUsd = mul(parameters.collateralAmount, tokenPrice(prices, collateralIsLong).min);
  const sizeDeltaUsd =
    "sizeDeltaUsd" in parameters.size
      ? parameters.size.sizeDeltaUsd
      : mulDown(collateralUsd, parameters.size.leverage);
  const indexPrice = isLong ? prices.index.max : prices.index.min;

  // Pricing (what the execution computes before its checks), on the market accrued to `timestamp`.
  const accrued: MarketState = { ...market, rates: accruedRates(market, prices, timestamp) };
  const existing = parameters.position !== undefined && parameters.position.account !== ZERO_ADDRESS;
  const borrowingFeeUsd =
    existing && parameters.position ? pendingBorrowingFeeUsd(parameters.position, accrued.rates) : 0n;
  const fundingFeeUsd =
    existing && parameters.position ? pendingFundingFeeUsd(parameters.position, accrued.rates) : 0n;
  let impactUsd = 0n;
  let sizeDeltaInTokens = 0n;
  let acceptablePrice = isLong ? indexPrice : 0n;
  let executionPrice = 0n;
  let feeUsd = 0n;
  let pricingError: MirrorRevert | undefined;
  if (sizeDeltaUsd > 0n) {
    try {
      impactUsd = priceImpactUsd(accrued, sizeDeltaUsd, isLong, true);
      feeUsd = positionFeeUsd(accrued, sizeDeltaUsd, impactUsd);
      sizeDeltaInTokens = sizeDeltaInTokensForIncrease(isLong, sizeDeltaUsd, impactUsd, indexPrice);
      if (sizeDeltaInTokens > 0n) {
        executionPrice = increaseExecutionPrice(isLong, sizeDeltaUsd, sizeDeltaInTokens);
        // Long: ceil(size / tokens x (1 + s)) is a maximum the exact check accepts at zero slippage;
        // short: floor(size / tokens x (1 - s)) a minimum.
        acceptablePrice = isLong
          ? ceilDiv(mul(sizeDeltaUsd, add(BPS, parameters.slippageBps)), mul(sizeDeltaInTokens, BPS))
          : mulDiv(sizeDeltaUsd, BPS - parameters.slippageBps, mul(sizeDeltaInTokens, BPS));
      }
    } catch (error) {
      if (!isMirrorRevert(error)) throw error;
      pricingError = error;
    }
  }

  let increase: IncreasePreview | undefined;
  let opening: OpeningCheck;
  if (pricingError !== undefined) {
    opening = { ok: false, reason: pricingError };
  } else {
    try {
      increase = previewIncrease(
        market,
        parameters.position,
        {
          account: parameters.account,
          market: parameters.marketAddress,
          collateralToken: parameters.collateralToken,
          isLong,
          sizeDeltaUsd,
          collateralDeltaAmount: parameters.collateralAmount,
          acceptablePrice,
        },
        prices,
        timestamp,
      );
      opening = {
        ok: true,
        remainingCollateralUsd: increase.health?.remainingCollateralUsd ?? 0n,
        openingMarginUsd: increase.openingMarginUsd ?? 0n,
      };
    } catch (error) {
      if (!isMirrorRevert(error)) throw error;
      opening = { ok: false, reason: error };
    }
  }

  return {
    sizeDeltaUsd,
    collateralUsd,
    indexPrice,
    executionPrice,
    sizeDeltaInTokens,
    priceImpactUsd: impactUsd,
    positionFeeUsd: feeUsd,
    borrowingFeeUsd,
    fundingFeeUsd,
    acceptablePrice,
    liquidation:
      increase === undefined
        ? undefined
        : liquidationPrice({ market: increase.market, position: increase.position, prices, timestamp }),
    opening,
    increase,
  };
}

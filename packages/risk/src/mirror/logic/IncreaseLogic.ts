/**
 * Mirror of `contracts/src/logic/IncreaseLogic.sol`: how an increase (open, grow, or add collateral)
 * is priced and settled, as a pure preview over plain state.
 * @module
 */
import type { Address, Hex } from "viem";
import { MirrorRevert } from "../errors.js";
import { add, addI, div, mul, subI } from "../evm.js";
import { insuranceShareOf } from "../libraries/FeeMath.js";
import { abs, divUp, toInt } from "../libraries/FixedPoint.js";
import {
  increaseExecutionPrice,
  increaseRespectsAcceptablePrice,
  sizeDeltaInTokensForIncrease,
} from "../libraries/PositionMath.js";
import {
  cloneMarketState,
  type Health,
  type MarketPrices,
  type MarketState,
  type PositionChange,
  type PositionState,
  type TradeAmounts,
  ZERO_ADDRESS,
} from "../types.js";
import {
  accrue,
  positionFeeUsd,
  priceImpactUsd,
  updateOpenInterest,
  validateOpenInterest,
  validateReserve,
} from "./MarketLogic.js";
import {
  openingMarginUsd,
  pendingBorrowingFeeUsd,
  pendingFundingFeeUsd,
  positionHealth,
  positionKey,
} from "./PositionHealth.js";
import {
  addCollateral,
  addPool,
  insuranceBelowTarget,
  isLongToken,
  poolToInsurance,
  subCollateral,
  subEscrow,
  subPool,
  tokenPrice,
} from "./VaultLogic.js";

/** `IncreaseLogic.IncreaseParams` (without the order id, which no formula uses). */
export interface IncreaseParams {
  account: Address;
  market: Address;
  collateralToken: Address;
  isLong: boolean;
  sizeDeltaUsd: bigint;
  /** Collateral added, in collateral token units. */
  collateralDeltaAmount: bigint;
  /** The worst acceptable execution price (a maximum for longs, a minimum for shorts). */
  acceptablePrice: bigint;
}

/** Parameters of {@link previewIncrease}. */
export interface PreviewIncreaseParameters extends IncreaseParams {
  /**
   * When true, the collateral sits in the market's escrow (an order was created) and the preview
   * moves it out of escrow as the execution does. Default false (a preview before creating the order).
   */
  collateralEscrowed?: boolean;
}

/** What an increase does, exactly as the contract would execute it at these prices and time. */
export interface IncreasePreview {
  key: Hex;
  /** Price impact (positive = in the trader's favour), embedded in the tokens bought or sold. */
  priceImpactUsd: bigint;
  sizeDeltaInTokens: bigint;
  /** Size delta / tokens, rounded against the trader (up for longs, down for shorts): the event's value. */
  executionPrice: bigint;
  positionFeeUsd: bigint;
  /** Borrowing and funding settled on the existing position. */
  borrowingFeeUsd: bigint;
  fundingFeeUsd: bigint;
  /** Collateral moved to the pool for the net cost (fees + borrowing + funding owed). */
  collateralCostAmount: bigint;
  /** Pool tokens moved into collateral when funding earned exceeds the costs. */
  collateralGainAmount: bigint;
  /** Insurance share of the open fee, in collateral tokens (0 once the fund is at its target). */
  insuranceAmount: bigint;
  /** The `change` of the `PositionIncreased` event. */
  change: PositionChange;
  /** The `amounts` of the `PositionIncreased` event. */
  amounts: TradeAmounts;
  /** The position after the increase. */
  position: PositionState;
  /** The market after the increase (rates accrued, balances, open interest). */
  market: MarketState;
  /** Health of the position after the increase, when the size grew (the opening check's input). */
  health: Health | undefined;
  /** Opening requirement the health was checked against, when the size grew. */
  openingMarginUsd: bigint | undefined;
}

const EMPTY_POSITION: Omit<PositionState, "account" | "market" | "collateralToken" | "isLong"> = {
  increasedAt: 0n,
  lastPartialLiquidationAt: 0n,
  sizeUsd: 0n,
  sizeInTokens: 0n,
  collateralAmount: 0n,
  borrowingFactorSnapshot: 0n,
  fundingPerSizeSnapshot: 0n,
};

/**
 * Previews `IncreaseLogic.increase` at `prices` and block `timestamp` on the stored market state
 * (rates are accrued here, as the execution does): price impact, tokens, execution price, the
 * acceptable-price check, fees and their settlement against collateral, the insurance share, and the
 * opening check (size, remaining collateral >= opening margin, open interest, reserve). Throws the
 * contract's error ({@link MirrorRevert}) wherever the execution would revert.
 *
 * @param position the existing position, or undefined / an all-zero position for a new one
 * @example
 * const preview = previewIncrease(market, undefined, {
 *   account, market: marketAddress, collateralToken: usdc, isLong: true,
 *   sizeDeltaUsd: 10_000n * 10n ** 30n, collateralDeltaAmount: 1_000n * 10n ** 6n, acceptablePrice: maxUint256,
 * }, prices, block.timestamp);
 * preview.executionPrice; preview.positionFeeUsd; preview.health?.remainingCollateralUsd;
 */
export function previewIncrease(
  market: MarketState,
  position: PositionState | undefined,
  params: PreviewIncreaseParameters,
  prices: MarketPrices,
  timestamp: bigint,
): IncreasePreview {
  const m = cloneMarketState(market);
  // A paused market still accepts collateral that protects an existing position.
  if (m.paused && params.sizeDeltaUsd > 0n) throw new MirrorRevert("MarketPaused", { market: params.market });
  accrue(m, prices, timestamp);

  const key = positionKey(params.account, params.market, params.collateralToken, params.isLong);
  const collateralIsLongToken = isLongToken(m, params.market, params.collateralToken);
  const before: PositionState =
    position !== undefined && position.account !== ZERO_ADDRESS
      ? position
      : {
          ...EMPTY_POSITION,
          account: ZERO_ADDRESS,
          market: ZERO_ADDRESS,
          collateralToken: ZERO_ADDRESS,
          isLong: false,
        };
  const isNew = before.account === ZERO_ADDRESS;
  if (isNew && params.sizeDeltaUsd === 0n) throw new MirrorRevert("ZeroSizeDelta", {});
  const after: PositionState = isNew
    ? {
        ...before,
        account: params.account,
        market: params.market,
        collateralToken: params.collateralToken,
        isLong: params.isLong,
      }
    : { ...before };

  // Escrowed collateral becomes position collateral.
  if (params.collateralEscrowed === true)
    subEscrow(m.balances, collateralIsLongToken, params.collateralDeltaAmount);
  addCollateral(m.balances, collateralIsLongToken, params.collateralDeltaAmount);
  let collateralAmount = add(before.collateralAmount, params.collateralDeltaAmount);

  // _priceTheIncrease
  const isLong = params.isLong;
  const borrowingFeeUsd = pendingBorrowingFeeUsd(before, m.rates);
  const fundingFeeUsd = pendingFundingFeeUsd(before, m.rates);
  let impactUsd = 0n;
  let sizeDeltaInTokens = 0n;
  let executionPrice = 0n;
  let feeUsd = 0n;
  if (params.sizeDeltaUsd !== 0n) {
    impactUsd = priceImpactUsd(m, params.sizeDeltaUsd, isLong, true);
    sizeDeltaInTokens = sizeDeltaInTokensForIncrease(
      isLong,
      params.sizeDeltaUsd,
      impactUsd,
      isLong ? prices.index.max : prices.index.min,
    );
    if (sizeDeltaInTokens === 0n) throw new MirrorRevert("ZeroSizeDelta", {});
    executionPrice = increaseExecutionPrice(isLong, params.sizeDeltaUsd, sizeDeltaInTokens);
    if (
      !increaseRespectsAcceptablePrice(isLong, params.sizeDeltaUsd, sizeDeltaInTokens, params.acceptablePrice)
    ) {
      throw new MirrorRevert("AcceptablePriceNotMet", {
        executionPrice,
        acceptablePrice: params.acceptablePrice,
      });
    }
    feeUsd = positionFeeUsd(m, params.sizeDeltaUsd, impactUsd);
  }

  // _settleFees
  const collateralPrice = tokenPrice(prices, collateralIsLongToken);
  const netCostUsd = addI(toInt(add(feeUsd, borrowingFeeUsd)), fundingFeeUsd);
  let collateralCostAmount = 0n;
  let collateralGainAmount = 0n;
  let insuranceAmount = 0n;
  if (netCostUsd > 0n) {
    const costAmount = divUp(netCostUsd, collateralPrice.min);
    if (costAmount > collateralAmount) {
      throw new MirrorRevert("InsufficientCollateral", {
        remainingCollateralUsd: subI(toInt(mul(collateralAmount, collateralPrice.min)), netCostUsd),
        requiredUsd: 0n,
      });
    }
    collateralAmount -= costAmount;
    collateralCostAmount = costAmount;
    subCollateral(m.balances, collateralIsLongToken, costAmount);
    addPool(m.balances, collateralIsLongToken, costAmount);
  } else if (netCostUsd < 0n) {
    const gainAmount = div(abs(netCostUsd), collateralPrice.max);
    subPool(m, collateralIsLongToken, gainAmount);
    addCollateral(m.balances, collateralIsLongToken, gainAmount);
    collateralAmount = add(collateralAmount, gainAmount);
    collateralGainAmount = gainAmount;
  }
  if (feeUsd > 0n && insuranceBelowTarget(m, prices)) {
    insuranceAmount = poolToInsurance(
      m,
      collateralIsLongToken,
      div(insuranceShareOf(feeUsd, m.config.fees.insuranceShareFactor), collateralPrice.max),
    );
  }

  const sizeAfter = add(before.sizeUsd, params.sizeDeltaUsd);
  const tokensAfter = add(before.sizeInTokens, sizeDeltaInTokens);
  updateOpenInterest(
    m,
    isLong,
    before.sizeUsd,
    before.sizeInTokens,
    before.borrowingFactorSnapshot,
    before.fundingPerSizeSnapshot,
    sizeAfter,
    tokensAfter,
  );
  after.sizeUsd = sizeAfter;
  after.sizeInTokens = tokensAfter;
  after.collateralAmount = collateralAmount;
  after.borrowingFactorSnapshot = isLong
    ? m.rates.cumulativeBorrowingFactorLong
    : m.rates.cumulativeBorrowingFactorShort;
  after.fundingPerSizeSnapshot = isLong
    ? m.rates.cumulativeFundingPerSizeLong
    : m.rates.cumulativeFundingPerSizeShort;
  after.increasedAt = timestamp;

  let health: Health | undefined;
  let required: bigint | undefined;
  if (params.sizeDeltaUsd > 0n) {
    // _validateIncreasedPosition
    if (after.sizeUsd < m.config.risk.minPositionSizeUsd) {
      throw new MirrorRevert("PositionTooSmall", {
        sizeUsd: after.sizeUsd,
        minPositionSizeUsd: m.config.risk.minPositionSizeUsd,
      });
    }
    health = positionHealth(m, after, m.rates, prices);
    required = openingMarginUsd(m, after.sizeUsd);
    if (health.remainingCollateralUsd < toInt(required)) {
      throw new MirrorRevert("InsufficientCollateral", {
        remainingCollateralUsd: health.remainingCollateralUsd,
        requiredUsd: required,
      });
    }
    validateOpenInterest(m, isLong);
    validateReserve(m, prices, isLong);
  }

  return {
    key,
    priceImpactUsd: impactUsd,
    sizeDeltaInTokens,
    executionPrice,
    positionFeeUsd: feeUsd,
    borrowingFeeUsd,
    fundingFeeUsd,
    collateralCostAmount,
    collateralGainAmount,
    insuranceAmount,
    change: {
      sizeDeltaUsd: params.sizeDeltaUsd,
      sizeDeltaInTokens,
      executionPrice,
      collateralDeltaAmount: params.collateralDeltaAmount,
      sizeUsdAfter: sizeAfter,
      collateralAmountAfter: collateralAmount,
    },
    amounts: {
      realizedPnlUsd: 0n,
      priceImpactUsd: impactUsd,
      positionFeeUsd: feeUsd,
      borrowingFeeUsd,
      fundingFeeUsd,
    },
    position: after,
    market: m,
    health,
    openingMarginUsd: required,
  };
}

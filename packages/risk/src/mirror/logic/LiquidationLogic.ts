/**
 * Mirror of `contracts/src/logic/LiquidationLogic.sol`: the liquidation condition, the size a
 * liquidation closes (full, or a slice for large positions), and auto-deleveraging.
 * @module
 */
import { MirrorRevert } from "../errors.js";
import { add, sub } from "../evm.js";
import { mulDown, toInt } from "../libraries/FixedPoint.js";
import { pnlUsd } from "../libraries/PositionMath.js";
import {
  cloneMarketState,
  DECREASE_KIND,
  type Health,
  type MarketPrices,
  type MarketState,
  type PositionState,
  type RateState,
  ZERO_ADDRESS,
} from "../types.js";
import { type DecreasePreview, decreaseAccrued } from "./DecreaseLogic.js";
import { accrue, pnlToPoolFactor } from "./MarketLogic.js";
import { maintenanceMarginUsd, positionHealth, positionKey } from "./PositionHealth.js";

/**
 * Whether a position can be liquidated: remaining collateral < maintenance margin (strictly). One at
 * or above maintenance never can.
 *
 * @example
 * const rates = accruedRates(market, prices, block.timestamp);
 * isLiquidatable(market, position, rates, prices); // = getPositionHealth(key, prices).liquidatable
 */
export function isLiquidatable(
  m: MarketState,
  position: PositionState,
  rates: RateState,
  prices: MarketPrices,
): boolean {
  return (
    positionHealth(m, position, rates, prices).remainingCollateralUsd <
    toInt(maintenanceMarginUsd(m, position.sizeUsd))
  );
}

/**
 * The size a liquidation closes (`LiquidationLogic._liquidationSize`): positions of at least
 * `partialLiquidationThresholdUsd` with positive remaining collateral lose a slice of
 * `partialLiquidationFactor`, unless a slice was taken within the cooldown (then all of it goes), or
 * the slice is zero or would leave less than the minimum position size.
 *
 * @param timestamp the block timestamp of the liquidation
 */
export function liquidationSizeUsd(
  m: MarketState,
  position: PositionState,
  remainingCollateralUsd: bigint,
  timestamp: bigint,
): bigint {
  const threshold = m.config.safety.partialLiquidationThresholdUsd;
  if (threshold === 0n || position.sizeUsd < threshold || remainingCollateralUsd <= 0n)
    return position.sizeUsd;
  if (
    position.lastPartialLiquidationAt !== 0n &&
    timestamp < add(position.lastPartialLiquidationAt, m.config.safety.partialLiquidationCooldown)
  ) {
    return position.sizeUsd;
  }
  const slice = mulDown(position.sizeUsd, m.config.safety.partialLiquidationFactor);
  if (slice === 0n || sub(position.sizeUsd, slice) < m.config.risk.minPositionSizeUsd)
    return position.sizeUsd;
  return slice;
}

/** What `liquidatePosition` would do: the check, the size closed, and the decrease. */
export interface LiquidationPreview {
  /** Health before the liquidation (the `PositionLiquidated` event's remaining collateral). */
  health: Health;
  maintenanceMarginUsd: bigint;
  sizeDeltaUsd: bigint;
  isPartial: boolean;
  /** The decrease, kind `Liquidation` or `PartialLiquidation`. */
  decrease: DecreasePreview;
  /** The position afterwards (its `lastPartialLiquidationAt` set after a slice), undefined once closed. */
  position: PositionState | undefined;
}

/**
 * Previews `LiquidationLogic.liquidate` at `prices` and block `timestamp` on the stored market state.
 * Throws `PositionNotFound` or `PositionNotLiquidatable(key, remaining, maintenance)` as the contract.
 */
export function previewLiquidation(
  market: MarketState,
  position: PositionState,
  prices: MarketPrices,
  timestamp: bigint,
): LiquidationPreview {
  const key = positionKey(position.account, position.market, position.collateralToken, position.isLong);
  if (position.account === ZERO_ADDRESS) throw new MirrorRevert("PositionNotFound", { positionKey: key });
  const m = cloneMarketState(market);
  accrue(m, prices, timestamp);
  const health = positionHealth(m, position, m.rates, prices);
  const maintenance = maintenanceMarginUsd(m, position.sizeUsd);
  if (health.remainingCollateralUsd >= toInt(maintenance)) {
    throw new MirrorRevert("PositionNotLiquidatable", {
      positionKey: key,
      remainingCollateralUsd: health.remainingCollateralUsd,
      maintenanceMarginUsd: maintenance,
    });
  }
  const sizeDeltaUsd = liquidationSizeUsd(m, position, health.remainingCollateralUsd, timestamp);
  const isPartial = sizeDeltaUsd < position.sizeUsd;
  const decrease = decreaseAccrued(
    m,
    position,
    {
      kind: isPartial ? DECREASE_KIND.PartialLiquidation : DECREASE_KIND.Liquidation,
      sizeDeltaUsd,
      collateralWithdrawAmount: 0n,
      acceptablePrice: 0n,
    },
    prices,
  );
  const after =
    decrease.position !== undefined && isPartial
      ? { ...decrease.position, lastPartialLiquidationAt: timestamp }
      : decrease.position;
  return { health, maintenanceMarginUsd: maintenance, sizeDeltaUsd, isPartial, decrease, position: after };
}

/** What `executeAdl` would do. */
export interface AdlPreview {
  /**
   * False when ADL was active for the side and its factor is already back at or below the target:
   * the episode ends (ADL deactivated) without deleveraging, and `executeAdl` returns false.
   */
  executed: boolean;
  /** The side's PnL to pool factor before. */
  pnlToPoolFactor: bigint;
  /** The factor it was compared with (the target while ADL is active, the trigger otherwise). */
  threshold: bigint;
  /** The decrease, when executed. */
  decrease: DecreasePreview | undefined;
  /** The factor afterwards (= before when not executed), and whether ADL stays active. */
  pnlToPoolFactorAfter: bigint;
  adlActiveAfter: boolean;
  /** The market afterwards. */
  market: MarketState;
}

/**
 * Previews `LiquidationLogic.adl` at `prices` and block `timestamp`: ends an active episode whose
 * factor is back at or below the target (not executed); otherwise reverts `AdlNotTriggered` unless
 * the side's PnL to pool factor is above the trigger (the target while active), `PositionNotInProfit`
 * unless the position is in profit, and closes at the oracle price with no negative impact.
 */
export function previewAdl(
  market: MarketState,
  position: PositionState,
  sizeDeltaUsd: bigint,
  prices: MarketPrices,
  timestamp: bigint,
): AdlPreview {
  const key = positionKey(position.account, position.market, position.collateralToken, position.isLong);
  if (position.account === ZERO_ADDRESS) throw new MirrorRevert("PositionNotFound", { positionKey: key });
  const m = cloneMarketState(market);
  const isLong = position.isLong;
  accrue(m, prices, timestamp);
  const factor = pnlToPoolFactor(m, prices, isLong);
  const active = isLong ? m.adlActiveLong : m.adlActiveShort;
  if (active && factor <= m.config.safety.adlTargetFactor) {
    if (isLong) m.adlActiveLong = false;
    else m.adlActiveShort = false;
    return {
      executed: false,
      pnlToPoolFactor: factor,
      threshold: m.config.safety.adlTargetFactor,
      decrease: undefined,
      pnlToPoolFactorAfter: factor,
      adlActiveAfter: false,
      market: m,
    };
  }
  const threshold = active ? m.config.safety.adlTargetFactor : m.config.safety.adlTriggerFactor;
  if (factor <= threshold) {
    throw new MirrorRevert("AdlNotTriggered", {
      market: position.market,
      isLong,
      pnlToPoolFactor: factor,
      triggerFactor: threshold,
    });
  }
  const pnl = pnlUsd(
    isLong,
    position.sizeUsd,
    position.sizeInTokens,
    isLong ? prices.index.min : prices.index.max,
  );
  if (pnl <= 0n) throw new MirrorRevert("PositionNotInProfit", { positionKey: key, pnlUsd: pnl });
  const decrease = decreaseAccrued(
    m,
    position,
    { kind: DECREASE_KIND.Adl, sizeDeltaUsd, collateralWithdrawAmount: 0n, acceptablePrice: 0n },
    prices,
  );
  const factorAfter = pnlToPoolFactor(m, prices, isLong);
  const stillActive = factorAfter > m.config.safety.adlTargetFactor;
  if (isLong) m.adlActiveLong = stillActive;
  else m.adlActiveShort = stillActive;
  return {
    executed: true,
    pnlToPoolFactor: factor,
    threshold,
    decrease,
    pnlToPoolFactorAfter: factorAfter,
    adlActiveAfter: stillActive,
    market: m,
  };
}

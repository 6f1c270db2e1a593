import { isMirrorRevert } from "../mirror/errors.js";
import { MAX_UINT256, mulDiv } from "../mirror/evm.js";
import { toInt } from "../mirror/libraries/FixedPoint.js";
import { accruedRates } from "../mirror/logic/MarketLogic.js";
import { maintenanceMarginUsd, positionHealth } from "../mirror/logic/PositionHealth.js";
import {
  type Health,
  type MarketPrices,
  type MarketState,
  type PositionState,
  type PriceRange,
  sameAddress,
} from "../mirror/types.js";

/** Parameters of {@link liquidationPrice}. */
export interface LiquidationPriceParameters {
  /** The market as stored (rates are accrued to `timestamp` at every candidate price, as the views do). */
  market: MarketState;
  position: PositionState;
  /** Current prices: the search starts from the index price the contract uses for the position. */
  prices: MarketPrices;
  /** Block timestamp to evaluate at (accrued borrowing and funding up to it). */
  timestamp: bigint;
  /**
   * The market prices when the index price the contract uses for this position (min for longs, max
   * for shorts) is `indexPrice`. Default {@link scaledPricesAt}: the index range moves with its
   * current relative spread, and a pool token that is the index token moves with it.
   */
  pricesAt?: (indexPrice: bigint) => MarketPrices;
}

/** The liquidation price of a position, and the health there. */
export interface LiquidationPriceResult {
  /**
   * Longs: the highest index min price at or below the current one at which the position is
   * liquidatable (one unit higher it is not). Shorts: the lowest index max price at or above the
   * current one at which it is liquidatable (one unit lower it is not). Undefined when no such price
   * exists in that direction (e.g. a short whose collateral is the index token and covers it).
   * Prices are USD with 30 decimals per smallest index token unit.
   */
  price: bigint | undefined;
  /** The side of the index price range the contract compares for this position. */
  side: "min" | "max";
  /** Whether the position is liquidatable at the current prices (then `price` is the current one). */
  liquidatableNow: boolean;
  /** Health and maintenance margin at `price`. */
  health: Health | undefined;
  maintenanceMarginUsd: bigint;
}

/**
 * The default price scenario: the index range's side used for the position becomes `indexPrice`, the
 * other side keeps the current relative spread (rounded down), and the long or short pool token,
 * when it is the index token, takes the same range (same feed, same prices on chain). Other tokens
 * keep their prices.
 */
export function scaledPricesAt(
  market: MarketState,
  prices: MarketPrices,
  isLong: boolean,
): (indexPrice: bigint) => MarketPrices {
  const current = prices.index;
  return (indexPrice) => {
    const index: PriceRange = isLong
      ? { min: indexPrice, max: mulDiv(indexPrice, current.max, current.min) }
      : { min: mulDiv(indexPrice, current.min, current.max), max: indexPrice };
    return {
      index,
      long: sameAddress(market.longToken, market.indexToken) ? index : prices.long,
      short: sameAddress(market.shortToken, market.indexToken) ? index : prices.short,
    };
  };
}

/**
 * The index price at which a position's remaining collateral (collateral at its min price + PnL -
 * accrued borrowing and funding - close fee - negative close impact, with the collateral's own price
 * moving when it is the index token) falls below its maintenance margin: the first price at which
 * the mirror's `isLiquidatable` (= the contract's `getPositionHealth(...).liquidatable` at
 * `timestamp`) is true, found by exponential search and integer bisection on the 30-decimal unit
 * price (about 100 exact evaluations). Longs are searched downward on the min price, shorts upward
 * on the max price; the remaining collateral is monotone in the price along that direction (the only
 * price-dependent term besides PnL and collateral is borrowing accrued since the last update), so
 * the boundary found is the one nearest the current price.
 *
 * @example
 * const { price } = liquidationPrice({ market, position, prices, timestamp: block.timestamp });
 * // at `price` getPositionHealth(key, pricesAt(price)).liquidatable is true; one unit closer to
 * // the current price it is false
 */
export function liquidationPrice(parameters: LiquidationPriceParameters): LiquidationPriceResult {
  const { market, position, prices, timestamp } = parameters;
  const isLong = position.isLong;
  const side = isLong ? "min" : "max";
  const pricesAt = parameters.pricesAt ?? scaledPricesAt(market, prices, isLong);
  const maintenance = maintenanceMarginUsd(market, position.sizeUsd);
  const maintenanceInt = toInt(maintenance);
  const evaluateAt = (indexPrice: bigint): Health | undefined => {
    try {
      const at = pricesAt(indexPrice);
      return positionHealth(market, position, accruedRates(market, at, timestamp), at);
    } catch (error) {
      // A price so extreme that the contract's arithmetic would revert: no answer there.
      if (isMirrorRevert(error)) return undefined;
      throw error;
    }
  };
  const liquidatableAt = (indexPrice: bigint): boolean | undefined => {
    const health = evaluateAt(indexPrice);
    return health === undefined ? undefined : health.remainingCollateralUsd < maintenanceInt;
  };

  const current = isLong ? prices.index.min : prices.index.max;
  const result = (price: bigint | undefined, liquidatableNow: boolean): LiquidationPriceResult => ({
    price,
    side,
    liquidatableNow,
    health: price === undefined ? undefined : evaluateAt(price),
    maintenanceMarginUsd: maintenance,
  });
  if (liquidatableAt(current) === true) return result(current, true);

  // `safe` is not liquidatable, `unsafe` is; the boundary lies between them.
  let safe = current;
  let unsafe: bigint;
  if (isLong) {
    if (liquidatableAt(1n) !== true) return result(undefined, false);
    unsafe = 1n;
  } else {
    let candidate = current;
    let found: bigint | undefined;
    for (let i = 0; i < 256 && candidate < MAX_UINT256; i++) {
      candidate = candidate * 2n > MAX_UINT256 ? MAX_UINT256 : candidate * 2n;
      const liquidatable = liquidatableAt(candidate);
      if (liquidatable === undefined) break;
      if (liquidatable) {
        found = candidate;
        break;
      }
      safe = candidate;
    }
    if (found === undefined) return result(undefined, false);
    unsafe = found;
  }
  while (safe - unsafe > 1n || unsafe - safe > 1n) {
    const mid = (safe + unsafe) / 2n;
    if (liquidatableAt(mid) === true) unsafe = mid;
    else safe = mid;
  }
  return result(unsafe, false);
}

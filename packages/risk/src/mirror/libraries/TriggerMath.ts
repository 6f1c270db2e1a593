/**
 * Mirror of `contracts/src/libraries/TriggerMath.sol`: whether a trigger order may execute.
 * @module
 */
import { ORDER_TYPE, type OrderType, type PriceRange } from "../types.js";

/**
 * Whether an order may execute now, and the index price compared with its trigger (0 for market
 * orders): limit increases buy at or below (long) / sell at or above (short) the trigger on the max
 * (long) / min (short) price; decreases compare the min (long) / max (short) price: take profit when
 * it passed the trigger in the trader's favour, stop loss when it reached it against them.
 */
export function triggerReached(
  orderType: OrderType,
  isLong: boolean,
  triggerPrice: bigint,
  index: PriceRange,
): { reached: boolean; price: bigint } {
  if (orderType === ORDER_TYPE.MarketIncrease || orderType === ORDER_TYPE.MarketDecrease) {
    return { reached: true, price: 0n };
  }
  if (orderType === ORDER_TYPE.LimitIncrease) {
    const price = isLong ? index.max : index.min;
    return { reached: isLong ? price <= triggerPrice : price >= triggerPrice, price };
  }
  const price = isLong ? index.min : index.max;
  if (orderType === ORDER_TYPE.LimitDecrease) {
    return { reached: isLong ? price >= triggerPrice : price <= triggerPrice, price };
  }
  return { reached: isLong ? price <= triggerPrice : price >= triggerPrice, price };
}

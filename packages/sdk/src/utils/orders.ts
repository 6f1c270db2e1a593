import { ORDER_TYPE } from "@bastion/contracts";
import type { Address } from "viem";
import { InvalidParameterError } from "../errors/errors.js";
import type { OrderTypeName } from "../types.js";
import { applySlippage } from "./slippage.js";

/** What `createOrder` needs besides the exchange and the execution fee. */
export interface OrderParameters {
  market: Address;
  collateralToken: Address;
  isLong: boolean;
  orderType: OrderTypeName;
  /** USD, 30 decimals. */
  sizeDeltaUsd: bigint;
  /** Collateral token units: added on increases, withdrawn on decreases. */
  collateralDeltaAmount: bigint;
  /** Unit price (USD 30 decimals per smallest index token unit); 0 for market orders. */
  triggerPrice: bigint;
  /** Unit price bound of the execution price. */
  acceptablePrice: bigint;
}

/** Whether an order is an increase. */
export function isIncreaseOrder(orderType: OrderTypeName): boolean {
  return orderType === "MarketIncrease" || orderType === "LimitIncrease";
}

/** Whether an order executes with the first prices after creation (no trigger) and expires. */
export function isMarketOrder(orderType: OrderTypeName): boolean {
  return orderType === "MarketIncrease" || orderType === "MarketDecrease";
}

/**
 * Whether the acceptable price of an order is a maximum (long increases and short decreases buy
 * the index token) rather than a minimum.
 */
export function acceptablePriceIsMax(orderType: OrderTypeName, isLong: boolean): boolean {
  return isIncreaseOrder(orderType) === isLong;
}

/**
 * The acceptable price for an order from a reference price and a slippage in basis points: above it
 * when the bound is a maximum (long increase, short decrease), below it otherwise.
 *
 * @example
 * acceptablePrice({ orderType: "MarketIncrease", isLong: true, price: toUnitPrice("3000", 18), slippageBps: 50 });
 * // 3015e12: a long may open at up to 3015 USD per ETH
 */
export function acceptablePrice(parameters: {
  orderType: OrderTypeName;
  isLong: boolean;
  price: bigint;
  slippageBps: number | bigint;
}): bigint {
  const { orderType, isLong, price, slippageBps } = parameters;
  if (!(orderType in ORDER_TYPE))
    throw new InvalidParameterError("orderType", `unknown order type ${orderType}`);
  return applySlippage(price, slippageBps, acceptablePriceIsMax(orderType, isLong) ? "up" : "down");
}

interface BaseOrderInput {
  market: Address;
  collateralToken: Address;
  isLong: boolean;
  sizeDeltaUsd: bigint;
  slippageBps: number | bigint;
}

/**
 * A market order opening or growing a position, with the acceptable price `slippageBps` away from
 * the current index unit price.
 *
 * @example
 * await createOrder(walletClient, {
 *   exchange,
 *   ...marketIncreaseOrder({ market, collateralToken: usdc, isLong: true, sizeDeltaUsd: parseUsd("10000"),
 *     collateralAmount: 1_000_000_000n, indexPrice: toUnitPrice("3000", 18), slippageBps: 50 }),
 * });
 */
export function marketIncreaseOrder(
  input: BaseOrderInput & { collateralAmount: bigint; indexPrice: bigint },
): OrderParameters {
  return build("MarketIncrease", input, input.collateralAmount, 0n, input.indexPrice);
}

/** A market order shrinking or closing a position (`collateralAmount` is withdrawn; default 0). */
export function marketDecreaseOrder(
  input: BaseOrderInput & { collateralAmount?: bigint; indexPrice: bigint },
): OrderParameters {
  return build("MarketDecrease", input, input.collateralAmount ?? 0n, 0n, input.indexPrice);
}

/** A limit order opening a position once the index price crosses `triggerPrice` (below it for longs). */
export function limitIncreaseOrder(
  input: BaseOrderInput & { collateralAmount: bigint; triggerPrice: bigint },
): OrderParameters {
  return build("LimitIncrease", input, input.collateralAmount, input.triggerPrice, input.triggerPrice);
}

/** A take-profit (`LimitDecrease`): closes when the price rises to the trigger (longs) or falls to it (shorts). */
export function takeProfitOrder(
  input: BaseOrderInput & { collateralAmount?: bigint; triggerPrice: bigint },
): OrderParameters {
  return build("LimitDecrease", input, input.collateralAmount ?? 0n, input.triggerPrice, input.triggerPrice);
}

/** A stop-loss (`StopLossDecrease`): closes when the price falls to the trigger (longs) or rises to it (shorts). */
export function stopLossOrder(
  input: BaseOrderInput & { collateralAmount?: bigint; triggerPrice: bigint },
): OrderParameters {
  return build(
    "StopLossDecrease",
    input,
    input.collateralAmount ?? 0n,
    input.triggerPrice,
    input.triggerPrice,
  );
}

function build(
  orderType: OrderTypeName,
  input: BaseOrderInput,
  collateralDeltaAmount: bigint,
  triggerPrice: bigint,
  referencePrice: bigint,
): OrderParameters {
  if (referencePrice <= 0n) {
    throw new InvalidParameterError(
      isMarketOrder(orderType) ? "indexPrice" : "triggerPrice",
      "must be positive",
    );
  }
  return {
    market: input.market,
    collateralToken: input.collateralToken,
    isLong: input.isLong,
    orderType,
    sizeDeltaUsd: input.sizeDeltaUsd,
    collateralDeltaAmount,
    triggerPrice,
    acceptablePrice: acceptablePrice({
      orderType,
      isLong: input.isLong,
      price: referencePrice,
      slippageBps: input.slippageBps,
    }),
  };
}

import { ORDER_TYPE } from "@bastion/contracts";
import {
  type Address,
  type Hash,
  isAddressEqual,
  type TransactionReceipt,
  type WriteContractErrorType,
} from "viem";
import {
  type BastionContractError,
  EventNotFoundError,
  type ExecutionFeeTooLowError,
  InvalidParameterError,
  type UnknownMarketError,
} from "../../errors/errors.js";
import {
  exchangeEvents,
  loadWriteContext,
  requireNonNegative,
  resolveExecutionFee,
} from "../../internal/context.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "../../internal/write.js";
import type { OrderTypeName } from "../../types.js";
import { acceptablePriceIsMax, isMarketOrder } from "../../utils/orders.js";

export interface CreateOrderParameters extends WriteOptions {
  exchange: Address;
  market: Address;
  /** One of the market's pool tokens. */
  collateralToken: Address;
  isLong: boolean;
  /** `MarketIncrease`, `MarketDecrease`, `LimitIncrease`, `LimitDecrease` (take profit) or `StopLossDecrease`. */
  orderType: OrderTypeName;
  /** Size change, USD with 30 decimals (0 to only add or withdraw collateral). */
  sizeDeltaUsd: bigint;
  /** Collateral token units escrowed (increases) or withdrawn (decreases); default 0. */
  collateralDeltaAmount?: bigint | undefined;
  /** Trigger unit price for limit/take-profit/stop-loss orders; must be 0 (default) for market orders. */
  triggerPrice?: bigint | undefined;
  /**
   * Bound on the execution unit price (USD 30 decimals per smallest index token unit): a maximum
   * for long increases and short decreases (required), a minimum otherwise (0 = any). See
   * `acceptablePrice` and the order helpers (`marketIncreaseOrder`, ...) to derive it from a slippage.
   */
  acceptablePrice?: bigint | undefined;
  /** Wei paid to the executing keeper (default: the exchange's minimum). */
  executionFee?: bigint | undefined;
}

export interface CreateOrderReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The order's id (from `OrderCreated`). */
  requestId: bigint;
}

export type CreateOrderErrorType =
  | InvalidParameterError
  | ExecutionFeeTooLowError
  | UnknownMarketError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Requests a position change: market, limit, take-profit or stop-loss, increase or decrease.
 * Increases escrow the collateral (approve the exchange for it first).
 *
 * @example
 * const { requestId } = await createOrder(walletClient, {
 *   exchange,
 *   ...marketIncreaseOrder({
 *     market: deployment.ethUsdMarket, collateralToken: deployment.usdc, isLong: true,
 *     sizeDeltaUsd: parseUsd("5000"), collateralAmount: 500_000_000n, // 500 USDC
 *     indexPrice: toUnitPrice("3000", 18), slippageBps: 50,
 *   }),
 * });
 */
export async function createOrder(
  client: SigningClient,
  parameters: CreateOrderParameters,
): Promise<CreateOrderReturnType> {
  const { exchange, market, collateralToken, isLong, orderType, sizeDeltaUsd } = parameters;
  const collateralDeltaAmount = parameters.collateralDeltaAmount ?? 0n;
  const triggerPrice = parameters.triggerPrice ?? 0n;
  const acceptablePrice = parameters.acceptablePrice ?? 0n;
  const orderTypeNumber = ORDER_TYPE[orderType];
  if (orderTypeNumber === undefined) {
    throw new InvalidParameterError("orderType", `must be one of ${Object.keys(ORDER_TYPE).join(", ")}`);
  }
  requireNonNegative("sizeDeltaUsd", sizeDeltaUsd);
  requireNonNegative("collateralDeltaAmount", collateralDeltaAmount);
  requireNonNegative("triggerPrice", triggerPrice);
  requireNonNegative("acceptablePrice", acceptablePrice);
  if (sizeDeltaUsd === 0n && collateralDeltaAmount === 0n) {
    throw new InvalidParameterError(
      "sizeDeltaUsd",
      "the order changes neither size nor collateral (both are zero)",
    );
  }
  if (isMarketOrder(orderType) && triggerPrice !== 0n) {
    throw new InvalidParameterError("triggerPrice", `${orderType} orders take no trigger price`);
  }
  if (!isMarketOrder(orderType) && triggerPrice === 0n) {
    throw new InvalidParameterError("triggerPrice", `${orderType} orders need a trigger price`);
  }
  if (acceptablePriceIsMax(orderType, isLong) && acceptablePrice === 0n) {
    throw new InvalidParameterError(
      "acceptablePrice",
      `${isLong ? "long" : "short"} ${orderType} orders need a maximum acceptable price`,
    );
  }
  const context = await loadWriteContext(client, exchange, market);
  if (
    !isAddressEqual(collateralToken, context.market.longToken) &&
    !isAddressEqual(collateralToken, context.market.shortToken)
  ) {
    throw new InvalidParameterError(
      "collateralToken",
      `${collateralToken} is not one of the market's pool tokens (${context.market.longToken}, ${context.market.shortToken})`,
    );
  }
  const executionFee = resolveExecutionFee(context.settings, parameters.executionFee);
  const { hash, receipt } = await simulateAndSend(client, {
    action: "createOrder",
    address: exchange,
    functionName: "createOrder",
    args: [
      {
        market,
        collateralToken,
        isLong,
        orderType: orderTypeNumber,
        sizeDeltaUsd,
        collateralDeltaAmount,
        triggerPrice,
        acceptablePrice,
      },
    ],
    value: executionFee,
    account: parameters.account,
    gas: parameters.gas,
  });
  const [event] = exchangeEvents(exchange, receipt.logs, "OrderCreated");
  if (!event) throw new EventNotFoundError("OrderCreated", hash);
  return { hash, receipt, requestId: event.args.id };
}

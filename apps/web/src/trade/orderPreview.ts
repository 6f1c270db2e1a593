import {
  type MarketPrices,
  type MarketState,
  type OrderPreview,
  type OrderSize,
  type PositionState,
  previewOrder,
  scaledPricesAt,
} from "@bastion/risk";
import { type Address, zeroAddress } from "viem";

export type IncreasePreviewInput = {
  state: MarketState;
  marketAddress: Address;
  /** The trader, or undefined before a wallet is connected (the preview is the same for anyone). */
  account: Address | undefined;
  /** The trader's position on this side with this collateral, if any. */
  position: PositionState | undefined;
  prices: MarketPrices;
  timestamp: bigint;
  isLong: boolean;
  collateralToken: Address;
  collateralAmount: bigint;
  size: OrderSize;
  slippageBps: bigint;
  /** Limit orders: preview as if the index price were at the trigger. */
  triggerPrice?: bigint | undefined;
};

/**
 * The exact preview of an increase (the mirror of the contract): entry price with impact, fees,
 * acceptable price for the slippage, the opening checks and the resulting liquidation price. A
 * limit order is previewed at its trigger price.
 */
export function previewIncreaseOrder(input: IncreasePreviewInput): OrderPreview {
  const prices =
    input.triggerPrice === undefined
      ? input.prices
      : scaledPricesAt(input.state, input.prices, input.isLong)(input.triggerPrice);
  return previewOrder({
    market: input.state,
    marketAddress: input.marketAddress,
    account: input.account ?? zeroAddress,
    ...(input.position === undefined ? {} : { position: input.position }),
    prices,
    timestamp: input.timestamp,
    isLong: input.isLong,
    collateralToken: input.collateralToken,
    collateralAmount: input.collateralAmount,
    size: input.size,
    slippageBps: input.slippageBps,
  });
}

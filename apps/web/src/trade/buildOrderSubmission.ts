import { createOrder, type OrderParameters, stopLossOrder, takeProfitOrder } from "@bastion/sdk";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUsd } from "../format/formatUsd";
import type { RequestSubmission } from "../requests/useRequestSubmission";
import { isIncreaseKind, orderTypeOf } from "./orderForm";
import type { OrderTicket } from "./useOrderTicket";

/** The SDK order for a valid ticket, and how it is labelled while pending; undefined if incomplete. */
export function buildOrderSubmission(
  ticket: OrderTicket,
  market: MarketConfig,
): RequestSubmission | undefined {
  const { values, parsed, preview, position, collateralToken } = ticket;
  const isLong = values.side === "long";
  const side = isLong ? "long" : "short";
  let order: OrderParameters;
  let label: string;
  if (isIncreaseKind(values.kind)) {
    const collateralAmount = parsed.collateralAmount;
    if (preview === undefined || collateralAmount === undefined) return undefined;
    order = {
      market: market.address,
      collateralToken: collateralToken.address,
      isLong,
      orderType: orderTypeOf(values.kind),
      sizeDeltaUsd: preview.sizeDeltaUsd,
      collateralDeltaAmount: collateralAmount,
      triggerPrice: values.kind === "limit" ? (parsed.triggerPrice ?? 0n) : 0n,
      acceptablePrice: preview.acceptablePrice,
    };
    label =
      values.kind === "market"
        ? `Open ${side} ${market.symbol} ${formatUsd(preview.sizeDeltaUsd)}`
        : `Limit ${side} ${market.symbol} ${formatUsd(preview.sizeDeltaUsd)} at ${formatTokenPriceUsd(order.triggerPrice, market.indexToken.decimals)}`;
  } else {
    const triggerPrice = parsed.triggerPrice;
    if (position === undefined || triggerPrice === undefined || parsed.slippageBps === undefined)
      return undefined;
    const input = {
      market: market.address,
      collateralToken: collateralToken.address,
      isLong,
      sizeDeltaUsd: parsed.closeSizeUsd ?? position.sizeUsd,
      triggerPrice,
      slippageBps: parsed.slippageBps,
    };
    order = values.kind === "take-profit" ? takeProfitOrder(input) : stopLossOrder(input);
    label = `${values.kind === "take-profit" ? "Take profit" : "Stop loss"} ${side} ${market.symbol} at ${formatTokenPriceUsd(triggerPrice, market.indexToken.decimals)}`;
  }
  const approvals =
    isIncreaseKind(values.kind) && order.collateralDeltaAmount > 0n
      ? [
          {
            token: collateralToken.address,
            amount: order.collateralDeltaAmount,
            symbol: collateralToken.symbol,
          },
        ]
      : [];
  return {
    kind: "order",
    market: market.address,
    label,
    origin: "trade",
    approvals,
    send: (client, exchange) => createOrder(client, { exchange, ...order }),
  };
}

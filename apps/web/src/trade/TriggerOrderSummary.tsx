import { scaledPricesAt } from "@bastion/risk";
import { acceptablePrice as acceptablePriceFor } from "@bastion/sdk";
import { useExecutionTimestamp } from "../chain/useNow";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUsd } from "../format/formatUsd";
import { netPnlUsd, previewClose } from "../positions/decreasePnl";
import { type Stat, StatList, toneOf } from "../ui/StatList";
import { orderTypeOf } from "./orderForm";
import type { OrderTicket } from "./useOrderTicket";

/** Take-profit / stop-loss: what closes, at which price, and the PnL after fees if it closed there. */
export function TriggerOrderSummary({ ticket, market }: { ticket: OrderTicket; market: MarketConfig }) {
  const timestamp = useExecutionTimestamp();
  const { position, state, prices, parsed, values } = ticket;
  if (position === undefined) {
    return (
      <section className="order-preview" aria-label="Order preview">
        <p className="order-preview__placeholder">
          Take-profit and stop-loss orders close an open position: open a {values.side} with{" "}
          {ticket.collateralToken.symbol} collateral first.
        </p>
      </section>
    );
  }
  const price = (value: bigint) => formatTokenPriceUsd(value, market.indexToken.decimals);
  const requested = parsed.closeSizeUsd ?? position.sizeUsd;
  // biome-ignore lint/complexity/useMathMinMax: bigints (Math.min takes numbers).
  const closeSize = requested > position.sizeUsd ? position.sizeUsd : requested;
  const trigger = parsed.triggerPrice;
  const atTrigger =
    trigger === undefined || state === undefined || prices === undefined
      ? undefined
      : previewClose({
          state,
          position,
          sizeDeltaUsd: closeSize,
          prices: scaledPricesAt(state, prices, position.isLong)(trigger),
          timestamp,
        });
  const stats: Stat[] = [
    { label: "Position size", value: formatUsd(position.sizeUsd), id: "position-size" },
    {
      label: "Closes",
      value: formatUsd(closeSize),
      id: "close-size",
    },
    { label: "Trigger price", value: trigger === undefined ? "—" : price(trigger), id: "trigger-price" },
    {
      label: "Acceptable price",
      value:
        trigger === undefined || parsed.slippageBps === undefined
          ? "—"
          : price(
              acceptablePriceFor({
                orderType: orderTypeOf(values.kind),
                isLong: position.isLong,
                price: trigger,
                slippageBps: parsed.slippageBps,
              }),
            ),
      id: "acceptable-price",
    },
  ];
  if (atTrigger?.ok) {
    const pnl = netPnlUsd(atTrigger.preview.amounts);
    stats.push({
      label: "PnL after fees at trigger",
      value: formatUsd(pnl, { sign: "always" }),
      tone: toneOf(pnl),
      id: "pnl-at-trigger",
    });
  }
  return (
    <section className="order-preview" aria-label="Order preview">
      <StatList stats={stats} label="Order preview" />
    </section>
  );
}

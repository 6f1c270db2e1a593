import { liquidationPrice } from "@bastion/risk";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUsd } from "../format/formatUsd";
import { netPnlUsd } from "../positions/decreasePnl";
import { useMarketPrices } from "../prices/useMarketPrices";
import { type Stat, StatList, toneOf } from "../ui/StatList";
import type { ExecutedOutcome } from "./readRequestOutcome";
import { useExecutedPosition } from "./useExecutedPosition";

type OrderOutcome = Extract<ExecutedOutcome, { kind: "order" }>;

/** An executed increase: the entry, the fee, and the position's liquidation price as executed. */
function IncreaseSummary({ market, outcome }: { market: MarketConfig; outcome: OrderOutcome }) {
  const executed = useExecutedPosition(market.address, outcome.positionKey, outcome.blockNumber);
  const { prices } = useMarketPrices(market);
  const price = (value: bigint) => formatTokenPriceUsd(value, market.indexToken.decimals);
  let liquidation = "…";
  if (executed.data !== undefined && prices !== undefined) {
    const { state, position, timestamp } = executed.data;
    if (position === null) liquidation = "—";
    else {
      const result = liquidationPrice({ market: state, position, prices, timestamp });
      liquidation = result.price === undefined ? "None" : price(result.price);
    }
  }
  const stats: Stat[] = [
    { label: "Entry price", value: price(outcome.change.executionPrice), id: "executed-entry-price" },
    { label: "Size", value: formatUsd(outcome.change.sizeUsdAfter), id: "executed-size" },
    { label: "Open fee", value: formatUsd(outcome.amounts.positionFeeUsd), id: "executed-open-fee" },
    { label: "Liquidation price", value: liquidation, id: "executed-liquidation-price" },
  ];
  return <StatList stats={stats} columns={2} label="Executed order" />;
}

/** An executed decrease: the exit price and the PnL after every fee. */
function DecreaseSummary({ market, outcome }: { market: MarketConfig; outcome: OrderOutcome }) {
  const pnl = netPnlUsd(outcome.amounts);
  const stats: Stat[] = [
    {
      label: "Exit price",
      value: formatTokenPriceUsd(outcome.change.executionPrice, market.indexToken.decimals),
      id: "executed-exit-price",
    },
    { label: "Closed", value: formatUsd(outcome.change.sizeDeltaUsd), id: "executed-closed-size" },
    {
      label: "PnL after fees",
      value: formatUsd(pnl, { sign: "always" }),
      tone: toneOf(pnl),
      id: "executed-pnl",
    },
    {
      label: "Fees paid",
      value: formatUsd(
        outcome.amounts.positionFeeUsd + outcome.amounts.borrowingFeeUsd + outcome.amounts.fundingFeeUsd,
      ),
      id: "executed-fees",
    },
  ];
  return <StatList stats={stats} columns={2} label="Executed order" />;
}

export function ExecutedOrderSummary({ market, outcome }: { market: MarketConfig; outcome: OrderOutcome }) {
  return outcome.direction === "increase" ? (
    <IncreaseSummary market={market} outcome={outcome} />
  ) : (
    <DecreaseSummary market={market} outcome={outcome} />
  );
}

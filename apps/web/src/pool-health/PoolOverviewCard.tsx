import type { MarketPrices, MarketState } from "@bastion/risk";
import { useId } from "react";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatRatePerHour, formatRatePerYear } from "../format/formatRate";
import { formatUsd } from "../format/formatUsd";
import { borrowingRatePerSecond, fundingRatePerSecond, sideUtilization } from "../trade/marketRates";
import { Meter } from "../ui/Meter";
import { type Stat, StatList } from "../ui/StatList";

function fundingText(state: MarketState): string {
  const longs = fundingRatePerSecond(state, true);
  const shorts = fundingRatePerSecond(state, false);
  if (longs > 0n) return `Longs pay ${formatRatePerHour(longs)} (${formatRatePerYear(longs)})`;
  if (shorts > 0n) return `Shorts pay ${formatRatePerHour(shorts)} (${formatRatePerYear(shorts)})`;
  return "None (balanced, or one side empty)";
}

/** Pool value, utilization, open interest and the rates each side pays. */
export function PoolOverviewCard({
  market,
  state,
  prices,
  poolValueUsd,
  sharePriceUsd,
}: {
  market: MarketConfig;
  state: MarketState;
  prices: MarketPrices;
  poolValueUsd: bigint | undefined;
  sharePriceUsd: bigint | undefined;
}) {
  const titleId = useId();
  const stats: Stat[] = [
    {
      label: "Pool value",
      value: poolValueUsd === undefined ? "—" : formatUsd(poolValueUsd),
      id: "pool-value",
    },
    {
      label: "Share price",
      value: sharePriceUsd === undefined ? "—" : formatUsd(sharePriceUsd, { maxFractionDigits: 4 }),
      id: "share-price",
    },
    { label: "Open interest long", value: formatUsd(state.openInterest.longUsd), id: "oi-long" },
    { label: "Open interest short", value: formatUsd(state.openInterest.shortUsd), id: "oi-short" },
    {
      label: "Borrowing (longs)",
      value: `${formatRatePerHour(borrowingRatePerSecond(state, prices, true))} (${formatRatePerYear(borrowingRatePerSecond(state, prices, true))})`,
      id: "borrowing-long",
    },
    {
      label: "Borrowing (shorts)",
      value: `${formatRatePerHour(borrowingRatePerSecond(state, prices, false))} (${formatRatePerYear(borrowingRatePerSecond(state, prices, false))})`,
      id: "borrowing-short",
    },
    { label: "Funding", value: fundingText(state), id: "funding" },
    {
      label: "Status",
      value: state.paused
        ? "Paused: no deposits or new positions"
        : state.adlActiveLong || state.adlActiveShort
          ? `Auto-deleveraging ${state.adlActiveLong ? "longs" : "shorts"}`
          : "Open",
      tone: state.paused || state.adlActiveLong || state.adlActiveShort ? "negative" : undefined,
      id: "status",
    },
  ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {market.symbol} pool
      </h2>
      <StatList stats={stats} columns={2} label={`${market.symbol} pool`} />
      <Meter
        label={`Utilization, longs (${market.longToken.symbol} reserved)`}
        factor={sideUtilization(state, prices, true)}
      />
      <Meter
        label={`Utilization, shorts (${market.shortToken.symbol} reserved)`}
        factor={sideUtilization(state, prices, false)}
      />
    </section>
  );
}

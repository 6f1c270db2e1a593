import type { MarketPrices } from "@bastion/risk";
import { toMarketState } from "../chain/marketState";
import { useChainMarket } from "../chain/useChainMarkets";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatRatePerHour } from "../format/formatRate";
import { formatUsd } from "../format/formatUsd";
import { candleStats } from "../prices/candles";
import { useCandles } from "../prices/useCandles";
import { markPrice, useMarketPrices } from "../prices/useMarketPrices";
import { QueryError } from "../ui/QueryError";
import { type Stat, StatList } from "../ui/StatList";
import { borrowingRatePerSecond, fundingRatePerSecond } from "./marketRates";

const HOUR = 3600;

function windowLabel(spanSeconds: number): string {
  if (spanSeconds >= 23 * HOUR) return "24h";
  if (spanSeconds >= HOUR) return `${Math.floor(spanSeconds / HOUR)}h`;
  return `${Math.max(1, Math.round(spanSeconds / 60))}m`;
}

function percent(fraction: number): string {
  const sign = fraction > 0 ? "+" : fraction < 0 ? "-" : "";
  return `${sign}${Math.abs(fraction * 100).toFixed(2)}%`;
}

/** Who pays funding now: the larger side pays the smaller. */
function fundingText(longSide: bigint, shortSide: bigint): string {
  if (longSide > 0n) return `Longs pay ${formatRatePerHour(longSide)}`;
  if (shortSide > 0n) return `Shorts pay ${formatRatePerHour(shortSide)}`;
  return "None (balanced, or one side empty)";
}

/** The market's header: mark price, change/high/low over the chart window, open interest and rates. */
export function MarketStats({ market }: { market: MarketConfig }) {
  const { prices, error } = useMarketPrices(market);
  const candles = useCandles(market);
  const chainMarket = useChainMarket(market.address);
  const stats = candleStats(candles.data ?? []);
  const state = chainMarket.data === undefined ? undefined : toMarketState(chainMarket.data);
  const label = stats === undefined ? "24h" : windowLabel(stats.spanSeconds);
  const rates = (pricesNow: MarketPrices | undefined) => {
    if (state === undefined || pricesNow === undefined)
      return { borrowLong: undefined, borrowShort: undefined };
    return {
      borrowLong: borrowingRatePerSecond(state, pricesNow, true),
      borrowShort: borrowingRatePerSecond(state, pricesNow, false),
    };
  };
  const { borrowLong, borrowShort } = rates(prices);
  const fundingShort = state === undefined ? undefined : fundingRatePerSecond(state, false);
  const fundingLong = state === undefined ? undefined : fundingRatePerSecond(state, true);
  const items: Stat[] = [
    {
      label: "Mark price",
      value: prices === undefined ? "—" : formatTokenPriceUsd(markPrice(prices), market.indexToken.decimals),
      id: "mark-price",
    },
    {
      label: `${label} change`,
      value: stats === undefined ? "—" : percent(stats.change),
      tone:
        stats === undefined || stats.change === 0 ? undefined : stats.change > 0 ? "positive" : "negative",
      id: "change",
    },
    {
      label: `${label} high`,
      value:
        stats === undefined
          ? "—"
          : `$${stats.high.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
      id: "high",
    },
    {
      label: `${label} low`,
      value:
        stats === undefined
          ? "—"
          : `$${stats.low.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`,
      id: "low",
    },
    {
      label: "Open interest long / short",
      value:
        state === undefined
          ? "—"
          : `${formatUsd(state.openInterest.longUsd, { compact: true })} / ${formatUsd(state.openInterest.shortUsd, { compact: true })}`,
      id: "open-interest",
    },
    {
      label: "Borrowing long / short",
      value:
        borrowLong === undefined || borrowShort === undefined
          ? "—"
          : `${formatRatePerHour(borrowLong)} · ${formatRatePerHour(borrowShort)}`,
      id: "borrowing",
    },
    {
      label: "Funding",
      value:
        fundingLong === undefined || fundingShort === undefined
          ? "—"
          : fundingText(fundingLong, fundingShort),
      id: "funding",
    },
  ];
  return (
    <section className="card market-stats" aria-label={`${market.symbol} market`}>
      <StatList stats={items} columns={4} label={`${market.symbol} market`} />
      {chainMarket.data?.paused === true && (
        <p className="notice" data-tone="warning">
          {market.symbol} is paused: new positions and deposits are not accepted; closing and withdrawals
          work.
        </p>
      )}
      {error !== null && error !== undefined && <QueryError error={error} />}
    </section>
  );
}

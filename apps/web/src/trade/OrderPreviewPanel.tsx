import type { MarketPrices, OrderPreview } from "@bastion/risk";
import type { MarketConfig } from "../config/appConfigSchema";
import { FACTOR_ONE } from "../format/formatFactor";
import { formatLeverage } from "../format/formatLeverage";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatRatePerHour } from "../format/formatRate";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { type Stat, StatList, toneOf } from "../ui/StatList";
import { borrowingRatePerSecond, fundingRatePerSecond } from "./marketRates";

export type OrderPreviewPanelProps = {
  market: MarketConfig;
  preview: OrderPreview | undefined;
  isLong: boolean;
  executionFee: bigint | undefined;
  /** The prices the rates are evaluated at. */
  prices: MarketPrices | undefined;
  /** Why there is no preview yet ("Enter the collateral amount"). */
  placeholder: string;
};

function leverageText(sizeUsd: bigint, collateralUsd: bigint): string {
  if (collateralUsd <= 0n) return "—";
  return formatLeverage((sizeUsd * FACTOR_ONE) / collateralUsd);
}

/**
 * What the order would do, computed by the exact mirror of the contracts (@bastion/risk): entry
 * price with price impact, open fee, acceptable price, liquidation price, and the market's
 * borrowing and funding rates once the order is in.
 */
export function OrderPreviewPanel({
  market,
  preview,
  isLong,
  executionFee,
  prices,
  placeholder,
}: OrderPreviewPanelProps) {
  const decimals = market.indexToken.decimals;
  const price = (value: bigint) => formatTokenPriceUsd(value, decimals);
  if (preview === undefined) {
    return (
      <section className="order-preview" aria-label="Order preview">
        <p className="order-preview__placeholder">{placeholder}</p>
      </section>
    );
  }
  const after = preview.increase?.market;
  const borrowing =
    after === undefined || prices === undefined ? undefined : borrowingRatePerSecond(after, prices, isLong);
  const funding = after === undefined ? undefined : fundingRatePerSecond(after, isLong);
  const remaining = preview.opening.ok ? preview.opening.remainingCollateralUsd : undefined;
  const stats: Stat[] = [
    { label: "Size", value: formatUsd(preview.sizeDeltaUsd), id: "size" },
    { label: "Leverage", value: leverageText(preview.sizeDeltaUsd, preview.collateralUsd), id: "leverage" },
    { label: "Entry price", value: price(preview.executionPrice), id: "entry-price" },
    { label: "Oracle price", value: price(preview.indexPrice), id: "index-price" },
    {
      label: "Price impact",
      value: formatUsd(preview.priceImpactUsd, { sign: "always" }),
      tone: toneOf(preview.priceImpactUsd),
      id: "price-impact",
    },
    { label: "Open fee", value: formatUsd(preview.positionFeeUsd), id: "open-fee" },
    {
      label: "Collateral after fees",
      value: remaining === undefined ? "—" : formatUsd(remaining),
      id: "collateral-after-fees",
    },
    {
      label: "Liquidation price",
      value:
        preview.liquidation?.price === undefined
          ? preview.opening.ok
            ? "None"
            : "—"
          : price(preview.liquidation.price),
      id: "liquidation-price",
    },
    {
      label: isLong ? "Acceptable price (max)" : "Acceptable price (min)",
      value: price(preview.acceptablePrice),
      id: "acceptable-price",
    },
    {
      label: "Borrowing rate",
      value: borrowing === undefined ? "—" : formatRatePerHour(borrowing),
      id: "borrowing-rate",
    },
    {
      label: funding !== undefined && funding < 0n ? "Funding (you receive)" : "Funding (you pay)",
      value: funding === undefined ? "—" : formatRatePerHour(funding < 0n ? -funding : funding),
      id: "funding-rate",
    },
    {
      label: "Keeper fee",
      value: executionFee === undefined ? "—" : formatTokenAmount(executionFee, 18, { symbol: "ETH" }),
      id: "execution-fee",
    },
  ];
  return (
    <section className="order-preview" aria-label="Order preview">
      <StatList stats={stats} label="Order preview" />
    </section>
  );
}

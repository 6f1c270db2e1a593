import type { Position } from "@bastion/sdk";
import { useId, useState } from "react";
import { isAddressEqual } from "viem";
import type { MarketConfig } from "../config/appConfigSchema";
import { formatFactor } from "../format/formatFactor";
import { formatLeverage } from "../format/formatLeverage";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { ChoiceGroup } from "../ui/ChoiceGroup";
import { QueryError } from "../ui/QueryError";
import { type Stat, StatList, toneOf } from "../ui/StatList";
import { ClosePositionForm } from "./ClosePositionForm";
import { CollateralForm } from "./CollateralForm";
import { usePositionContext } from "./usePositionContext";

type Action = "none" | "close" | "add" | "remove";

/** One open position: its figures now, and close / add / remove collateral. */
export function PositionCard({ market, position }: { market: MarketConfig; position: Position }) {
  const context = usePositionContext(market, position);
  const [action, setAction] = useState<Action>("none");
  const titleId = useId();
  const { view } = context;
  const side = position.isLong ? "Long" : "Short";
  const token = isAddressEqual(position.collateralToken, market.longToken.address)
    ? market.longToken
    : market.shortToken;
  const price = (value: bigint) => formatTokenPriceUsd(value, market.indexToken.decimals);
  const stats: Stat[] = [
    { label: "Size", value: formatUsd(position.sizeUsd), id: "size" },
    {
      label: "Collateral",
      value: `${formatTokenAmount(position.collateralAmount, token.decimals, { symbol: token.symbol })}${view === undefined ? "" : ` (${formatUsd(view.health.collateralUsd)})`}`,
      id: "collateral",
    },
    {
      label: "Leverage",
      value: view?.leverage === undefined ? "—" : formatLeverage(view.leverage),
      id: "leverage",
    },
    { label: "Entry price", value: view === undefined ? "—" : price(view.entryPrice), id: "entry-price" },
    { label: "Mark price", value: view === undefined ? "—" : price(view.markPrice), id: "mark-price" },
    {
      label: "PnL after fees",
      value: view === undefined ? "—" : formatUsd(view.netPnlUsd, { sign: "always" }),
      tone: view === undefined ? undefined : toneOf(view.netPnlUsd),
      id: "pnl",
    },
    {
      label: "Liquidation price",
      value:
        view === undefined
          ? "—"
          : view.liquidation.price === undefined
            ? "None"
            : price(view.liquidation.price),
      id: "liquidation-price",
    },
    {
      label: "Distance to liquidation",
      value:
        view === undefined
          ? "—"
          : view.liquidation.liquidatableNow
            ? "Liquidatable now"
            : view.distanceToLiquidation === undefined
              ? "—"
              : formatFactor(view.distanceToLiquidation),
      tone: view?.liquidation.liquidatableNow ? "negative" : undefined,
      id: "liquidation-distance",
    },
    {
      label: "Borrowing + funding owed",
      value: view === undefined ? "—" : formatUsd(view.health.borrowingFeeUsd + view.health.fundingFeeUsd),
      id: "fees-owed",
    },
  ];
  const done = () => setAction("none");
  return (
    <article className="card position-card" aria-labelledby={titleId} data-position-key={position.key}>
      <h3 id={titleId} className="position-card__title">
        <span data-side={position.isLong ? "long" : "short"}>{side}</span> {market.symbol}{" "}
        <span className="badge badge--muted">{token.symbol} collateral</span>
      </h3>
      <StatList stats={stats} columns={3} label={`${side} ${market.symbol} position`} />
      {context.priceError !== null && context.priceError !== undefined && (
        <QueryError error={context.priceError} />
      )}
      <ChoiceGroup<Action>
        legend="Manage position"
        choices={[
          { value: "close", label: "Close" },
          { value: "add", label: "Add collateral" },
          { value: "remove", label: "Remove collateral" },
        ]}
        value={action}
        onChange={setAction}
      />
      {action === "close" && (
        <ClosePositionForm market={market} position={position} context={context} onSent={done} />
      )}
      {(action === "add" || action === "remove") && (
        <CollateralForm
          key={action}
          market={market}
          position={position}
          context={context}
          direction={action}
          onSent={done}
        />
      )}
    </article>
  );
}

import { useId } from "react";
import type { MarketConfig } from "../config/appConfigSchema";
import { shortenAddress } from "../format/formatAddress";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUnixSeconds } from "../format/formatTimestamp";
import { formatUsd } from "../format/formatUsd";
import { Notice } from "../ui/Notice";
import { QueryError } from "../ui/QueryError";
import { useRecentLiquidations } from "./useRecentLiquidations";

/** The pool's latest liquidations and the shortfalls they left, newest first. */
export function RecentLiquidationsCard({ market }: { market: MarketConfig }) {
  const liquidations = useRecentLiquidations(market.address);
  const titleId = useId();
  const rows = liquidations.data ?? [];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Recent liquidations
      </h2>
      {liquidations.error !== null && liquidations.data === undefined && (
        <QueryError error={liquidations.error} />
      )}
      {liquidations.data !== undefined && rows.length === 0 && (
        <Notice>No liquidations in this pool yet.</Notice>
      )}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling table must be reachable by keyboard to scroll it.
        // biome-ignore lint/a11y/useSemanticElements: a named scroll container, not a page section.
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Recent liquidations table">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Trader</th>
                <th scope="col">Size closed</th>
                <th scope="col">Price</th>
                <th scope="col">Collateral left</th>
                <th scope="col">Shortfall</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.transactionHash}-${row.positionKey}`} data-liquidation={row.positionKey}>
                  <td>
                    {row.timestamp === undefined
                      ? `block ${row.blockNumber}`
                      : formatUnixSeconds(row.timestamp)}
                  </td>
                  <td>
                    <code>{shortenAddress(row.account)}</code>
                    {row.isPartial && <span className="badge badge--muted">partial</span>}
                  </td>
                  <td>{formatUsd(row.sizeClosedUsd)}</td>
                  <td>{formatTokenPriceUsd(row.indexPrice, market.indexToken.decimals)}</td>
                  <td>{formatUsd(row.remainingCollateralUsd)}</td>
                  <td data-stat="shortfall">
                    {row.shortfall === undefined
                      ? "None"
                      : `${formatUsd(row.shortfall.shortfallUsd)} (insurance ${formatUsd(row.shortfall.coveredByInsuranceUsd)}, LPs ${formatUsd(row.shortfall.absorbedByLpUsd)})`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

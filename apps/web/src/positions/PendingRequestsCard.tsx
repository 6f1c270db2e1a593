import { cancelDeposit, cancelOrder, cancelWithdrawal, type PendingRequest } from "@bastion/sdk";
import { useId } from "react";
import type { Address } from "viem";
import { useAccountPendingRequests } from "../chain/useAccountData";
import { useExchangeSettings } from "../chain/useExchangeSettings";
import { useNowSeconds } from "../chain/useNow";
import { useAppConfig } from "../config/AppConfigContext";
import type { AppConfig } from "../config/appConfigSchema";
import { findMarketConfig } from "../config/marketFeeds";
import { describeError } from "../errors/describeError";
import { ErrorNotice } from "../errors/ErrorNotice";
import { useErrorContext } from "../errors/useErrorContext";
import { formatDuration } from "../format/formatDuration";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUnixSeconds } from "../format/formatTimestamp";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { Notice } from "../ui/Notice";
import { QueryError } from "../ui/QueryError";
import { useWalletAction } from "../wallet/useWalletAction";

const ORDER_NAMES = [
  "Market increase",
  "Market decrease",
  "Limit increase",
  "Take profit",
  "Stop loss",
] as const;

/** One line describing what a pending request does. */
export function describePendingRequest(pending: PendingRequest, config: AppConfig): string {
  const market = findMarketConfig(config, pending.request.market);
  const symbol = market?.symbol ?? "unknown market";
  if (pending.kind === "deposit") {
    const { longTokenAmount, shortTokenAmount } = pending.request;
    if (market === undefined) return `Deposit into ${symbol}`;
    return `Deposit ${formatTokenAmount(longTokenAmount, market.longToken.decimals, { symbol: market.longToken.symbol })} + ${formatTokenAmount(shortTokenAmount, market.shortToken.decimals, { symbol: market.shortToken.symbol })} into ${symbol}`;
  }
  if (pending.kind === "withdrawal") {
    return `Withdraw ${formatTokenAmount(pending.request.shares, 18, { maxFractionDigits: 4 })} shares from ${symbol}`;
  }
  const order = pending.request;
  const name = ORDER_NAMES[order.orderType] ?? "Order";
  const trigger =
    order.triggerPrice > 0n && market !== undefined
      ? ` at ${formatTokenPriceUsd(order.triggerPrice, market.indexToken.decimals)}`
      : "";
  return `${name} ${order.isLong ? "long" : "short"} ${symbol} ${formatUsd(order.sizeDeltaUsd)}${trigger}`;
}

function CancelButton({
  pending,
  cancellableAt,
  now,
}: {
  pending: PendingRequest;
  cancellableAt: number;
  now: number;
}) {
  const errorContext = useErrorContext();
  const action = useWalletAction(errorContext);
  const hintId = useId();
  const wait = cancellableAt - now;
  const id = pending.id;
  const run = (client: Parameters<typeof cancelOrder>[0], exchange: Address) =>
    pending.kind === "deposit"
      ? cancelDeposit(client, { exchange, id })
      : pending.kind === "withdrawal"
        ? cancelWithdrawal(client, { exchange, id })
        : cancelOrder(client, { exchange, id });
  return (
    <div className="pending-request__cancel">
      <button
        type="button"
        className="button"
        disabled={wait > 0 || action.isPending}
        aria-describedby={hintId}
        onClick={() =>
          action.mutate({
            label: `Cancelling request #${id}`,
            done: `Request #${id} cancelled: escrow and execution fee refunded.`,
            run,
          })
        }
      >
        {action.isPending ? "Cancelling…" : `Cancel #${id}`}
      </button>
      <span id={hintId} className="pending-request__hint">
        {wait > 0 ? `Cancellable in ${formatDuration(wait)}` : "Cancellable now"}
      </span>
      {action.error !== null && (
        <ErrorNotice description={describeError(action.error, errorContext)} headingLevel={3} />
      )}
    </div>
  );
}

/** The account's requests a keeper has not executed yet, each with a cancel button after the delay. */
export function PendingRequestsCard({ account }: { account: Address }) {
  const config = useAppConfig();
  const pending = useAccountPendingRequests(account);
  const settings = useExchangeSettings();
  const now = useNowSeconds();
  const titleId = useId();
  const cancelDelay = Number(settings.data?.cancelDelay ?? 0n);
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Pending requests
      </h2>
      {pending.error !== null && pending.data === undefined && <QueryError error={pending.error} />}
      {pending.data !== undefined && pending.data.length === 0 && (
        <Notice>No requests are waiting for a keeper.</Notice>
      )}
      {pending.data !== undefined && pending.data.length > 0 && (
        <ul className="pending-list">
          {pending.data.map((entry) => {
            const createdAt = Number(entry.request.createdAt);
            return (
              <li key={entry.id.toString()} className="pending-request" data-request-id={entry.id.toString()}>
                <p className="pending-request__what">
                  <strong>#{entry.id.toString()}</strong> {describePendingRequest(entry, config)}
                </p>
                <p className="pending-request__when">Created {formatUnixSeconds(entry.request.createdAt)}</p>
                <CancelButton pending={entry} cancellableAt={createdAt + cancelDelay} now={now} />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

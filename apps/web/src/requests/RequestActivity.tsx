import { type ReactNode, useId } from "react";
import { useNowSeconds } from "../chain/useNow";
import { useAppConfig } from "../config/AppConfigContext";
import { findMarketConfig } from "../config/marketFeeds";
import { useErrorContext } from "../errors/useErrorContext";
import { formatDuration } from "../format/formatDuration";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { describeCancellation } from "./describeCancellation";
import { ExecutedOrderSummary } from "./ExecutedOrderSummary";
import { type TrackedRequest, useRequestTracker } from "./RequestTrackerContext";

function PendingText({ request }: { request: TrackedRequest }) {
  const now = useNowSeconds();
  return (
    <p className="request__status">
      Waiting for a keeper to execute it ({formatDuration(now - request.submittedAt)} so far)…
    </p>
  );
}

function TrackedRequestItem({ request }: { request: TrackedRequest }) {
  const config = useAppConfig();
  const market = findMarketConfig(config, request.market);
  const context = useErrorContext(market);
  const { dismiss } = useRequestTracker();
  const { outcome } = request;
  let body: ReactNode;
  let state: "pending" | "executed" | "cancelled" = "pending";
  if (outcome.status === "pending") {
    body = <PendingText request={request} />;
  } else if (outcome.status === "cancelled") {
    state = "cancelled";
    const description = describeCancellation(request.kind, outcome, context);
    body = (
      <div role="alert" className="request__cancelled">
        <p className="request__status">
          <strong>{description.title}.</strong> {description.detail}
        </p>
      </div>
    );
  } else {
    state = "executed";
    body = (
      <>
        <p className="request__status">Executed.</p>
        {outcome.kind === "order" && market !== undefined && (
          <ExecutedOrderSummary market={market} outcome={outcome} />
        )}
        {outcome.kind === "deposit" && (
          <p>
            You received {formatTokenAmount(outcome.sharesMinted, 18, { maxFractionDigits: 4 })} pool shares.
          </p>
        )}
        {outcome.kind === "withdrawal" && market !== undefined && (
          <p>
            You received{" "}
            {formatTokenAmount(outcome.longTokenAmount, market.longToken.decimals, {
              symbol: market.longToken.symbol,
            })}{" "}
            and{" "}
            {formatTokenAmount(outcome.shortTokenAmount, market.shortToken.decimals, {
              symbol: market.shortToken.symbol,
            })}
            .
          </p>
        )}
      </>
    );
  }
  return (
    <li className="request" data-state={state} data-request-id={request.id.toString()}>
      <div className="request__header">
        <span className="request__label">
          #{request.id.toString()} {request.label}
        </span>
        <span className="badge" data-state={state}>
          {state === "pending" ? "Pending" : state === "executed" ? "Executed" : "Cancelled"}
        </span>
      </div>
      {body}
      {state !== "pending" && (
        <button
          type="button"
          className="button button--quiet request__dismiss"
          onClick={() => dismiss(request.id)}
        >
          Dismiss <span className="visually-hidden">request #{request.id.toString()}</span>
        </button>
      )}
    </li>
  );
}

/** Requests made in this page, followed live until a keeper executes or cancels them. */
export function RequestActivity({ origin, title = "Your requests" }: { origin?: string; title?: string }) {
  const { requests } = useRequestTracker();
  const titleId = useId();
  const shown = origin === undefined ? requests : requests.filter((request) => request.origin === origin);
  if (shown.length === 0) return null;
  return (
    <section className="card request-activity" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        {title}
      </h2>
      <ul className="request-list" aria-live="polite">
        {shown.map((request) => (
          <TrackedRequestItem key={request.id.toString()} request={request} />
        ))}
      </ul>
    </section>
  );
}

import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Every metric the keeper exports, on its own registry (several keepers can run in one process). */
export interface KeeperMetrics {
  registry: Registry;
  requestsSeen: Counter<"kind">;
  requestsExecuted: Counter<"kind">;
  requestsCancelled: Counter<"kind" | "reason">;
  requestsFailed: Counter<"kind" | "error">;
  requestsGone: Counter<"kind">;
  requestsSkipped: Counter<"kind" | "reason">;
  executionLatency: Histogram<"kind">;
  pendingRequests: Gauge<"kind">;
  stuckRequests: Gauge;
  positionsTracked: Gauge<"market">;
  positionsScanned: Counter<"market">;
  liquidations: Counter<"market" | "partial">;
  liquidationsDeferred: Counter<"market">;
  liquidationsFailed: Counter<"market" | "error">;
  shortfalls: Counter<"market">;
  shortfallUsd: Counter<"market">;
  adlSteps: Counter<"market" | "side">;
  adlFailed: Counter<"market" | "side" | "error">;
  marginProposals: Counter<"market" | "outcome">;
  marginFactor: Gauge<"market" | "source">;
  ethBalance: Gauge<"address">;
  rpcErrors: Counter<"operation">;
  hermesErrors: Counter<"code">;
  hermesBackoffMs: Gauge;
  nonceResyncs: Counter<"address">;
  feeCapSkips: Counter<"operation">;
  pricePublishTime: Gauge;
  transactionsSent: Counter<"operation">;
}

/** The names of the metrics, for documentation and tests. */
export const METRIC_PREFIX = "bastion_keeper_";

/**
 * Creates the keeper's metrics on a fresh registry (with Node's default process metrics).
 *
 * @example
 * const metrics = createKeeperMetrics();
 * metrics.requestsExecuted.inc({ kind: "order" });
 * await metrics.registry.metrics(); // Prometheus text format
 */
export function createKeeperMetrics(): KeeperMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const p = METRIC_PREFIX;
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Counter<L>({ name: p + name, help, labelNames, registers: [registry] });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[] = []) =>
    new Gauge<L>({ name: p + name, help, labelNames, registers: [registry] });
  return {
    registry,
    requestsSeen: counter("requests_seen_total", "Pending requests discovered (events or pending lists)", [
      "kind",
    ]),
    requestsExecuted: counter("requests_executed_total", "Requests this keeper executed", ["kind"]),
    requestsCancelled: counter(
      "requests_cancelled_total",
      "Requests this keeper's transaction cancelled and refunded (reason: execution_failed = failed its own conditions; expired = price window passed)",
      ["kind", "reason"],
    ),
    requestsFailed: counter(
      "requests_failed_total",
      "Failed attempts to execute or cancel a request (retried with backoff)",
      ["kind", "error"],
    ),
    requestsGone: counter(
      "requests_gone_total",
      "Requests another keeper (or the owner) handled first: normal with several keepers",
      ["kind"],
    ),
    requestsSkipped: counter("requests_skipped_total", "Sends skipped on purpose (dry_run, fee_cap)", [
      "kind",
      "reason",
    ]),
    executionLatency: new Histogram({
      name: `${p}execution_latency_seconds`,
      help: "From the request's creation block time to its execution receipt",
      labelNames: ["kind"],
      buckets: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5, 10, 30, 60],
      registers: [registry],
    }),
    pendingRequests: gauge("pending_requests", "Requests pending on chain, as the keeper tracks them", [
      "kind",
    ]),
    stuckRequests: gauge("stuck_requests", "Requests pending beyond the stuck threshold"),
    positionsTracked: gauge("positions_tracked", "Open positions held in the keeper's mirror", ["market"]),
    positionsScanned: counter("positions_scanned_total", "Position health checks made with the risk mirror", [
      "market",
    ]),
    liquidations: counter("liquidations_total", "Positions this keeper liquidated (partial = one slice)", [
      "market",
      "partial",
    ]),
    liquidationsDeferred: counter(
      "liquidations_deferred_total",
      "Liquidations the oracle's deviation guard deferred (resubmitted with the next update)",
      ["market"],
    ),
    liquidationsFailed: counter("liquidations_failed_total", "Failed liquidation attempts", [
      "market",
      "error",
    ]),
    shortfalls: counter("shortfalls_total", "ShortfallRecorded events seen (any liquidator)", ["market"]),
    shortfallUsd: counter("shortfall_usd_total", "USD of shortfall recorded on chain (display precision)", [
      "market",
    ]),
    adlSteps: counter("adl_steps_total", "Auto-deleveraging steps executed", ["market", "side"]),
    adlFailed: counter("adl_failed_total", "Failed ADL attempts", ["market", "side", "error"]),
    marginProposals: counter(
      "margin_proposals_total",
      "Maintenance margin proposals by outcome (submitted, logged, unchanged, too_soon, insufficient_history, failed)",
      ["market", "outcome"],
    ),
    marginFactor: gauge("margin_factor", "Maintenance margin factor (fraction): source=chain or proposed", [
      "market",
      "source",
    ]),
    ethBalance: gauge("eth_balance", "Keeper account ETH balance (ether)", ["address"]),
    rpcErrors: counter("rpc_errors_total", "RPC failures by operation", ["operation"]),
    hermesErrors: counter(
      "hermes_errors_total",
      "Hermes failures by code (unreachable, unauthorized, not-found, http, invalid-response, missing-feed)",
      ["code"],
    ),
    hermesBackoffMs: gauge(
      "hermes_backoff_ms",
      "Current delay before the next Hermes attempt after failures (0 when healthy)",
    ),
    nonceResyncs: counter("nonce_resyncs_total", "Nonce manager resets after a nonce error or a gap", [
      "address",
    ]),
    feeCapSkips: counter("fee_cap_skips_total", "Sends skipped because the fee was above the cap", [
      "operation",
    ]),
    pricePublishTime: gauge("price_publish_time_seconds", "Publish time of the latest Pyth update fetched"),
    transactionsSent: counter("transactions_sent_total", "Transactions sent by operation", ["operation"]),
  };
}

/**
 * `@bastion/lp-accounting`: indexes Bastion's pool events and computes what LPs need to know: share
 * value, cost basis and returns, impermanent loss against holding, exact return attribution, the
 * bad-debt ledger and chart series. This entry point is browser-safe; the SQLite store lives at
 * `@bastion/lp-accounting/sqlite` so the web app never loads a native module.
 *
 * @packageDocumentation
 */

export {
  type AttributionCategory,
  type CategoryAmounts,
  LP_CATEGORIES,
  POOL_CATEGORIES,
  type PoolCategory,
} from "./accounting/categories.js";
export type { LpDeposit, LpTransfer, LpWithdrawal } from "./accounting/lp-account.js";
export { LpAccounting, type LpAccountingParameters } from "./accounting/lp-accounting.js";
export type { PoolLedger } from "./accounting/pool-ledger.js";
export type { PoolStep, StepKind } from "./accounting/pool-step.js";
export type { PoolValueTerms } from "./accounting/valuation.js";
export {
  InvalidRangeError,
  ModelIntegrityError,
  NotIndexedError,
  ReconciliationError,
  UnknownPoolError,
} from "./errors.js";
export { exchangeEventsAbi } from "./exchange/exchange-events-abi.js";
export {
  ExchangeIndexer,
  type ExchangeIndexerListener,
  type ExchangeIndexerParameters,
} from "./exchange/exchange-indexer.js";
export type { IndexerClient } from "./indexer/chain-reader.js";
export { createEventDecoder, type EventDecoder } from "./indexer/event-decoder.js";
export { Indexer } from "./indexer/indexer.js";
export {
  IndexerConfigError,
  IndexerRpcError,
  type IndexerRpcErrorParameters,
  ReorgTooDeepError,
} from "./indexer/indexer-errors.js";
export type {
  IndexedWindow,
  IndexerListener,
  IndexerParameters,
  ReorgNotification,
  RunOnceResult,
} from "./indexer/indexer-types.js";
export { isWindowTooLargeError } from "./indexer/is-window-too-large-error.js";
export { backoffDelayMs, defaultRetryPolicy, type RetryParameters } from "./indexer/retry.js";
export type {
  BadDebtLedger,
  MarketConfig,
  MarketPrices,
  MarketState,
  OpenInterest,
  PoolBalances,
  RateState,
} from "./model/market-types.js";
export {
  type Attribution,
  type AttributionBound,
  type GetAttributionParameters,
  getAttribution,
} from "./queries/attribution.js";
export {
  type BadDebtEntry,
  type GetBadDebtLedgerParameters,
  getBadDebtLedger,
  type LpShortfallShare,
  type PoolBadDebtLedger,
  reconcileBadDebtLedger,
} from "./queries/bad-debt-ledger.js";
export {
  type GetImpermanentLossParameters,
  getImpermanentLoss,
  type ImpermanentLoss,
} from "./queries/impermanent-loss.js";
export type { LpFigures } from "./queries/lp-figures.js";
export {
  type GetLpPositionParameters,
  type GetLpPositionsParameters,
  getLpPosition,
  getLpPositions,
  type LpPosition,
} from "./queries/lp-position.js";
export type { Point } from "./queries/point.js";
export {
  type GetPoolSnapshotParameters,
  getPoolSnapshot,
  type PoolSnapshot,
} from "./queries/pool-snapshot.js";
export { reconcileAttribution } from "./queries/reconcile-attribution.js";
export {
  type ChainReconciliation,
  type ReconcileWithChainParameters,
  reconcileWithChain,
} from "./queries/reconcile-with-chain.js";
export {
  type GetTimeSeriesParameters,
  getTimeSeries,
  type TimeSeriesPoint,
} from "./queries/time-series.js";
export { parseWithBigInts, stringifyWithBigInts } from "./store/bigint-json.js";
export type { BlockRef, DecodedArgs, IndexedLog, LogBatch, LogQuery, LogStore } from "./store/log-store.js";
export { LogStoreRangeError } from "./store/log-store-range-error.js";
export { MemoryLogStore } from "./store/memory-log-store.js";

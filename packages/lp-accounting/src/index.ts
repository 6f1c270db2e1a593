/**
 * `@bastion/lp-accounting`: indexes Bastion pool events. This entry point is browser-safe; the
 * SQLite store lives at `@bastion/lp-accounting/sqlite` so the web app never loads a native module.
 *
 * @packageDocumentation
 */

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
export { parseWithBigInts, stringifyWithBigInts } from "./store/bigint-json.js";
export type { BlockRef, DecodedArgs, IndexedLog, LogBatch, LogQuery, LogStore } from "./store/log-store.js";
export { LogStoreRangeError } from "./store/log-store-range-error.js";
export { MemoryLogStore } from "./store/memory-log-store.js";

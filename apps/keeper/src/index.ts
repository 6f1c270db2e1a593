export { type AdlCheck, type AdlStep, checkAdl, planAdlStep } from "./adl/adlPlan.js";
export { type AdlRunner, type AdlRunnerOptions, createAdlRunner } from "./adl/adlRunner.js";
export type { ChainWatcher, EventBatch } from "./chain/chainWatcher.js";
export type { KeeperClients, Signer } from "./chain/clients.js";
export { type ConfigIssue, KeeperConfigError } from "./config/errors.js";
export { CONFIG_FIELDS, type ConfigField, fieldLabel } from "./config/fields.js";
export {
  isResolvedConfig,
  type ResolveConfigOptions,
  redactConfig,
  resolveKeeperConfig,
} from "./config/resolveConfig.js";
export { type KeeperConfig, type KeeperConfigInput, keeperConfigSchema } from "./config/schema.js";
export { type Decision, type DecisionContext, decide } from "./executor/decide.js";
export type { Executor, ExecutorOptions } from "./executor/executor.js";
export type { TrackedRequest } from "./executor/trackedRequest.js";
export type { Liquidator, LiquidatorOptions } from "./liquidator/liquidator.js";
export { createCandlesHistorySource, type HistorySource } from "./margin/historySource.js";
export type { MarginProposer, MarginRunResult } from "./margin/marginProposer.js";
export {
  DEFAULT_SLIPPAGE,
  type MarginCalibrationSettings,
  type MarginProposal,
  proposeMargin,
} from "./margin/proposeMargin.js";
export { createKeeperLogger, type Logger } from "./observability/logger.js";
export { createKeeperMetrics, type KeeperMetrics, METRIC_PREFIX } from "./observability/metrics.js";
export type { PriceFeed, PriceSnapshot } from "./prices/priceFeed.js";
export { type Keeper, type StartKeeperOptions, startKeeper } from "./startKeeper.js";
export { type BackoffOptions, backoffCeiling, backoffDelay } from "./util/backoff.js";
export { type ClassifiedError, classifyError, type ErrorKind, FeeCapExceededError } from "./util/errors.js";

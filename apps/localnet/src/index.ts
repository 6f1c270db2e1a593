export { type CliOptions, createProgram, parseArguments } from "./cli/parseArguments.js";
export { type ChainLiquidation, readChainLiquidations } from "./crash/chainLiquidations.js";
export {
  compareLiquidations,
  type FirstLiquidations,
  type LiquidationComparison,
} from "./crash/compareLiquidations.js";
export {
  type CrashLiquidatedPosition,
  type CrashMarketFigures,
  type CrashReplayReport,
  crashReportJson,
} from "./crash/crashReport.js";
export { formatCrashReport } from "./crash/formatCrashReport.js";
export {
  type CrashReplayOptions,
  type CrashReplayResult,
  type CrashStepProgress,
  runCrashReplay,
} from "./crash/runCrashReplay.js";
export { describeLocalnet } from "./describeLocalnet.js";
export { PortInUseError } from "./lifecycle/ports.js";
export {
  DEFAULT_POOL_USD,
  DEFAULT_PORTS,
  type LocalnetHookContext,
  type LocalnetHooks,
  type StartLocalnetOptions,
} from "./options.js";
export { type Localnet, LocalnetStartError, startLocalnet } from "./startLocalnet.js";
export { buildWebConfig, type WebAppConfig } from "./web/webConfig.js";
export { startWebServer, type WebServer } from "./web/webServer.js";

/**
 * Every configuration field with its command-line flag, environment variable and description: the
 * single source of the CLI options, the environment names and the README's configuration table.
 * @module
 */

/** How a field is given on the command line. */
export type FieldKind = "string" | "number" | "boolean" | "list" | "secret" | "secret-list";

/** One configuration field. */
export interface ConfigField {
  /** Key in {@link KeeperConfigInput} and {@link KeeperConfig}. */
  key: string;
  /** Long flag without the leading dashes, e.g. `rpc-url`. */
  flag: string;
  /** Environment variable. */
  env: string;
  kind: FieldKind;
  /** Placeholder in `--help`. */
  arg?: string;
  /** Default as shown to humans. */
  defaultText: string;
  description: string;
}

const f = (field: ConfigField): ConfigField => field;

/** All fields, in the order `--help` lists them. */
export const CONFIG_FIELDS: readonly ConfigField[] = [
  f({
    key: "rpcUrl",
    flag: "rpc-url",
    env: "BASTION_KEEPER_RPC_URL",
    kind: "string",
    arg: "<url>",
    defaultText: "http://127.0.0.1:8545",
    description: "JSON-RPC endpoint of the chain (http(s) or ws(s))",
  }),
  f({
    key: "chainId",
    flag: "chain-id",
    env: "BASTION_KEEPER_CHAIN_ID",
    kind: "number",
    arg: "<id>",
    defaultText: "31337",
    description: "expected chain id; checked against the node at start",
  }),
  f({
    key: "privateKeys",
    flag: "private-key",
    env: "BASTION_KEEPER_PRIVATE_KEYS",
    kind: "secret-list",
    arg: "<hex>",
    defaultText: "the devchain keeper (chain 31337 only)",
    description:
      "keeper private key(s), 0x + 64 hex digits; repeat the flag or comma-separate the variable for several senders. Never logged",
  }),
  f({
    key: "hermesUrl",
    flag: "hermes-url",
    env: "BASTION_KEEPER_HERMES_URL",
    kind: "string",
    arg: "<url>",
    defaultText: "http://127.0.0.1:8787",
    description: "Hermes endpoint (the local price service by default)",
  }),
  f({
    key: "hermesApiKey",
    flag: "hermes-api-key",
    env: "BASTION_KEEPER_HERMES_API_KEY",
    kind: "secret",
    arg: "<key>",
    defaultText: "none (required for non-local endpoints)",
    description:
      "Hermes API key, sent as a bearer token (Hermes requires one since August 2026). Never logged",
  }),
  f({
    key: "hermesTimeoutMs",
    flag: "hermes-timeout-ms",
    env: "BASTION_KEEPER_HERMES_TIMEOUT_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "3000",
    description: "timeout of one Hermes request",
  }),
  f({
    key: "deploymentFile",
    flag: "deployment",
    env: "BASTION_KEEPER_DEPLOYMENT",
    kind: "string",
    arg: "<path>",
    defaultText: "the devchain's deployment.json (chain 31337 only)",
    description: "deployment JSON written by the deploy script (exchange and oracle addresses)",
  }),
  f({
    key: "exchange",
    flag: "exchange",
    env: "BASTION_KEEPER_EXCHANGE",
    kind: "string",
    arg: "<address>",
    defaultText: "from the deployment file",
    description: "exchange address (overrides the deployment file)",
  }),
  f({
    key: "oracle",
    flag: "oracle",
    env: "BASTION_KEEPER_ORACLE",
    kind: "string",
    arg: "<address>",
    defaultText: "from the deployment file, else exchange.oracle()",
    description: "price oracle adapter address",
  }),
  f({
    key: "pollIntervalMs",
    flag: "poll-interval-ms",
    env: "BASTION_KEEPER_POLL_INTERVAL_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "100",
    description: "how often new blocks and exchange events are polled (and receipts)",
  }),
  f({
    key: "priceIntervalMs",
    flag: "price-interval-ms",
    env: "BASTION_KEEPER_PRICE_INTERVAL_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "1000",
    description: "how often the latest Pyth update is fetched from Hermes (liquidations, triggers, ADL)",
  }),
  f({
    key: "reconcileIntervalMs",
    flag: "reconcile-interval-ms",
    env: "BASTION_KEEPER_RECONCILE_INTERVAL_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "5000",
    description: "how often the pending request lists are re-read in full",
  }),
  f({
    key: "positionRefreshIntervalMs",
    flag: "position-refresh-interval-ms",
    env: "BASTION_KEEPER_POSITION_REFRESH_INTERVAL_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "60000",
    description:
      "how often every market and position is re-read in full (events keep them current in between)",
  }),
  f({
    key: "accountCheckIntervalMs",
    flag: "account-check-interval-ms",
    env: "BASTION_KEEPER_ACCOUNT_CHECK_INTERVAL_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "2000",
    description: "how often keeper ETH balances are read and nonce gaps looked for",
  }),
  f({
    key: "maxInFlight",
    flag: "max-in-flight",
    env: "BASTION_KEEPER_MAX_IN_FLIGHT",
    kind: "number",
    arg: "<n>",
    defaultText: "64",
    description: "request executions and cancellations in flight at once",
  }),
  f({
    key: "liquidationConcurrency",
    flag: "liquidation-concurrency",
    env: "BASTION_KEEPER_LIQUIDATION_CONCURRENCY",
    kind: "number",
    arg: "<n>",
    defaultText: "64",
    description: "liquidation transactions in flight at once",
  }),
  f({
    key: "liquidationBatchSize",
    flag: "liquidation-batch-size",
    env: "BASTION_KEEPER_LIQUIDATION_BATCH_SIZE",
    kind: "number",
    arg: "<n>",
    defaultText: "20",
    description: "most positions of one market liquidated by one transaction",
  }),
  f({
    key: "gasLimit",
    flag: "gas-limit",
    env: "BASTION_KEEPER_GAS_LIMIT",
    kind: "number",
    arg: "<gas>",
    defaultText: "3000000",
    description:
      "gas limit of keeper transactions; 0 estimates each one (one more RPC call, and a nonce gap if the estimate fails)",
  }),
  f({
    key: "maxFeePerGasGwei",
    flag: "max-fee-per-gas-gwei",
    env: "BASTION_KEEPER_MAX_FEE_PER_GAS_GWEI",
    kind: "string",
    arg: "<gwei>",
    defaultText: "200",
    description: "fee cap: above it the keeper skips sends and reports them instead of overpaying",
  }),
  f({
    key: "stuckAfterSeconds",
    flag: "stuck-after-seconds",
    env: "BASTION_KEEPER_STUCK_AFTER_SECONDS",
    kind: "number",
    arg: "<s>",
    defaultText: "30",
    description:
      "a market request still pending this long after creation (or a reached trigger order this long after it was first due) is reported as stuck",
  }),
  f({
    key: "retryBaseMs",
    flag: "retry-base-ms",
    env: "BASTION_KEEPER_RETRY_BASE_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "250",
    description: "first retry delay after a failure (doubles each time, with jitter)",
  }),
  f({
    key: "retryMaxMs",
    flag: "retry-max-ms",
    env: "BASTION_KEEPER_RETRY_MAX_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "15000",
    description: "longest retry delay",
  }),
  f({
    key: "executor",
    flag: "executor",
    env: "BASTION_KEEPER_EXECUTOR",
    kind: "boolean",
    defaultText: "true",
    description:
      "execute deposits, withdrawals and orders, cancel expired requests (--no-executor to disable)",
  }),
  f({
    key: "liquidator",
    flag: "liquidator",
    env: "BASTION_KEEPER_LIQUIDATOR",
    kind: "boolean",
    defaultText: "true",
    description: "liquidate positions below maintenance margin (--no-liquidator to disable)",
  }),
  f({
    key: "adl",
    flag: "adl",
    env: "BASTION_KEEPER_ADL",
    kind: "boolean",
    defaultText: "true",
    description:
      "auto-deleverage when a side's PnL to pool factor is above its trigger (--no-adl to disable)",
  }),
  f({
    key: "margin",
    flag: "margin",
    env: "BASTION_KEEPER_MARGIN",
    kind: "string",
    arg: "<off|log|apply>",
    defaultText: "log",
    description: "maintenance margin proposer: off, log the proposal only, or apply it on chain",
  }),
  f({
    key: "marginIntervalMs",
    flag: "margin-interval-ms",
    env: "BASTION_KEEPER_MARGIN_INTERVAL_MS",
    kind: "number",
    arg: "<ms>",
    defaultText: "300000",
    description: "how often the maintenance margin is recalibrated",
  }),
  f({
    key: "marginHistoryUrl",
    flag: "margin-history-url",
    env: "BASTION_KEEPER_MARGIN_HISTORY_URL",
    kind: "string",
    arg: "<url>",
    defaultText: "the Hermes URL",
    description: "candles API (`/v1/candles`, the price service's shape) the margin is calibrated on",
  }),
  f({
    key: "marginHistoryMinutes",
    flag: "margin-history-minutes",
    env: "BASTION_KEEPER_MARGIN_HISTORY_MINUTES",
    kind: "number",
    arg: "<n>",
    defaultText: "4320",
    description: "1-minute bars of history to calibrate on (3 days)",
  }),
  f({
    key: "marginMinBars",
    flag: "margin-min-bars",
    env: "BASTION_KEEPER_MARGIN_MIN_BARS",
    kind: "number",
    arg: "<n>",
    defaultText: "1000",
    description: "fewer bars than this: no proposal (a 0.1% tail needs about 1/p bars)",
  }),
  f({
    key: "marginTargetProbability",
    flag: "margin-target-probability",
    env: "BASTION_KEEPER_MARGIN_TARGET_PROBABILITY",
    kind: "number",
    arg: "<p>",
    defaultText: "0.001",
    description: "target probability that a position at maintenance ends in shortfall",
  }),
  f({
    key: "marginOracleLatencySeconds",
    flag: "margin-oracle-latency-seconds",
    env: "BASTION_KEEPER_MARGIN_ORACLE_LATENCY_SECONDS",
    kind: "number",
    arg: "<s>",
    defaultText: "2",
    description: "oracle latency the margin must cover",
  }),
  f({
    key: "marginLiquidationDelaySeconds",
    flag: "margin-liquidation-delay-seconds",
    env: "BASTION_KEEPER_MARGIN_LIQUIDATION_DELAY_SECONDS",
    kind: "number",
    arg: "<s>",
    defaultText: "10",
    description: "liquidation delay the margin must cover",
  }),
  f({
    key: "dryRun",
    flag: "dry-run",
    env: "BASTION_KEEPER_DRY_RUN",
    kind: "boolean",
    defaultText: "false",
    description: "decide and log every action, send nothing",
  }),
  f({
    key: "metrics",
    flag: "metrics",
    env: "BASTION_KEEPER_METRICS",
    kind: "boolean",
    defaultText: "true",
    description: "serve Prometheus metrics (--no-metrics to disable)",
  }),
  f({
    key: "metricsHost",
    flag: "metrics-host",
    env: "BASTION_KEEPER_METRICS_HOST",
    kind: "string",
    arg: "<host>",
    defaultText: "127.0.0.1",
    description: "interface of the /metrics server",
  }),
  f({
    key: "metricsPort",
    flag: "metrics-port",
    env: "BASTION_KEEPER_METRICS_PORT",
    kind: "number",
    arg: "<port>",
    defaultText: "9464",
    description: "port of the /metrics server (0 picks a free one)",
  }),
  f({
    key: "logLevel",
    flag: "log-level",
    env: "BASTION_KEEPER_LOG_LEVEL",
    kind: "string",
    arg: "<level>",
    defaultText: "info",
    description: "fatal, error, warn, info, debug, trace or silent",
  }),
];

/** The field of a key. */
export function fieldOf(key: string): ConfigField | undefined {
  return CONFIG_FIELDS.find((field) => field.key === key);
}

/** `rpcUrl (--rpc-url, BASTION_KEEPER_RPC_URL)`: how errors name a field. */
export function fieldLabel(key: string): string {
  const field = fieldOf(key);
  return field === undefined ? key : `${key} (--${field.flag}, ${field.env})`;
}

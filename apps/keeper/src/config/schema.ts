import { type Address, type Hex, parseGwei } from "viem";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const MARGIN_MODES = ["off", "log", "apply"] as const;

const int = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `must be a number (${what})` })
    .int({ error: `must be an integer (${what})` })
    .min(min, { error: `must be at least ${min} (${what})` })
    .max(max, { error: `must be at most ${max} (${what})` });

const bool = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const v = value.trim().toLowerCase();
    if (["true", "1", "yes", "on"].includes(v)) return true;
    if (["false", "0", "no", "off"].includes(v)) return false;
    return value;
  },
  z.boolean({ error: "must be true or false" }),
);

const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });

const address = z
  .string({ error: "must be an address" })
  .regex(/^0x[0-9a-fA-F]{40}$/, { error: "must be a 20-byte hex address (0x + 40 hex digits)" })
  .transform((value) => value as Address);

/** A private key; the message never echoes the value. */
const privateKey = z
  .string({ error: "must be a private key" })
  .trim()
  .regex(/^0x[0-9a-fA-F]{64}$/, { error: "must be 32 bytes of hex (0x + 64 hex digits); value not shown" })
  .transform((value) => value.toLowerCase() as Hex);

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(",")
            .map((part) => part.trim())
            .filter((part) => part !== "")
        : value,
    z.array(item),
  );

const gwei = z
  .union([z.string(), z.number()], { error: "must be a decimal number of gwei" })
  .transform((value, context) => {
    const text = String(value).trim();
    if (!/^\d+(\.\d{1,9})?$/.test(text)) {
      context.addIssue({
        code: "custom",
        message: `must be a non-negative decimal number of gwei, got "${text}"`,
      });
      return z.NEVER;
    }
    return parseGwei(text);
  });

/**
 * The raw configuration schema: every field as given (programmatically, by flag or by environment
 * variable), coerced and checked. Defaults that depend on the chain (keys, deployment) are applied
 * after it by `resolveKeeperConfig`.
 */
export const keeperConfigSchema = z
  .object({
    rpcUrl: z
      .url({ protocol: /^(https?|wss?)$/, error: "must be an http(s) or ws(s) URL" })
      .default("http://127.0.0.1:8545"),
    chainId: int(1, Number.MAX_SAFE_INTEGER, "a chain id").default(31337),
    privateKeys: list(privateKey).optional(),
    hermesUrl: httpUrl.default("http://127.0.0.1:8787"),
    hermesApiKey: z.string().trim().min(1, { error: "must not be empty when given" }).optional(),
    hermesTimeoutMs: int(100, 120_000, "milliseconds").default(3000),
    deploymentFile: z.string().trim().min(1, { error: "must be a path" }).optional(),
    exchange: address.optional(),
    oracle: address.optional(),
    pollIntervalMs: int(10, 60_000, "milliseconds").default(100),
    priceIntervalMs: int(100, 600_000, "milliseconds").default(1000),
    reconcileIntervalMs: int(100, 3_600_000, "milliseconds").default(5000),
    positionRefreshIntervalMs: int(1000, 86_400_000, "milliseconds").default(60_000),
    accountCheckIntervalMs: int(100, 86_400_000, "milliseconds").default(2000),
    maxInFlight: int(1, 1024, "transactions").default(64),
    liquidationConcurrency: int(1, 1024, "transactions").default(64),
    liquidationBatchSize: int(1, 100, "positions").default(20),
    gasLimit: int(0, 100_000_000, "gas").default(3_000_000),
    maxFeePerGasGwei: gwei.default(parseGwei("200")),
    stuckAfterSeconds: int(1, 86_400, "seconds").default(30),
    retryBaseMs: int(10, 600_000, "milliseconds").default(250),
    retryMaxMs: int(10, 3_600_000, "milliseconds").default(15_000),
    executor: bool.default(true),
    liquidator: bool.default(true),
    adl: bool.default(true),
    margin: z.enum(MARGIN_MODES, { error: "must be off, log or apply" }).default("log"),
    marginIntervalMs: int(1000, 86_400_000, "milliseconds").default(300_000),
    marginHistoryUrl: httpUrl.optional(),
    marginHistoryMinutes: int(2, 100_000, "1-minute bars").default(4320),
    marginMinBars: int(2, 100_000, "bars").default(1000),
    marginTargetProbability: z.coerce
      .number({ error: "must be a number" })
      .gt(0, { error: "must be in (0, 1)" })
      .lt(1, { error: "must be in (0, 1)" })
      .default(0.001),
    marginOracleLatencySeconds: z.coerce
      .number({ error: "must be a number" })
      .min(0, { error: "must be >= 0" })
      .default(2),
    marginLiquidationDelaySeconds: z.coerce
      .number({ error: "must be a number" })
      .min(0, { error: "must be >= 0" })
      .default(10),
    dryRun: bool.default(false),
    metrics: bool.default(true),
    metricsHost: z.string().trim().min(1, { error: "must be a host name or address" }).default("127.0.0.1"),
    metricsPort: int(0, 65_535, "a TCP port").default(9464),
    logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.retryMaxMs < value.retryBaseMs) {
      context.addIssue({
        code: "custom",
        path: ["retryMaxMs"],
        message: `must be at least retryBaseMs (${value.retryBaseMs})`,
      });
    }
  });

/** What `keeperConfigSchema` accepts: every field optional, strings allowed for numbers and booleans. */
export type KeeperConfigInput = Partial<Record<keyof z.input<typeof keeperConfigSchema>, unknown>>;

/** The schema's output, before the chain-dependent defaults. */
export type ParsedKeeperConfig = z.output<typeof keeperConfigSchema>;

/** The validated configuration a keeper runs with. */
export interface KeeperConfig
  extends Omit<
    ParsedKeeperConfig,
    "privateKeys" | "exchange" | "oracle" | "maxFeePerGasGwei" | "marginHistoryUrl"
  > {
  /** At least one key; never logged (see `redactConfig`). */
  privateKeys: readonly Hex[];
  exchange: Address;
  /** The oracle; read from the exchange at start when not configured. */
  oracle: Address | undefined;
  /** The fee cap in wei. */
  maxFeePerGasWei: bigint;
  marginHistoryUrl: string;
}

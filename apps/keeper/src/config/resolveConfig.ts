import { readFile } from "node:fs/promises";
import { type Deployment, parseDeployment } from "@bastion/contracts";
import type { Address } from "viem";
import { type ConfigIssue, KeeperConfigError } from "./errors.js";
import { CONFIG_FIELDS } from "./fields.js";
import { LOCAL_CHAIN_ID, type LocalDefaults, loadLocalDefaults } from "./localDefaults.js";
import { type KeeperConfig, type KeeperConfigInput, keeperConfigSchema } from "./schema.js";

/** Where `resolveKeeperConfig` reads from besides the explicit input. */
export interface ResolveConfigOptions {
  /** Environment (default `process.env`); explicit input wins over it. */
  env?: Record<string, string | undefined>;
  /** Local-chain defaults (default: from `@bastion/devchain` when installed). Pass `null` for none. */
  localDefaults?: LocalDefaults | null;
}

/**
 * Validates a keeper configuration: explicit `input` (programmatic or command-line values) over
 * `BASTION_KEEPER_*` environment variables over defaults. On chain 31337 the devchain's keeper key
 * and deployment file are the defaults. Throws a `KeeperConfigError` naming every bad field; secret
 * values never appear in it.
 *
 * @example
 * const config = await resolveKeeperConfig({ rpcUrl: "http://127.0.0.1:8545", dryRun: true });
 */
export async function resolveKeeperConfig(
  input: KeeperConfigInput = {},
  options: ResolveConfigOptions = {},
): Promise<KeeperConfig> {
  const env = options.env ?? process.env;
  const raw: Record<string, unknown> = {};
  for (const field of CONFIG_FIELDS) {
    const explicit = (input as Record<string, unknown>)[field.key];
    const fromEnv = env[field.env];
    const value =
      explicit !== undefined ? explicit : fromEnv !== undefined && fromEnv !== "" ? fromEnv : undefined;
    if (value !== undefined) raw[field.key] = value;
  }
  for (const key of Object.keys(input)) {
    if (!CONFIG_FIELDS.some((field) => field.key === key)) raw[key] = (input as Record<string, unknown>)[key];
  }
  const parsed = keeperConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KeeperConfigError(
      parsed.error.issues.map((issue) => ({
        field: formatPath(issue.path),
        message:
          issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message,
      })),
    );
  }
  const config = parsed.data;
  const issues: ConfigIssue[] = [];
  const isLocal = config.chainId === LOCAL_CHAIN_ID;
  const local = isLocal
    ? options.localDefaults === null
      ? undefined
      : (options.localDefaults ?? (await loadLocalDefaults()))
    : undefined;

  let privateKeys = config.privateKeys ?? [];
  if (privateKeys.length === 0) {
    if (local) privateKeys = [local.keeperPrivateKey];
    else issues.push({ field: "privateKeys", message: "at least one keeper private key is required" });
  }
  if (new Set(privateKeys).size !== privateKeys.length) {
    issues.push({ field: "privateKeys", message: "the same key is given twice" });
  }

  if (!isLocalUrl(config.hermesUrl) && config.hermesApiKey === undefined) {
    issues.push({
      field: "hermesApiKey",
      message: `required for ${config.hermesUrl}: Hermes requires an API key since August 2026`,
    });
  }

  let exchange: Address | undefined = config.exchange;
  let oracle: Address | undefined = config.oracle;
  const deploymentFile =
    config.deploymentFile ?? (exchange === undefined ? local?.deploymentFile : undefined);
  if (deploymentFile !== undefined) {
    const deployment = await readDeployment(deploymentFile, issues);
    if (deployment !== undefined) {
      if (deployment.chainId !== config.chainId) {
        issues.push({
          field: "deploymentFile",
          message: `${deploymentFile} is for chain ${deployment.chainId}, not ${config.chainId}`,
        });
      }
      exchange ??= deployment.exchange;
      oracle ??= deployment.oracle;
    }
  }
  if (exchange === undefined) {
    issues.push({
      field: "exchange",
      message: "give the exchange address or a deployment file (--deployment)",
    });
  }
  if (issues.length > 0 || exchange === undefined) throw new KeeperConfigError(issues);

  const resolved = {
    ...config,
    privateKeys: Object.freeze([...privateKeys]),
    exchange,
    oracle,
    deploymentFile,
    maxFeePerGasWei: config.maxFeePerGasGwei,
    marginHistoryUrl: config.marginHistoryUrl ?? config.hermesUrl,
  };
  Object.defineProperty(resolved, RESOLVED, { value: true, enumerable: false });
  return Object.freeze(resolved) as KeeperConfig;
}

const RESOLVED = Symbol.for("bastion.keeper.resolvedConfig");

/** Whether `value` came out of {@link resolveKeeperConfig}. */
export function isResolvedConfig(value: unknown): value is KeeperConfig {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[RESOLVED] === true;
}

async function readDeployment(path: string, issues: ConfigIssue[]): Promise<Deployment | undefined> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    issues.push({
      field: "deploymentFile",
      message: `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    });
    return undefined;
  }
  try {
    return parseDeployment(JSON.parse(text));
  } catch (error) {
    issues.push({ field: "deploymentFile", message: `${path}: ${(error as Error).message}` });
    return undefined;
  }
}

function isLocalUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === "127.0.0.1" || host === "localhost" || host === "[::1]" || host === "::1";
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path)
    out += typeof part === "number" ? `[${part}]` : out === "" ? String(part) : `.${String(part)}`;
  return out === "" ? "(config)" : out;
}

/** The configuration with secrets removed, for logs: keys become their count, the API key a flag. */
export function redactConfig(config: KeeperConfig): Record<string, unknown> {
  const { privateKeys, hermesApiKey, maxFeePerGasWei, ...rest } = config;
  return {
    ...rest,
    privateKeys: `${privateKeys.length} key(s)`,
    hermesApiKey: hermesApiKey === undefined ? "none" : "set",
    maxFeePerGasWei: maxFeePerGasWei.toString(),
    maxFeePerGasGwei: undefined,
  };
}

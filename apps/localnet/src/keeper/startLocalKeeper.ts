import type { Deployment } from "@bastion/contracts";
import { createKeeperLogger, type Keeper, type KeeperConfigInput, startKeeper } from "@bastion/keeper";
import type { Hex } from "viem";

/** Parameters of {@link startLocalKeeper}. */
export interface StartLocalKeeperParameters {
  rpcUrl: string;
  chainId: number;
  deployment: Deployment;
  /** The keeper account's key (the devchain's keeper: order, ADL and risk keeper roles). */
  privateKey: Hex;
  /** The Hermes endpoint: the local price service. */
  hermesUrl: string;
  metricsPort: number;
  host: string;
  /** The keeper's own log lines, on stderr. */
  logLevel: "silent" | "warn" | "info";
  /** More keeper configuration over these (e.g. `{ margin: "off" }`). */
  overrides: Readonly<Record<string, unknown>>;
}

/** A running keeper. */
export interface LocalKeeper {
  /** The keeper itself (configuration, metrics, components). */
  keeper: Keeper;
  /** Prometheus metrics, when served. */
  metricsUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * Starts the keeper in this process (`@bastion/keeper`'s `startKeeper`) against the local chain with
 * the devchain's keeper account and the local price service as its Hermes endpoint: it executes
 * requests, liquidates, runs ADL and logs (does not apply) margin proposals.
 */
export async function startLocalKeeper(parameters: StartLocalKeeperParameters): Promise<LocalKeeper> {
  const input: KeeperConfigInput = {
    rpcUrl: parameters.rpcUrl,
    chainId: parameters.chainId,
    privateKeys: [parameters.privateKey],
    hermesUrl: parameters.hermesUrl,
    exchange: parameters.deployment.exchange,
    oracle: parameters.deployment.oracle,
    metricsHost: parameters.host,
    metricsPort: parameters.metricsPort,
    logLevel: parameters.logLevel,
    margin: "log",
    ...parameters.overrides,
  };
  const keeper = await startKeeper(input, {
    logger: createKeeperLogger(parameters.logLevel, process.stderr),
  });
  return { keeper, metricsUrl: keeper.metricsUrl, stop: () => keeper.stop() };
}

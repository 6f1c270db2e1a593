import type { Address } from "viem";

/** Addresses of one Bastion deployment, as the deploy script writes them (`contracts/deployments/<chainId>.json`). */
export interface Deployment {
  chainId: number;
  pyth: Address;
  oracle: Address;
  exchange: Address;
  timelock: Address;
  weth: Address;
  wbtc: Address;
  usdc: Address;
  ethUsdMarket: Address;
  btcUsdMarket: Address;
}

const ADDRESS_KEYS = [
  "pyth",
  "oracle",
  "exchange",
  "timelock",
  "weth",
  "wbtc",
  "usdc",
  "ethUsdMarket",
  "btcUsdMarket",
] as const satisfies readonly (keyof Deployment)[];

/** Thrown when a deployment file is not what the deploy script writes. */
export class InvalidDeploymentError extends Error {
  override name = "InvalidDeploymentError";
}

/**
 * Validates a parsed deployment JSON and returns it typed.
 * @example
 * const deployment = parseDeployment(JSON.parse(readFileSync("contracts/deployments/31337.json", "utf8")));
 */
export function parseDeployment(json: unknown): Deployment {
  if (typeof json !== "object" || json === null)
    throw new InvalidDeploymentError("deployment must be a JSON object");
  const record = json as Record<string, unknown>;
  const chainId = record.chainId;
  if (typeof chainId !== "number" || !Number.isInteger(chainId) || chainId <= 0) {
    throw new InvalidDeploymentError(`deployment.chainId must be a positive integer, got ${String(chainId)}`);
  }
  const deployment: Record<string, unknown> = { chainId };
  for (const key of ADDRESS_KEYS) {
    const value = record[key];
    if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value)) {
      throw new InvalidDeploymentError(
        `deployment.${key} must be a 20-byte hex address, got ${String(value)}`,
      );
    }
    deployment[key] = value;
  }
  return deployment as unknown as Deployment;
}

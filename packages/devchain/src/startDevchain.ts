import { existsSync, readFileSync } from "node:fs";
import { type Deployment, parseDeployment } from "@bastion/contracts";
import { type Chain, defineChain } from "viem";
import { type AnvilInstance, type StartAnvilOptions, startAnvil } from "./anvil.js";
import { DEVCHAIN_DEPLOYMENT_FILE, DEVCHAIN_STATE_FILE } from "./buildDevchainState.js";
import { DEV_ACCOUNTS } from "./devAccounts.js";
import { MULTICALL3_ADDRESS } from "./multicall3.js";

/** A running local chain with Bastion deployed. */
export interface Devchain {
  anvil: AnvilInstance;
  rpcUrl: string;
  /** A viem chain for it (id 31337, its RPC URL). */
  chain: Chain;
  deployment: Deployment;
  accounts: typeof DEV_ACCOUNTS;
  stop(): Promise<void>;
}

/** Thrown when the local chain has not been built (`pnpm --filter @bastion/devchain build`). */
export class DevchainNotBuiltError extends Error {
  override name = "DevchainNotBuiltError";
}

/**
 * Starts anvil from the built state: Bastion deployed by the real deploy script, the dev keepers
 * holding their roles, no liquidity yet. Each call is an independent chain on its own port.
 *
 * @example
 * const devchain = await startDevchain();
 * const client = createPublicClient({ chain: devchain.chain, transport: http(devchain.rpcUrl) });
 * await client.readContract({ address: devchain.deployment.exchange, abi: exchangeAbi, functionName: "getMarkets" });
 * await devchain.stop();
 */
export async function startDevchain(
  options: Omit<StartAnvilOptions, "loadState" | "chainId"> = {},
): Promise<Devchain> {
  if (!existsSync(DEVCHAIN_STATE_FILE) || !existsSync(DEVCHAIN_DEPLOYMENT_FILE)) {
    throw new DevchainNotBuiltError(
      `the local chain state is missing (${DEVCHAIN_STATE_FILE}); build it with: pnpm --filter @bastion/devchain build`,
    );
  }
  const deployment = parseDeployment(JSON.parse(readFileSync(DEVCHAIN_DEPLOYMENT_FILE, "utf8")));
  const anvil = await startAnvil({ ...options, chainId: deployment.chainId, loadState: DEVCHAIN_STATE_FILE });
  const chain = localChain(anvil.rpcUrl, deployment.chainId);
  return { anvil, rpcUrl: anvil.rpcUrl, chain, deployment, accounts: DEV_ACCOUNTS, stop: () => anvil.stop() };
}

/** A viem chain definition for a local anvil built by this package (Multicall3 at its canonical address). */
export function localChain(rpcUrl: string, chainId = 31337): Chain {
  return defineChain({
    id: chainId,
    name: "Bastion local",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: { multicall3: { address: MULTICALL3_ADDRESS } },
  });
}

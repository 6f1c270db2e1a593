import type { Devchain } from "@bastion/devchain";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";

/** A wallet client with an account, on the local chain. */
export type LocalWallet = WalletClient<Transport, Chain, Account>;

/** Clients for the local chain: reads, and wallets for the dev accounts. */
export interface LocalClients {
  publicClient: PublicClient<Transport, Chain>;
  /** A wallet client signing with `privateKey` (in process). */
  wallet(privateKey: Hex): LocalWallet;
  /** A wallet client sending as `address` through the node (anvil impersonation or an unlocked account). */
  impersonated(address: Address): LocalWallet;
}

/** How often clients poll the local chain (it mines every transaction at once). */
export const LOCAL_POLLING_INTERVAL_MS = 50;

/**
 * Clients for a devchain, polling fast (anvil mines each transaction immediately).
 *
 * @example
 * const { publicClient, wallet } = createLocalClients(devchain);
 * const deployer = wallet(devchain.accounts.deployer.privateKey);
 */
export function createLocalClients(devchain: Pick<Devchain, "chain" | "rpcUrl">): LocalClients {
  const transport = http(devchain.rpcUrl, { retryCount: 0 });
  const options = { chain: devchain.chain, transport, pollingInterval: LOCAL_POLLING_INTERVAL_MS };
  return {
    publicClient: createPublicClient(options),
    wallet: (privateKey) => createWalletClient({ ...options, account: privateKeyToAccount(privateKey) }),
    impersonated: (address) =>
      createWalletClient({ ...options, account: { address, type: "json-rpc" } }) as LocalWallet,
  };
}

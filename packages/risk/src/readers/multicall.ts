import type { Address, Client } from "viem";

/** Where the readers send their batched calls. */
export interface MulticallOptions {
  /**
   * A deployed Multicall3. Default: the client chain's `multicall3` contract when it declares one,
   * otherwise viem's deployless multicall (Multicall3's bytecode runs inside the `eth_call`, so it
   * works on chains without Multicall3, such as a plain anvil).
   */
  multicallAddress?: Address;
}

/** Calldata bytes per deployless `eth_call`: keeps the init code well under EIP-3860's 49,152-byte limit. */
export const DEPLOYLESS_BATCH_BYTES = 12_000;

/** The multicall settings for viem's `multicall` action. */
export function multicallSettings(
  client: Client,
  options: MulticallOptions,
): { multicallAddress: Address } | { deployless: true; batchSize: number } {
  const address = options.multicallAddress ?? client.chain?.contracts?.multicall3?.address;
  if (address !== undefined) return { multicallAddress: address };
  return { deployless: true, batchSize: DEPLOYLESS_BATCH_BYTES };
}

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

/**
 * Calldata bytes per deployless `eth_call` (viem's own default). A deployless multicall returns its
 * results as the code of the contract it "deploys", which EIP-170 caps at 24,576 bytes: a position is
 * ~450 bytes of results for ~100 bytes of calldata, so larger batches fail on big books.
 */
export const DEPLOYLESS_BATCH_BYTES = 1_024;

/** The multicall settings for viem's `multicall` action. */
export function multicallSettings(
  client: Client,
  options: MulticallOptions,
): { multicallAddress: Address } | { deployless: true; batchSize: number } {
  const address = options.multicallAddress ?? client.chain?.contracts?.multicall3?.address;
  if (address !== undefined) return { multicallAddress: address };
  return { deployless: true, batchSize: DEPLOYLESS_BATCH_BYTES };
}

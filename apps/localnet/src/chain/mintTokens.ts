import { mockErc20Abi } from "@bastion/contracts";
import type { Address, Hash } from "viem";
import type { LocalClients, LocalWallet } from "./clients.js";

/** One mint of a mock token (public `mint`). */
export interface MintParameters {
  token: Address;
  to: Address;
  amount: bigint;
}

/**
 * Mints mock tokens (the local deployment's WETH, WBTC and USDC have a public `mint`), sending every
 * transaction from `sender` with consecutive nonces and then waiting for all receipts.
 */
export async function mintTokens(
  clients: LocalClients,
  sender: LocalWallet,
  mints: readonly MintParameters[],
): Promise<void> {
  if (mints.length === 0) return;
  const { publicClient } = clients;
  let nonce = await publicClient.getTransactionCount({
    address: sender.account.address,
    blockTag: "pending",
  });
  const hashes: Hash[] = [];
  for (const mint of mints) {
    hashes.push(
      await sender.writeContract({
        address: mint.token,
        abi: mockErc20Abi,
        functionName: "mint",
        args: [mint.to, mint.amount],
        nonce: nonce++,
      }),
    );
  }
  for (const hash of hashes) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`mint transaction ${hash} reverted`);
  }
}

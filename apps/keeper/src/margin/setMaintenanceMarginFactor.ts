import { exchangeAbi } from "@bastion/contracts";
import { BastionContractError, TransactionRevertedError } from "@bastion/sdk";
import type { Address, Hash, TransactionReceipt } from "viem";
import { simulateContract, waitForTransactionReceipt, writeContract } from "viem/actions";
import type { Signer } from "../chain/clients.js";

/** Parameters of {@link setMaintenanceMarginFactor}. */
export interface SetMaintenanceMarginFactorParameters {
  exchange: Address;
  market: Address;
  /** The new factor, 1e30 = 100%. */
  factor: bigint;
  gas?: bigint | undefined;
}

/**
 * `exchange.setMaintenanceMarginFactor(market, factor)` (risk keeper role): simulate, send, wait.
 *
 * The SDK has no action for it yet; this is the keeper's local stand-in, written the SDK's way
 * (simulation first, a revert decoded into a `BastionContractError`). It should move to the SDK.
 */
export async function setMaintenanceMarginFactor(
  signer: Signer,
  parameters: SetMaintenanceMarginFactorParameters,
): Promise<{ hash: Hash; receipt: TransactionReceipt }> {
  const client = signer.client;
  let request: unknown;
  try {
    const simulated = await simulateContract(client, {
      address: parameters.exchange,
      abi: exchangeAbi,
      functionName: "setMaintenanceMarginFactor",
      args: [parameters.market, parameters.factor],
      account: client.account,
      ...(parameters.gas === undefined ? {} : { gas: parameters.gas }),
    });
    request = simulated.request;
  } catch (error) {
    throw new BastionContractError("setMaintenanceMarginFactor", error);
  }
  const hash = await writeContract(client, request as Parameters<typeof writeContract>[1]);
  const receipt = await waitForTransactionReceipt(client, { hash });
  if (receipt.status !== "success") throw new TransactionRevertedError("setMaintenanceMarginFactor", hash);
  return { hash, receipt };
}

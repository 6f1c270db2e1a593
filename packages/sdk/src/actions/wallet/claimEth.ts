import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import { type BastionContractError, EventNotFoundError } from "../../errors/errors.js";
import { exchangeEvents } from "../../internal/context.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "../../internal/write.js";

export interface ClaimEthParameters extends WriteOptions {
  exchange: Address;
}

export interface ClaimEthReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** Wei received (from `EthClaimed`). */
  amount: bigint;
}

export type ClaimEthErrorType = BastionContractError | WriteContractErrorType;

/**
 * Claims ETH (refunds, execution fees) a failed payment left owed to the sender. Fails with the
 * decoded `NothingToClaim` when nothing is owed.
 *
 * @example
 * const { amount } = await claimEth(walletClient, { exchange: deployment.exchange });
 */
export async function claimEth(
  client: SigningClient,
  parameters: ClaimEthParameters,
): Promise<ClaimEthReturnType> {
  const { hash, receipt } = await simulateAndSend(client, {
    action: "claimEth",
    address: parameters.exchange,
    functionName: "claimEth",
    args: [],
    account: parameters.account,
    gas: parameters.gas,
  });
  const [event] = exchangeEvents(parameters.exchange, receipt.logs, "EthClaimed");
  if (!event) throw new EventNotFoundError("EthClaimed", hash);
  return { hash, receipt, amount: event.args.amount };
}

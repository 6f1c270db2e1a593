import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import { type BastionContractError, EventNotFoundError } from "../../errors/errors.js";
import { exchangeEvents } from "../../internal/context.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "../../internal/write.js";

export interface ClaimFundsParameters extends WriteOptions {
  exchange: Address;
  market: Address;
  token: Address;
}

export interface ClaimFundsReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** Token units received (from `FundsClaimed`). */
  amount: bigint;
}

export type ClaimFundsErrorType = BastionContractError | WriteContractErrorType;

/**
 * Claims tokens a failed transfer left owed to the sender (see `getClaimable`). Fails with the
 * decoded `NothingToClaim` when nothing is owed.
 *
 * @example
 * await claimFunds(walletClient, { exchange, market: deployment.ethUsdMarket, token: deployment.usdc });
 */
export async function claimFunds(
  client: SigningClient,
  parameters: ClaimFundsParameters,
): Promise<ClaimFundsReturnType> {
  const { hash, receipt } = await simulateAndSend(client, {
    action: "claimFunds",
    address: parameters.exchange,
    functionName: "claimFunds",
    args: [parameters.market, parameters.token],
    account: parameters.account,
    gas: parameters.gas,
  });
  const [event] = exchangeEvents(parameters.exchange, receipt.logs, "FundsClaimed");
  if (!event) throw new EventNotFoundError("FundsClaimed", hash);
  return { hash, receipt, amount: event.args.amount };
}

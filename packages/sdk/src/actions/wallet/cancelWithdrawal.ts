import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import type { BastionContractError, InvalidParameterError, RequestGoneError } from "../../errors/errors.js";
import { cancelRequest } from "../../internal/cancel.js";
import type { SigningClient, WriteOptions } from "../../internal/write.js";

export interface CancelWithdrawalParameters extends WriteOptions {
  exchange: Address;
  /** The withdrawal request's id. */
  id: bigint;
}

export interface CancelWithdrawalReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  requestId: bigint;
}

export type CancelWithdrawalErrorType =
  | InvalidParameterError
  | RequestGoneError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Cancels a pending withdrawal and returns its escrow and execution fee to its owner. The owner may
 * cancel after the exchange's `cancelDelay`; anyone may cancel a market request once it expired.
 * Too early fails with the decoded `RequestNotCancellableYet` (and the time it becomes possible).
 *
 * @example
 * await cancelWithdrawal(walletClient, { exchange: deployment.exchange, id: requestId });
 */
export async function cancelWithdrawal(
  client: SigningClient,
  parameters: CancelWithdrawalParameters,
): Promise<CancelWithdrawalReturnType> {
  return cancelRequest(client, "withdrawal", parameters);
}

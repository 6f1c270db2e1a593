import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import type { BastionContractError, InvalidParameterError, RequestGoneError } from "../../errors/errors.js";
import { cancelRequest } from "../../internal/cancel.js";
import type { SigningClient, WriteOptions } from "../../internal/write.js";

export interface CancelDepositParameters extends WriteOptions {
  exchange: Address;
  /** The deposit request's id. */
  id: bigint;
}

export interface CancelDepositReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  requestId: bigint;
}

export type CancelDepositErrorType =
  | InvalidParameterError
  | RequestGoneError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Cancels a pending deposit and returns its escrow and execution fee to its owner. The owner may
 * cancel after the exchange's `cancelDelay`; anyone may cancel a market request once it expired.
 * Too early fails with the decoded `RequestNotCancellableYet` (and the time it becomes possible); a
 * request that was already executed or cancelled throws a `RequestGoneError`.
 *
 * @example
 * await cancelDeposit(walletClient, { exchange: deployment.exchange, id: requestId });
 */
export async function cancelDeposit(
  client: SigningClient,
  parameters: CancelDepositParameters,
): Promise<CancelDepositReturnType> {
  return cancelRequest(client, "deposit", parameters);
}

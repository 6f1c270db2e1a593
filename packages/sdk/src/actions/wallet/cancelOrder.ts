import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import type { BastionContractError, InvalidParameterError, RequestGoneError } from "../../errors/errors.js";
import { cancelRequest } from "../../internal/cancel.js";
import type { SigningClient, WriteOptions } from "../../internal/write.js";

export interface CancelOrderParameters extends WriteOptions {
  exchange: Address;
  /** The order request's id. */
  id: bigint;
}

export interface CancelOrderReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  requestId: bigint;
}

export type CancelOrderErrorType =
  | InvalidParameterError
  | RequestGoneError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Cancels a pending order and returns its escrow and execution fee to its owner. The owner may
 * cancel after the exchange's `cancelDelay`; anyone may cancel a market request once it expired.
 * Too early fails with the decoded `RequestNotCancellableYet` (and the time it becomes possible).
 *
 * @example
 * await cancelOrder(walletClient, { exchange: deployment.exchange, id: requestId });
 */
export async function cancelOrder(
  client: SigningClient,
  parameters: CancelOrderParameters,
): Promise<CancelOrderReturnType> {
  return cancelRequest(client, "order", parameters);
}

import type { WriteContractErrorType } from "viem";
import type { BastionContractError, InvalidParameterError, RequestGoneError } from "../../errors/errors.js";
import {
  executeRequest,
  type KeeperParameters,
  type KeeperResult,
  type RequestOutcome,
} from "../../internal/execute.js";
import type { SigningClient } from "../../internal/write.js";

export interface ExecuteWithdrawalParameters extends KeeperParameters {
  /** The pending withdrawal's id. */
  id: bigint;
}

/** `outcome`: `executed`, or `cancelled` with the decoded reason (the request was refunded). */
export type ExecuteWithdrawalReturnType = KeeperResult<RequestOutcome>;

export type ExecuteWithdrawalErrorType =
  | RequestGoneError
  | InvalidParameterError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Executes a pending withdrawal with a Pyth update published at or after its creation (and before it
 * expires), paying exactly the Pyth fee the oracle quotes. Simulates first: a withdrawal another keeper
 * already executed throws a `RequestGoneError` (`isRequestGone(error)`), other failures a
 * `BastionContractError` with the decoded custom error.
 *
 * @example
 * const { updateData } = await fetchPriceUpdate({ client: hermes, feedIds, publishTime: Number(request.createdAt) });
 * const { outcome } = await executeWithdrawal(keeperClient, { exchange, id, priceUpdate: updateData });
 * if (outcome.status === "cancelled") console.log(outcome.reason.message);
 */
export async function executeWithdrawal(
  client: SigningClient,
  parameters: ExecuteWithdrawalParameters,
): Promise<ExecuteWithdrawalReturnType> {
  return executeRequest(client, "withdrawal", parameters);
}

import type { WriteContractErrorType } from "viem";
import type { BastionContractError, InvalidParameterError, RequestGoneError } from "../../errors/errors.js";
import {
  executeRequest,
  type KeeperParameters,
  type KeeperResult,
  type RequestOutcome,
} from "../../internal/execute.js";
import type { SigningClient } from "../../internal/write.js";

export interface ExecuteOrderParameters extends KeeperParameters {
  /** The pending order's id. */
  id: bigint;
}

/** `outcome`: `executed`, or `cancelled` with the decoded reason (the request was refunded). */
export type ExecuteOrderReturnType = KeeperResult<RequestOutcome>;

export type ExecuteOrderErrorType =
  | RequestGoneError
  | InvalidParameterError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Executes a pending order with a Pyth update published at or after its creation (and before it
 * expires; trigger orders: no older than `maxPriceAge`), paying exactly the Pyth fee the oracle
 * quotes. A trigger order whose price was not reached fails with the decoded `TriggerPriceNotReached`
 * and stays pending. Simulates first: a order another keeper
 * already executed throws a `RequestGoneError` (`isRequestGone(error)`), other failures a
 * `BastionContractError` with the decoded custom error.
 *
 * @example
 * const { updateData } = await fetchPriceUpdate({ client: hermes, feedIds, publishTime: Number(request.createdAt) });
 * const { outcome } = await executeOrder(keeperClient, { exchange, id, priceUpdate: updateData });
 * if (outcome.status === "cancelled") console.log(outcome.reason.message);
 */
export async function executeOrder(
  client: SigningClient,
  parameters: ExecuteOrderParameters,
): Promise<ExecuteOrderReturnType> {
  return executeRequest(client, "order", parameters);
}

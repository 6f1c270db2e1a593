import { exchangeAbi } from "@bastion/contracts";
import type { Address, Chain, Client, ReadContractErrorType, Transport } from "viem";
import { InvalidParameterError } from "../../errors/errors.js";
import { isEmptyRecord, readOne } from "../../internal/read.js";
import { REQUEST_GETTER } from "../../internal/requests.js";
import type { RequestKind, RequestOf } from "../../types.js";

export interface GetRequestParameters<kind extends RequestKind = RequestKind> {
  exchange: Address;
  kind: kind;
  id: bigint;
  blockNumber?: bigint | undefined;
}

/** The pending request, or `null` when it does not exist (never created, executed or cancelled). */
export type GetRequestReturnType<kind extends RequestKind = RequestKind> = RequestOf<kind> | null;

export type GetRequestErrorType = InvalidParameterError | ReadContractErrorType;

/**
 * Reads a pending deposit, withdrawal or order.
 *
 * @example
 * const order = await getRequest(publicClient, { exchange, kind: "order", id: 7n });
 * if (order) console.log(order.acceptablePrice);
 */
export async function getRequest<kind extends RequestKind>(
  client: Client<Transport, Chain | undefined>,
  parameters: GetRequestParameters<kind>,
): Promise<GetRequestReturnType<kind>> {
  const functionName = REQUEST_GETTER[parameters.kind];
  if (functionName === undefined) {
    throw new InvalidParameterError(
      "kind",
      `must be "deposit", "withdrawal" or "order", got ${parameters.kind}`,
    );
  }
  const request = await readOne<RequestOf<kind>>(
    client,
    { address: parameters.exchange, abi: exchangeAbi, functionName, args: [parameters.id] },
    { blockNumber: parameters.blockNumber },
  );
  return isEmptyRecord(request) ? null : request;
}

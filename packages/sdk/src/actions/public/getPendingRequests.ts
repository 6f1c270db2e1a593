import { exchangeAbi, REQUEST_KIND } from "@bastion/contracts";
import type { Address, Chain, Client, MulticallErrorType, Transport } from "viem";
import { InvalidParameterError } from "../../errors/errors.js";
import { isEmptyRecord, readMany, readOne, snapshotBlock } from "../../internal/read.js";
import { REQUEST_GETTER, REQUEST_KINDS } from "../../internal/requests.js";
import type { Deposit, Order, RequestKind, Withdrawal } from "../../types.js";

export interface GetPendingRequestsParameters {
  exchange: Address;
  /** Only this kind (default: deposits, then withdrawals, then orders). */
  kind?: RequestKind | undefined;
  /** Ids read per `getPendingRequestIds` page (default 200). */
  pageSize?: number | undefined;
  blockNumber?: bigint | undefined;
}

/** A pending request with its kind and id. */
export type PendingRequest =
  | { kind: "deposit"; id: bigint; request: Deposit }
  | { kind: "withdrawal"; id: bigint; request: Withdrawal }
  | { kind: "order"; id: bigint; request: Order };

export type GetPendingRequestsReturnType = PendingRequest[];

export type GetPendingRequestsErrorType = InvalidParameterError | MulticallErrorType;

/**
 * Every pending request (what a keeper executes): pages `getPendingRequestIds` per kind and reads
 * each page's requests in one multicall, all at one block.
 *
 * @example
 * for (const pending of await getPendingRequests(publicClient, { exchange })) {
 *   console.log(pending.kind, pending.id, pending.request.createdAt);
 * }
 */
export async function getPendingRequests(
  client: Client<Transport, Chain | undefined>,
  parameters: GetPendingRequestsParameters,
): Promise<GetPendingRequestsReturnType> {
  const { exchange } = parameters;
  const pageSize = parameters.pageSize ?? 200;
  if (!Number.isInteger(pageSize) || pageSize <= 0) {
    throw new InvalidParameterError("pageSize", `must be a positive integer, got ${pageSize}`);
  }
  if (parameters.kind !== undefined && !(parameters.kind in REQUEST_KIND)) {
    throw new InvalidParameterError(
      "kind",
      `must be "deposit", "withdrawal" or "order", got ${parameters.kind}`,
    );
  }
  const kinds = parameters.kind === undefined ? REQUEST_KINDS : [parameters.kind];
  const blockNumber = await snapshotBlock(client, parameters.blockNumber);
  const pending: PendingRequest[] = [];
  for (const kind of kinds) {
    const kindNumber = REQUEST_KIND[kind];
    const count = await readOne<bigint>(
      client,
      { address: exchange, abi: exchangeAbi, functionName: "getPendingRequestCount", args: [kindNumber] },
      { blockNumber },
    );
    for (let start = 0n; start < count; start += BigInt(pageSize)) {
      const ids = await readOne<readonly bigint[]>(
        client,
        {
          address: exchange,
          abi: exchangeAbi,
          functionName: "getPendingRequestIds",
          args: [kindNumber, start, BigInt(pageSize)],
        },
        { blockNumber },
      );
      const requests = await readMany(
        client,
        ids.map((id) => ({
          address: exchange,
          abi: exchangeAbi,
          functionName: REQUEST_GETTER[kind],
          args: [id],
        })),
        { blockNumber },
      );
      requests.forEach((request, i) => {
        if (isEmptyRecord(request as { account: Address })) return;
        pending.push({ kind, id: ids[i] as bigint, request } as PendingRequest);
      });
    }
  }
  return pending;
}

import type { Address, Hash, TransactionReceipt } from "viem";
import { decodeBastionError } from "../errors/decodeBastionError.js";
import { EventNotFoundError, InvalidParameterError, RequestGoneError } from "../errors/errors.js";
import type { RequestKind } from "../types.js";
import { exchangeEvents } from "./context.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "./write.js";

export interface CancelParameters extends WriteOptions {
  exchange: Address;
  /** The request id. */
  id: bigint;
}

export interface CancelReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The cancelled request's id (from `RequestCancelled`). */
  requestId: bigint;
}

const FUNCTION = { deposit: "cancelDeposit", withdrawal: "cancelWithdrawal", order: "cancelOrder" } as const;

export async function cancelRequest(
  client: SigningClient,
  kind: RequestKind,
  parameters: CancelParameters,
): Promise<CancelReturnType> {
  if (typeof parameters.id !== "bigint" || parameters.id <= 0n) {
    throw new InvalidParameterError("id", "must be a positive bigint request id");
  }
  const functionName = FUNCTION[kind];
  const { hash, receipt } = await simulateAndSend(client, {
    action: functionName,
    address: parameters.exchange,
    functionName,
    args: [parameters.id],
    account: parameters.account,
    gas: parameters.gas,
    onSimulateError(error) {
      // Executed, cancelled or expired-and-refunded already: say so rather than "not found".
      if (decodeBastionError(error).name === "RequestNotFound")
        throw new RequestGoneError(kind, parameters.id, { cause: error });
    },
  });
  const event = exchangeEvents(parameters.exchange, receipt.logs, "RequestCancelled").find(
    (log) => log.args.id === parameters.id,
  );
  if (!event) throw new EventNotFoundError("RequestCancelled", hash);
  return { hash, receipt, requestId: event.args.id };
}

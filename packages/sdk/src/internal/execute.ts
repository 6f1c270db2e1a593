import { exchangeAbi, pythOracleAbi } from "@bastion/contracts";
import {
  type Address,
  type Chain,
  type Client,
  type Hash,
  type Hex,
  isAddressEqual,
  parseEventLogs,
  type TransactionReceipt,
  type Transport,
} from "viem";
import { type DecodedError, decodeBastionError } from "../errors/decodeBastionError.js";
import { EventNotFoundError, InvalidParameterError, RequestGoneError } from "../errors/errors.js";
import type { RequestKind } from "../types.js";
import { exchangeEvents } from "./context.js";
import { isEmptyRecord, readOne } from "./read.js";
import { REQUEST_GETTER } from "./requests.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "./write.js";

/** What a request's execution did. */
export type RequestOutcome =
  | { status: "executed" }
  /** The request failed its own conditions and was cancelled and refunded; the keeper still earned the fee. */
  | { status: "cancelled"; reason: DecodedError };

/** Options shared by every keeper action. */
export interface KeeperParameters extends WriteOptions {
  exchange: Address;
  /** Pyth update data (e.g. `fetchPriceUpdate(...).updateData`). */
  priceUpdate: readonly Hex[];
  /** The oracle's address; read from the exchange when omitted (saves one call per execution). */
  oracle?: Address | undefined;
}

export interface KeeperResult<outcome> {
  hash: Hash;
  receipt: TransactionReceipt;
  outcome: outcome;
}

/** The Pyth fee the oracle quotes for `priceUpdate`, which the keeper sends as `msg.value`. */
export async function quoteUpdateFee(
  client: Client<Transport, Chain | undefined>,
  parameters: KeeperParameters,
): Promise<bigint> {
  if (!Array.isArray(parameters.priceUpdate) || parameters.priceUpdate.length === 0) {
    throw new InvalidParameterError("priceUpdate", "must hold at least one Pyth update");
  }
  const oracle =
    parameters.oracle ??
    (await readOne<Address>(client, {
      address: parameters.exchange,
      abi: exchangeAbi,
      functionName: "oracle",
    }));
  return readOne<bigint>(client, {
    address: oracle,
    abi: pythOracleAbi,
    functionName: "getUpdateFee",
    args: [parameters.priceUpdate],
  });
}

const EXECUTE = {
  deposit: "executeDeposit",
  withdrawal: "executeWithdrawal",
  order: "executeOrder",
} as const;

/** Executes a pending request and decodes what happened from the receipt. */
export async function executeRequest(
  client: SigningClient,
  kind: RequestKind,
  parameters: KeeperParameters & { id: bigint },
): Promise<KeeperResult<RequestOutcome>> {
  const { exchange, id } = parameters;
  if (typeof id !== "bigint" || id <= 0n) throw new InvalidParameterError("id", "must be a positive bigint");
  const fee = await quoteUpdateFee(client, parameters);
  const requestGone = async () => {
    const request = await readOne<{ account: Address }>(client, {
      address: exchange,
      abi: exchangeAbi,
      functionName: REQUEST_GETTER[kind],
      args: [id],
    });
    return isEmptyRecord(request);
  };
  const functionName = EXECUTE[kind];
  const { hash, receipt } = await simulateAndSend(client, {
    action: functionName,
    address: exchange,
    functionName,
    args: [id, parameters.priceUpdate],
    value: fee,
    account: parameters.account,
    gas: parameters.gas,
    onSimulateError(error) {
      if (decodeBastionError(error).name === "RequestNotFound")
        throw new RequestGoneError(kind, id, { cause: error });
    },
    async onReverted(hash) {
      if (await requestGone()) throw new RequestGoneError(kind, id, { hash });
    },
  });
  const cancelled = exchangeEvents(exchange, receipt.logs, "RequestCancelled").find(
    (log) => log.args.id === id,
  );
  if (cancelled) {
    return {
      hash,
      receipt,
      outcome: { status: "cancelled", reason: decodeBastionError(cancelled.args.reason) },
    };
  }
  const executed =
    kind === "deposit"
      ? exchangeEvents(exchange, receipt.logs, "DepositExecuted").some((log) => log.args.id === id)
      : kind === "withdrawal"
        ? exchangeEvents(exchange, receipt.logs, "WithdrawalExecuted").some((log) => log.args.id === id)
        : exchangeEvents(exchange, receipt.logs, "PositionIncreased").some(
            (log) => log.args.orderId === id,
          ) ||
          exchangeEvents(exchange, receipt.logs, "PositionDecreased").some((log) => log.args.orderId === id);
  if (!executed) throw new EventNotFoundError(`${EXECUTE[kind]} result`, hash);
  return { hash, receipt, outcome: { status: "executed" } };
}

/** Whether the oracle held a price back in this receipt (its deviation guard). */
export function hasDeviationPending(receipt: TransactionReceipt): boolean {
  return (
    parseEventLogs({ abi: pythOracleAbi, logs: receipt.logs, eventName: "PriceDeviationPending" }).length > 0
  );
}

/** Checks whether a position still exists. */
export async function positionGone(
  client: Client<Transport, Chain | undefined>,
  exchange: Address,
  key: Hex,
) {
  const position = await readOne<{ account: Address }>(client, {
    address: exchange,
    abi: exchangeAbi,
    functionName: "getPosition",
    args: [key],
  });
  return isEmptyRecord(position);
}

export function sameAddress(a: Address, b: Address): boolean {
  return isAddressEqual(a, b);
}

import type { Hex, WriteContractErrorType } from "viem";
import { decodeBastionError } from "../../errors/decodeBastionError.js";
import {
  type BastionContractError,
  EventNotFoundError,
  InvalidParameterError,
  RequestGoneError,
} from "../../errors/errors.js";
import { exchangeEvents } from "../../internal/context.js";
import {
  hasDeviationPending,
  type KeeperParameters,
  type KeeperResult,
  positionGone,
  quoteUpdateFee,
} from "../../internal/execute.js";
import { type SigningClient, simulateAndSend } from "../../internal/write.js";

export interface ExecuteAdlParameters extends KeeperParameters {
  /** The profitable position to reduce. */
  positionKey: Hex;
  /** Size to close, USD with 30 decimals (capped at the position's size). */
  sizeDeltaUsd: bigint;
}

/** `executed`, or `deferred` when the oracle's deviation guard held a price back (retry with a newer update). */
export type AdlOutcome = { status: "executed" } | { status: "deferred" };

export type ExecuteAdlReturnType = KeeperResult<AdlOutcome>;

export type ExecuteAdlErrorType =
  | RequestGoneError
  | InvalidParameterError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Auto-deleverages a profitable position while its side's PnL to pool factor is above the trigger
 * (ADL keeper role). Not triggered fails with the decoded `AdlNotTriggered`; a position already
 * closed throws `RequestGoneError`.
 *
 * @example
 * const { outcome } = await executeAdl(keeperClient, { exchange, positionKey, sizeDeltaUsd: parseUsd("10000"), priceUpdate });
 */
export async function executeAdl(
  client: SigningClient,
  parameters: ExecuteAdlParameters,
): Promise<ExecuteAdlReturnType> {
  const { exchange, positionKey, sizeDeltaUsd } = parameters;
  if (typeof sizeDeltaUsd !== "bigint" || sizeDeltaUsd <= 0n) {
    throw new InvalidParameterError("sizeDeltaUsd", "must be a positive bigint (USD, 30 decimals)");
  }
  const fee = await quoteUpdateFee(client, parameters);
  const { hash, receipt, result } = await simulateAndSend(client, {
    action: "executeAdl",
    address: exchange,
    functionName: "executeAdl",
    args: [positionKey, sizeDeltaUsd, parameters.priceUpdate],
    value: fee,
    account: parameters.account,
    gas: parameters.gas,
    onSimulateError(error) {
      if (decodeBastionError(error).name === "PositionNotFound") {
        throw new RequestGoneError("position", positionKey, { cause: error });
      }
    },
    async onReverted(hash) {
      if (await positionGone(client, exchange, positionKey))
        throw new RequestGoneError("position", positionKey, { hash });
    },
  });
  const decreased = exchangeEvents(exchange, receipt.logs, "PositionDecreased").some(
    (log) => log.args.positionKey === positionKey,
  );
  if (decreased) return { hash, receipt, outcome: { status: "executed" } };
  if (result === false || hasDeviationPending(receipt))
    return { hash, receipt, outcome: { status: "deferred" } };
  throw new EventNotFoundError("PositionDecreased", hash);
}

import type { Hex, WriteContractErrorType } from "viem";
import { decodeBastionError } from "../../errors/decodeBastionError.js";
import {
  type BastionContractError,
  EventNotFoundError,
  type InvalidParameterError,
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

export interface LiquidatePositionParameters extends KeeperParameters {
  /** The position's key (see `getPositionKey`). */
  positionKey: Hex;
}

/**
 * `liquidated` (`partial` when a large position lost one slice), or `deferred`: a price moved beyond
 * the oracle's deviation bound and was held back until a later, consistent update confirms it; call
 * again with a newer update.
 */
export type LiquidationOutcome = { status: "liquidated"; partial: boolean } | { status: "deferred" };

export type LiquidatePositionReturnType = KeeperResult<LiquidationOutcome>;

export type LiquidatePositionErrorType =
  | RequestGoneError
  | InvalidParameterError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Liquidates a position below maintenance margin (anyone may; the caller earns the liquidation fee)
 * with a Pyth update no older than `maxPriceAge`. A position above maintenance fails with the
 * decoded `PositionNotLiquidatable`; one already closed throws `RequestGoneError`.
 *
 * @example
 * const { outcome } = await liquidatePosition(keeperClient, { exchange, positionKey, priceUpdate: updateData });
 * if (outcome.status === "deferred") {
 *   // fetch a newer update and try again
 * }
 */
export async function liquidatePosition(
  client: SigningClient,
  parameters: LiquidatePositionParameters,
): Promise<LiquidatePositionReturnType> {
  const { exchange, positionKey } = parameters;
  const fee = await quoteUpdateFee(client, parameters);
  const { hash, receipt, result } = await simulateAndSend(client, {
    action: "liquidatePosition",
    address: exchange,
    functionName: "liquidatePosition",
    args: [positionKey, parameters.priceUpdate],
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
  const liquidated = exchangeEvents(exchange, receipt.logs, "PositionLiquidated").find(
    (log) => log.args.positionKey === positionKey,
  );
  if (liquidated)
    return { hash, receipt, outcome: { status: "liquidated", partial: liquidated.args.isPartial } };
  if (result === false || hasDeviationPending(receipt))
    return { hash, receipt, outcome: { status: "deferred" } };
  throw new EventNotFoundError("PositionLiquidated", hash);
}

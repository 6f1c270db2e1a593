import type { Address, Hex, WriteContractErrorType } from "viem";
import { type BastionContractError, InvalidParameterError } from "../../errors/errors.js";
import { exchangeEvents } from "../../internal/context.js";
import {
  hasDeviationPending,
  type KeeperParameters,
  type KeeperResult,
  quoteUpdateFee,
} from "../../internal/execute.js";
import { type SigningClient, simulateAndSend } from "../../internal/write.js";

export interface LiquidatePositionsParameters extends KeeperParameters {
  /** The market every listed position belongs to (positions of other markets are skipped). */
  market: Address;
  /** Keys of the positions to liquidate (see `getPositionKey`); at least one. */
  positionKeys: readonly Hex[];
}

/** One liquidation the batch made, from its `PositionLiquidated` event. */
export interface BatchLiquidation {
  positionKey: Hex;
  account: Address;
  /** A slice of a large position (it stays open) rather than the whole position. */
  partial: boolean;
  sizeClosedUsd: bigint;
}

/**
 * `liquidated` with what was liquidated (listed positions that were healthy, already closed or of
 * another market were skipped; a key listed twice may appear twice), or `deferred`: a price moved
 * beyond the oracle's deviation bound and awaits a later, consistent update; nothing was liquidated.
 */
export type BatchLiquidationOutcome =
  | { status: "liquidated"; liquidations: BatchLiquidation[] }
  | { status: "deferred" };

export type LiquidatePositionsReturnType = KeeperResult<BatchLiquidationOutcome>;

export type LiquidatePositionsErrorType =
  | InvalidParameterError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Liquidates, with one Pyth update, every listed position of `market` that is below maintenance
 * margin (anyone may; the caller earns each liquidation fee). Positions that are healthy, already
 * closed or of another market are skipped rather than failing the batch, so racing another
 * liquidator costs nothing; each liquidation is exactly the one `liquidatePosition` would make in
 * the same block. In a crash this costs about 139,000 gas per position plus one Pyth update, against
 * 354,000 for a single `liquidatePosition`. An unknown market fails with the decoded `MarketNotFound`.
 *
 * @example
 * const { outcome } = await liquidatePositions(keeperClient, { exchange, market, positionKeys, priceUpdate: updateData });
 * if (outcome.status === "liquidated") console.log(`${outcome.liquidations.length} liquidated`);
 */
export async function liquidatePositions(
  client: SigningClient,
  parameters: LiquidatePositionsParameters,
): Promise<LiquidatePositionsReturnType> {
  const { exchange, market, positionKeys } = parameters;
  if (!Array.isArray(positionKeys) || positionKeys.length === 0) {
    throw new InvalidParameterError("positionKeys", "must list at least one position key");
  }
  const fee = await quoteUpdateFee(client, parameters);
  const { hash, receipt, result } = await simulateAndSend(client, {
    action: "liquidatePositions",
    address: exchange,
    functionName: "liquidatePositions",
    args: [market, positionKeys, parameters.priceUpdate],
    value: fee,
    account: parameters.account,
    gas: parameters.gas,
  });
  const liquidations = exchangeEvents(exchange, receipt.logs, "PositionLiquidated").map((log) => ({
    positionKey: log.args.positionKey,
    account: log.args.account,
    partial: log.args.isPartial,
    sizeClosedUsd: log.args.sizeClosedUsd,
  }));
  const [confirmed] = result as readonly [boolean, bigint];
  if (liquidations.length === 0 && (!confirmed || hasDeviationPending(receipt))) {
    return { hash, receipt, outcome: { status: "deferred" } };
  }
  return { hash, receipt, outcome: { status: "liquidated", liquidations } };
}

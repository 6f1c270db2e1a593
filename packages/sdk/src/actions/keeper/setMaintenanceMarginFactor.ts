import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import {
  type BastionContractError,
  EventNotFoundError,
  InvalidParameterError,
  type TransactionRevertedError,
} from "../../errors/errors.js";
import { exchangeEvents } from "../../internal/context.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "../../internal/write.js";

export interface SetMaintenanceMarginFactorParameters extends WriteOptions {
  exchange: Address;
  market: Address;
  /** The new maintenance margin factor, 30 decimals (1e30 = 100%). */
  factor: bigint;
}

export interface SetMaintenanceMarginFactorReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The factor before the update (from `MaintenanceMarginUpdated`). */
  previousFactor: bigint;
  /** The factor now in force. */
  factor: bigint;
}

export type SetMaintenanceMarginFactorErrorType =
  | InvalidParameterError
  | BastionContractError
  | TransactionRevertedError
  | EventNotFoundError
  | WriteContractErrorType;

/**
 * Moves a market's maintenance margin factor (risk keeper role), e.g. to a value proposed by
 * `@bastion/risk`'s calibrator. The contract bounds every move, and a refused one throws a
 * `BastionContractError` with the decoded reason: a second move within the market's `minInterval`
 * (`MaintenanceMarginUpdateTooSoon`), a move larger than `maxStep` (`MaintenanceMarginStepTooLarge`),
 * a factor outside `[minMaintenanceMarginFactor, maxMaintenanceMarginFactor]` (`ParameterOutOfBounds`),
 * or a caller without the risk keeper role (`AccessControlUnauthorizedAccount`).
 *
 * @example
 * const { previousFactor, factor } = await setMaintenanceMarginFactor(riskKeeper, {
 *   exchange: deployment.exchange,
 *   market: deployment.ethUsdMarket,
 *   factor: 12n * 10n ** 27n, // 1.2%
 * });
 */
export async function setMaintenanceMarginFactor(
  client: SigningClient,
  parameters: SetMaintenanceMarginFactorParameters,
): Promise<SetMaintenanceMarginFactorReturnType> {
  const { exchange, market, factor } = parameters;
  if (typeof factor !== "bigint" || factor <= 0n) {
    throw new InvalidParameterError("factor", "must be a positive bigint (30 decimals, 1e30 = 100%)");
  }
  const { hash, receipt } = await simulateAndSend(client, {
    action: "setMaintenanceMarginFactor",
    address: exchange,
    functionName: "setMaintenanceMarginFactor",
    args: [market, factor],
    account: parameters.account,
    gas: parameters.gas,
  });
  const updated = exchangeEvents(exchange, receipt.logs, "MaintenanceMarginUpdated").find(
    (log) => log.args.market.toLowerCase() === market.toLowerCase(),
  );
  if (!updated) throw new EventNotFoundError("MaintenanceMarginUpdated", hash);
  return { hash, receipt, previousFactor: updated.args.previousFactor, factor: updated.args.newFactor };
}

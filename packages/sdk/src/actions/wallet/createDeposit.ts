import type { Address, Hash, TransactionReceipt, WriteContractErrorType } from "viem";
import {
  type BastionContractError,
  EventNotFoundError,
  type ExecutionFeeTooLowError,
  InvalidParameterError,
  type UnknownMarketError,
} from "../../errors/errors.js";
import {
  exchangeEvents,
  loadWriteContext,
  requireNonNegative,
  resolveExecutionFee,
} from "../../internal/context.js";
import { type SigningClient, simulateAndSend, type WriteOptions } from "../../internal/write.js";

export interface CreateDepositParameters extends WriteOptions {
  exchange: Address;
  market: Address;
  /** Long token units to deposit (default 0). */
  longTokenAmount?: bigint | undefined;
  /** Short token units to deposit (default 0). */
  shortTokenAmount?: bigint | undefined;
  /** Fewest LP shares to accept; the keeper cancels and refunds otherwise (default 0). */
  minShares?: bigint | undefined;
  /** Wei paid to the executing keeper (default: the exchange's minimum). */
  executionFee?: bigint | undefined;
}

export interface CreateDepositReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The deposit request's id (from `DepositCreated`). */
  requestId: bigint;
}

export type CreateDepositErrorType =
  | InvalidParameterError
  | ExecutionFeeTooLowError
  | UnknownMarketError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Requests a deposit of pool tokens for LP shares (step one of two: a keeper executes it with a
 * fresh price). Approve the exchange for the tokens first (`approveToken`).
 *
 * @example
 * const { requestId } = await createDeposit(walletClient, {
 *   exchange: deployment.exchange,
 *   market: deployment.ethUsdMarket,
 *   longTokenAmount: parseEther("1"),
 *   shortTokenAmount: 3_000_000_000n, // 3000 USDC
 * });
 */
export async function createDeposit(
  client: SigningClient,
  parameters: CreateDepositParameters,
): Promise<CreateDepositReturnType> {
  const { exchange, market } = parameters;
  const longTokenAmount = parameters.longTokenAmount ?? 0n;
  const shortTokenAmount = parameters.shortTokenAmount ?? 0n;
  const minShares = parameters.minShares ?? 0n;
  requireNonNegative("longTokenAmount", longTokenAmount);
  requireNonNegative("shortTokenAmount", shortTokenAmount);
  requireNonNegative("minShares", minShares);
  if (longTokenAmount === 0n && shortTokenAmount === 0n) {
    throw new InvalidParameterError(
      "longTokenAmount",
      "a deposit needs a long or a short token amount (both are zero)",
    );
  }
  const context = await loadWriteContext(client, exchange, market);
  const executionFee = resolveExecutionFee(context.settings, parameters.executionFee);
  const { hash, receipt } = await simulateAndSend(client, {
    action: "createDeposit",
    address: exchange,
    functionName: "createDeposit",
    args: [market, longTokenAmount, shortTokenAmount, minShares],
    value: executionFee,
    account: parameters.account,
    gas: parameters.gas,
  });
  const [event] = exchangeEvents(exchange, receipt.logs, "DepositCreated");
  if (!event) throw new EventNotFoundError("DepositCreated", hash);
  return { hash, receipt, requestId: event.args.id };
}

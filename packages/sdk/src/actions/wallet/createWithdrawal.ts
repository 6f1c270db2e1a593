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

export interface CreateWithdrawalParameters extends WriteOptions {
  exchange: Address;
  market: Address;
  /** LP shares to redeem (18 decimals); escrowed by the pool token, no approval needed. */
  shares: bigint;
  /** Fewest long tokens to accept (default 0). */
  minLongTokenAmount?: bigint | undefined;
  /** Fewest short tokens to accept (default 0). */
  minShortTokenAmount?: bigint | undefined;
  /** Wei paid to the executing keeper (default: the exchange's minimum). */
  executionFee?: bigint | undefined;
}

export interface CreateWithdrawalReturnType {
  hash: Hash;
  receipt: TransactionReceipt;
  /** The withdrawal request's id (from `WithdrawalCreated`). */
  requestId: bigint;
}

export type CreateWithdrawalErrorType =
  | InvalidParameterError
  | ExecutionFeeTooLowError
  | UnknownMarketError
  | BastionContractError
  | WriteContractErrorType;

/**
 * Requests a withdrawal of LP shares for pool tokens, in proportion to the pool's holdings.
 *
 * @example
 * const { requestId } = await createWithdrawal(walletClient, { exchange, market, shares: parseEther("100") });
 */
export async function createWithdrawal(
  client: SigningClient,
  parameters: CreateWithdrawalParameters,
): Promise<CreateWithdrawalReturnType> {
  const { exchange, market, shares } = parameters;
  const minLongTokenAmount = parameters.minLongTokenAmount ?? 0n;
  const minShortTokenAmount = parameters.minShortTokenAmount ?? 0n;
  requireNonNegative("shares", shares);
  requireNonNegative("minLongTokenAmount", minLongTokenAmount);
  requireNonNegative("minShortTokenAmount", minShortTokenAmount);
  if (shares === 0n) throw new InvalidParameterError("shares", "must be positive");
  const context = await loadWriteContext(client, exchange, market);
  const executionFee = resolveExecutionFee(context.settings, parameters.executionFee);
  const { hash, receipt } = await simulateAndSend(client, {
    action: "createWithdrawal",
    address: exchange,
    functionName: "createWithdrawal",
    args: [market, shares, minLongTokenAmount, minShortTokenAmount],
    value: executionFee,
    account: parameters.account,
    gas: parameters.gas,
  });
  const [event] = exchangeEvents(exchange, receipt.logs, "WithdrawalCreated");
  if (!event) throw new EventNotFoundError("WithdrawalCreated", hash);
  return { hash, receipt, requestId: event.args.id };
}

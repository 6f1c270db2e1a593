import type { Hash, Hex } from "viem";
import { BastionError } from "./base.js";
import { type DecodedError, decodeBastionError } from "./decodeBastionError.js";

/** A contract call or its simulation reverted; `decoded` says with which error and values. */
export class BastionContractError extends BastionError {
  override name = "BastionContractError";
  /** The action that failed, e.g. `createDeposit`. */
  readonly action: string;
  readonly decoded: DecodedError;
  constructor(action: string, cause: unknown) {
    const decoded = decodeBastionError(cause);
    super(`${action} reverted: ${decoded.message}`, { cause });
    this.action = action;
    this.decoded = decoded;
  }
}

/** Bad input caught before anything was sent. */
export class InvalidParameterError extends BastionError {
  override name = "InvalidParameterError";
  constructor(
    readonly parameter: string,
    reason: string,
  ) {
    super(`${parameter}: ${reason}`);
  }
}

/** The market is not one of the exchange's markets. */
export class UnknownMarketError extends BastionError {
  override name = "UnknownMarketError";
  constructor(
    readonly market: Hex,
    readonly exchange: Hex,
  ) {
    super(`market ${market} is not a market of exchange ${exchange}`);
  }
}

/** The execution fee given is below the exchange's `minExecutionFee`. */
export class ExecutionFeeTooLowError extends InvalidParameterError {
  override name = "ExecutionFeeTooLowError";
  constructor(
    readonly executionFee: bigint,
    readonly minExecutionFee: bigint,
  ) {
    super("executionFee", `${executionFee} wei is below the exchange's minimum of ${minExecutionFee} wei`);
  }
}

/**
 * The request (or position) is gone: another keeper executed or liquidated it first, or its owner
 * cancelled it. Expected when several keepers run at once; recognise it with `isRequestGone`.
 */
export class RequestGoneError extends BastionError {
  override name = "RequestGoneError";
  constructor(
    readonly kind: "deposit" | "withdrawal" | "order" | "position",
    readonly id: bigint | Hex,
    options?: { cause?: unknown; hash?: Hash },
  ) {
    super(
      `${kind} ${String(id)} no longer exists (executed, liquidated or cancelled already)${options?.hash ? `; transaction ${options.hash} reverted` : ""}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
  }
}

/** Whether `error` means the request or position was already handled (by another keeper, say). */
export function isRequestGone(error: unknown): error is RequestGoneError {
  return error instanceof RequestGoneError;
}

/** A transaction was mined but reverted (its simulation had passed: the state changed in between). */
export class TransactionRevertedError extends BastionError {
  override name = "TransactionRevertedError";
  constructor(
    readonly action: string,
    readonly hash: Hash,
  ) {
    super(`${action}: transaction ${hash} reverted on chain after a successful simulation`);
  }
}

/** A mined transaction lacks the event the action reads its result from. */
export class EventNotFoundError extends BastionError {
  override name = "EventNotFoundError";
  constructor(
    readonly eventName: string,
    readonly hash: Hash,
  ) {
    super(`transaction ${hash} emitted no ${eventName} event from the exchange`);
  }
}

/** Whether `error` is a contract error with the given custom error name (any name when omitted). */
export function isBastionContractError(error: unknown, name?: string): error is BastionContractError {
  return error instanceof BastionContractError && (name === undefined || error.decoded.name === name);
}

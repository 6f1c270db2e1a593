import { bastionErrorsAbi } from "@bastion/contracts";
import { BaseError, decodeErrorResult, formatUnits, type Hex, isHex, slice } from "viem";

/** A revert reason decoded into the custom error (or panic) the contracts raised. */
export interface DecodedError {
  /** Error name, e.g. `InsufficientExecutionFee`; `Panic` / `Error` for Solidity's built-ins; `UnknownError`, `EmptyRevert` or the JavaScript error's name when nothing could be decoded. */
  name: string;
  /** Decoded arguments, in declaration order (bigint for integers). */
  args: readonly unknown[];
  /** A sentence for humans, with the values that failed. */
  message: string;
  /** The raw revert data, when there was any. */
  data?: Hex | undefined;
}

export type DecodeBastionErrorParameters = unknown;
export type DecodeBastionErrorReturnType = DecodedError;
export type DecodeBastionErrorErrorType = never;

/** Solidity panic codes. */
const PANIC_REASONS: Record<number, string> = {
  1: "an assertion failed",
  17: "an arithmetic operation overflowed or underflowed",
  18: "division or modulo by zero",
  33: "a value was converted to an out-of-range enum",
  34: "a storage byte array was incorrectly encoded",
  49: "pop() was called on an empty array",
  50: "an array index was out of bounds",
  65: "too much memory was allocated",
  81: "an uninitialised internal function was called",
};

const usd = (value: unknown) => `$${formatUnits(value as bigint, 30)}`;
const factor = (value: unknown) => `${formatUnits((value as bigint) * 100n, 30)}%`;
const str = (value: unknown) => String(value);

/** Human descriptions of the errors integrators meet most; the rest get `Name(arg=value, ...)`. */
const DESCRIPTIONS: Record<string, (args: readonly unknown[]) => string> = {
  MarketNotFound: ([market]) => `market ${str(market)} does not exist`,
  MarketPaused: ([market]) => `market ${str(market)} is paused for deposits and increases`,
  InsufficientExecutionFee: ([provided, required]) =>
    `execution fee ${str(provided)} wei is below the minimum ${str(required)} wei`,
  EmptyDeposit: () => "a deposit needs a long or a short token amount",
  ZeroShares: () => "the share amount is zero",
  ZeroSizeDelta: () => "the order changes neither size nor collateral",
  ZeroCollateral: () => "the position has no collateral",
  InvalidCollateralToken: ([market, token]) =>
    `token ${str(token)} is not one of market ${str(market)}'s pool tokens`,
  InvalidOrder: ([orderType, triggerPrice, acceptablePrice]) =>
    `invalid order shape: type ${str(orderType)}, trigger price ${str(triggerPrice)}, acceptable price ${str(acceptablePrice)} (market orders take no trigger, trigger orders need one, long increases and short decreases need an acceptable price)`,
  RequestNotFound: ([id]) => `request ${str(id)} does not exist (executed or cancelled already)`,
  RequestNotCancellableYet: ([id, at]) =>
    `request ${str(id)} can be cancelled from ${str(at)} (unix seconds)`,
  NotRequestOwner: ([id, owner]) => `request ${str(id)} belongs to ${str(owner)}`,
  RequestExpired: ([id, at]) => `request ${str(id)} expired at ${str(at)} (unix seconds)`,
  TokenTransferMismatch: ([token, expected, received]) =>
    `token ${str(token)} delivered ${str(received)} instead of ${str(expected)} (fee-on-transfer tokens are not supported)`,
  InsufficientOracleFee: ([provided, required]) =>
    `oracle fee ${str(provided)} wei is below the ${str(required)} wei the price update costs`,
  InsufficientExecutionGas: ([gasLeft, required]) =>
    `execution needs at least ${str(required)} gas left, had ${str(gasLeft)}`,
  ExecutionOutOfGas: ([id]) => `the execution of request ${str(id)} ran out of gas`,
  AcceptablePriceNotMet: ([executionPrice, acceptablePrice]) =>
    `execution price ${str(executionPrice)} is worse than the acceptable price ${str(acceptablePrice)} (USD per token unit, 30 decimals)`,
  TriggerPriceNotReached: ([price, triggerPrice]) =>
    `index price ${str(price)} has not reached the trigger price ${str(triggerPrice)}`,
  PositionNotFound: ([key]) => `position ${str(key)} does not exist`,
  PositionTooSmall: ([size, min]) => `position size ${usd(size)} is below the minimum ${usd(min)}`,
  InsufficientCollateral: ([remaining, required]) =>
    `remaining collateral ${usd(remaining)} is below the required ${usd(required)}`,
  CollateralWithdrawalTooLarge: ([requested, available]) =>
    `cannot withdraw ${str(requested)} collateral, only ${str(available)} is available`,
  MaxOpenInterestExceeded: ([oi, max]) => `open interest ${usd(oi)} would exceed the maximum ${usd(max)}`,
  ReserveExceeded: ([reserved, max]) =>
    `reserved ${usd(reserved)} would exceed the pool's maximum ${usd(max)}`,
  InsufficientPoolLiquidity: ([token, requested, available]) =>
    `the pool holds ${str(available)} of ${str(token)}, ${str(requested)} requested`,
  MinSharesNotMet: ([shares, min]) =>
    `the deposit would mint ${str(shares)} shares, fewer than the minimum ${str(min)}`,
  MinTokensNotMet: ([longOut, minLong, shortOut, minShort]) =>
    `the withdrawal would pay ${str(longOut)} long / ${str(shortOut)} short tokens, below the minimums ${str(minLong)} / ${str(minShort)}`,
  PoolValueNotPositive: ([market, value]) => `pool value of ${str(market)} is not positive (${usd(value)})`,
  PnlFactorExceededForWithdrawals: ([isLong, ratio, max]) =>
    `withdrawals are closed while ${isLong ? "long" : "short"} traders' PnL is ${factor(ratio)} of the pool (max ${factor(max)})`,
  PositionNotLiquidatable: ([key, remaining, maintenance]) =>
    `position ${str(key)} is not liquidatable: remaining collateral ${usd(remaining)} >= maintenance margin ${usd(maintenance)}`,
  AdlNotTriggered: ([market, isLong, ratio, trigger]) =>
    `ADL is not triggered on ${str(market)} ${isLong ? "longs" : "shorts"}: PnL to pool ${factor(ratio)} <= ${factor(trigger)}`,
  PositionNotInProfit: ([key, pnl]) => `position ${str(key)} is not in profit (${usd(pnl)})`,
  NothingToClaim: () => "nothing to claim",
  ClaimTransferFailed: ([token, account, amount]) =>
    `transfer of ${str(amount)} ${str(token)} to ${str(account)} failed`,
  AccessControlUnauthorizedAccount: ([account, role]) => `account ${str(account)} lacks role ${str(role)}`,
  FeedNotConfigured: ([token]) => `no Pyth feed is configured for token ${str(token)}`,
  FuturePrice: ([feedId, publishTime, max]) =>
    `price of feed ${str(feedId)} is published at ${str(publishTime)}, after the latest accepted time ${str(max)}`,
  NonPositivePrice: ([feedId, price]) => `price of feed ${str(feedId)} is not positive (${str(price)})`,
  UnexpectedExponent: ([feedId, expo, expected]) =>
    `feed ${str(feedId)} has exponent ${str(expo)}, expected ${str(expected)}`,
  ConfidenceTooWide: ([feedId, conf, price, max]) =>
    `confidence ${str(conf)} of feed ${str(feedId)} is too wide for price ${str(price)} (max ${factor(max)} of the price)`,
  InvalidPublishWindow: ([min, max]) => `empty publish time window [${str(min)}, ${str(max)}]`,
  PriceFeedNotFoundWithinRange: () =>
    "the price update holds no price for a required feed within the request's publish time window (published before the request, after its expiry, stale, or missing)",
  PriceFeedNotFound: () => "the price update does not contain a required feed",
  InsufficientFee: () => "the Pyth update fee was not paid",
  InvalidUpdateData: () => "the price update data is invalid",
  ERC20InsufficientAllowance: ([spender, allowance, needed]) =>
    `allowance ${str(allowance)} of ${str(spender)} is below the ${str(needed)} needed (approve first)`,
  ERC20InsufficientBalance: ([sender, balance, needed]) =>
    `balance ${str(balance)} of ${str(sender)} is below the ${str(needed)} needed`,
};

/**
 * Decodes why a Bastion call failed: from a viem error (`ContractFunctionExecutionError`,
 * `CallExecutionError`, ...) or from raw revert data (such as a `RequestCancelled` event's
 * `reason`). Knows every custom error of the exchange, oracle, Pyth and tokens, plus Solidity's
 * `Panic` and `Error(string)`. Never throws: unknown data and non-revert errors get a fallback.
 *
 * @example
 * const decoded = decodeBastionError(cancelledEvent.args.reason);
 * // { name: "AcceptablePriceNotMet", args: [3000300000000000n, 2900000000000000n], message: "..." }
 */
export function decodeBastionError(error: unknown): DecodeBastionErrorReturnType {
  try {
    if (typeof error === "string") {
      if (isHex(error)) return decodeRevertData(error);
      return { name: "Error", args: [], message: error };
    }
    const data = findRevertData(error);
    if (data !== undefined) return decodeRevertData(data);
    if (error instanceof BaseError) {
      return { name: error.name, args: [], message: error.shortMessage };
    }
    if (error instanceof Error) return { name: error.name, args: [], message: error.message };
    return { name: "UnknownError", args: [], message: `unrecognised error: ${String(error)}` };
  } catch {
    return { name: "UnknownError", args: [], message: "the error could not be decoded" };
  }
}

/** Decodes raw revert data. */
function decodeRevertData(data: Hex): DecodedError {
  if (data === "0x") {
    return {
      name: "EmptyRevert",
      args: [],
      message: "reverted without a reason (out of gas, or a bare revert)",
      data,
    };
  }
  if (data.length < 10) {
    return {
      name: "UnknownError",
      args: [],
      message: `revert data too short to carry an error: ${data}`,
      data,
    };
  }
  try {
    const decoded = decodeErrorResult({ abi: bastionErrorsAbi, data });
    const args = (decoded.args ?? []) as readonly unknown[];
    const name: string = decoded.errorName;
    if (name === "Panic") {
      const code = Number(args[0]);
      const reason = PANIC_REASONS[code] ?? "unknown panic code";
      return { name, args, message: `panic 0x${code.toString(16).padStart(2, "0")}: ${reason}`, data };
    }
    if (name === "Error") return { name, args, message: String(args[0]), data };
    const describe = DESCRIPTIONS[name];
    const message = describe
      ? `${name}: ${describe(args)}`
      : `${name}(${(decoded.abiItem?.inputs ?? [])
          .map((input, index) => `${input.name || `arg${index}`}=${formatArg(args[index])}`)
          .join(", ")})`;
    return { name, args, message, data };
  } catch {
    return {
      name: "UnknownError",
      args: [],
      message: `unrecognised revert data (selector ${slice(data, 0, 4)}): ${data}`,
      data,
    };
  }
}

function formatArg(value: unknown): string {
  return typeof value === "bigint" ? value.toString() : String(value);
}

/** The revert data carried anywhere in a viem error's cause chain. */
function findRevertData(error: unknown): Hex | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 16 && current !== undefined && current !== null; depth++) {
    if (typeof current === "object") {
      const record = current as { raw?: unknown; data?: unknown; cause?: unknown };
      if (typeof record.raw === "string" && isHex(record.raw)) return record.raw;
      if (typeof record.data === "string" && isHex(record.data)) return record.data;
      if (typeof record.data === "object" && record.data !== null) {
        const nested = (record.data as { data?: unknown }).data;
        if (typeof nested === "string" && isHex(nested)) return nested;
      }
      current = record.cause;
    } else {
      return undefined;
    }
  }
  return undefined;
}

import type { Address, Hex } from "viem";

/**
 * The arguments of every error the mirrored code can revert with, by Solidity error name, in the
 * order the Solidity error declares them (so `Object.values(args)` is the ABI-encoded argument list).
 * `Panic` is Solidity's built-in `Panic(uint256)` (0x11 arithmetic overflow/underflow, 0x12 division
 * by zero); `SafeCastOverflowedUintToInt` is OpenZeppelin's `SafeCast.toInt256` error.
 */
export interface MirrorErrorArgs {
  Panic: { code: bigint };
  SafeCastOverflowedUintToInt: { value: bigint };
  // OracleMath
  ExponentOutOfRange: { expo: number; tokenDecimals: number };
  NonPositivePrice: { feedId: Hex; price: bigint };
  UnexpectedExponent: { feedId: Hex; expo: number; expectedExpo: number };
  ConfidenceTooWide: { feedId: Hex; conf: bigint; price: bigint; maxConfidenceFactor: bigint };
  // PythOracle / Pyth (price verification)
  FuturePrice: { feedId: Hex; publishTime: bigint; maxPublishTime: bigint };
  InvalidPublishWindow: { minPublishTime: bigint; maxPublishTime: bigint };
  PriceFeedNotFoundWithinRange: Record<string, never>;
  // PositionMath
  ImpactExceedsSize: { sizeDeltaUsd: bigint; priceImpactUsd: bigint };
  // IExchangeErrors (composed logic)
  MarketPaused: { market: Address };
  ZeroShares: Record<string, never>;
  ZeroSizeDelta: Record<string, never>;
  InvalidCollateralToken: { market: Address; token: Address };
  AcceptablePriceNotMet: { executionPrice: bigint; acceptablePrice: bigint };
  PositionNotFound: { positionKey: Hex };
  PositionTooSmall: { sizeUsd: bigint; minPositionSizeUsd: bigint };
  InsufficientCollateral: { remainingCollateralUsd: bigint; requiredUsd: bigint };
  CollateralWithdrawalTooLarge: { requested: bigint; available: bigint };
  MaxOpenInterestExceeded: { openInterestUsd: bigint; maxOpenInterestUsd: bigint };
  ReserveExceeded: { reservedUsd: bigint; maxReservedUsd: bigint };
  InsufficientPoolLiquidity: { token: Address; requested: bigint; available: bigint };
  MinSharesNotMet: { shares: bigint; minShares: bigint };
  MinTokensNotMet: {
    longTokenAmount: bigint;
    minLongTokenAmount: bigint;
    shortTokenAmount: bigint;
    minShortTokenAmount: bigint;
  };
  PoolValueNotPositive: { market: Address; poolValueUsd: bigint };
  PnlFactorExceededForWithdrawals: { isLong: boolean; pnlToPoolFactor: bigint; maxFactor: bigint };
  PositionNotLiquidatable: { positionKey: Hex; remainingCollateralUsd: bigint; maintenanceMarginUsd: bigint };
  AdlNotTriggered: { market: Address; isLong: boolean; pnlToPoolFactor: bigint; triggerFactor: bigint };
  PositionNotInProfit: { positionKey: Hex; pnlUsd: bigint };
}

/** A Solidity error name the mirror can throw. */
export type MirrorErrorName = keyof MirrorErrorArgs;

/** Solidity panic codes the mirrored code can raise. */
export const PANIC_CODE = {
  /** Arithmetic overflow or underflow outside an `unchecked` block. */
  ARITHMETIC: 0x11n,
  /** Division or modulo by zero. */
  DIVISION_BY_ZERO: 0x12n,
} as const;

/**
 * What the contract would revert with: the Solidity error name and its arguments, typed per error.
 * Every mirrored function throws this (and nothing else) where the contract reverts, with the same
 * error and the same values, so a caller can tell exactly which check failed.
 *
 * @example
 * try {
 *   PositionMath.sizeDeltaInTokensForIncrease(true, 100n, -100n, 1n);
 * } catch (error) {
 *   if (isMirrorRevert(error, "ImpactExceedsSize")) error.args.priceImpactUsd; // -100n
 * }
 */
export class MirrorRevert<N extends MirrorErrorName = MirrorErrorName> extends Error {
  override name = "MirrorRevert";
  /** The Solidity error name, e.g. `"ImpactExceedsSize"` or `"Panic"`. */
  readonly errorName: N;
  /** The error's arguments, in declaration order. */
  readonly args: MirrorErrorArgs[N];

  constructor(errorName: N, args: MirrorErrorArgs[N]) {
    super(`${errorName}(${Object.values(args).map(formatArg).join(", ")})`);
    this.errorName = errorName;
    this.args = args;
  }
}

/** Whether `error` is a {@link MirrorRevert}, optionally of the given Solidity error. */
export function isMirrorRevert<N extends MirrorErrorName>(
  error: unknown,
  errorName?: N,
): error is MirrorRevert<N> {
  return error instanceof MirrorRevert && (errorName === undefined || error.errorName === errorName);
}

function formatArg(value: unknown): string {
  return typeof value === "bigint" ? `${value}` : String(value);
}

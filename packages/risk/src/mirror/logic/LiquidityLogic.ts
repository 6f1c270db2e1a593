/**
 * Mirror of `contracts/src/logic/LiquidityLogic.sol`: LP deposits (shares out) and withdrawals
 * (tokens out), as pure previews over plain state. Deposits value the pool high (max token prices,
 * traders' PnL at its lowest and capped), withdrawals low (min prices, PnL uncapped).
 * @module
 */
import type { Address } from "viem";
import { MirrorRevert } from "../errors.js";
import { add, div, mul, sub } from "../evm.js";
import { feeUsd as feeMathFeeUsd } from "../libraries/FeeMath.js";
import { sharesForDepositUsd, splitWithdrawalUsd, usdForShares } from "../libraries/PoolMath.js";
import { cloneMarketState, type MarketPrices, type MarketState } from "../types.js";
import { accrue, pnlToPoolFactor, poolValueUsd, validateReserve } from "./MarketLogic.js";
import { subPool } from "./VaultLogic.js";

/** Parameters of {@link previewDeposit}. */
export interface PreviewDepositParameters {
  /** The market id (its pool token address), for the errors that carry it. */
  market: Address;
  longTokenAmount: bigint;
  shortTokenAmount: bigint;
  /** The pool token's total supply before the deposit. */
  totalSupply: bigint;
  /** Least shares to accept (default 0). */
  minShares?: bigint;
  /** When true the tokens sit in the market's escrow (a deposit request exists); default false. */
  tokensEscrowed?: boolean;
}

/** What a deposit does: the `DepositExecuted` event's values and the market afterwards. */
export interface DepositPreview {
  shares: bigint;
  /** Liquidity fee in USD (kept by the pool). */
  feeUsd: bigint;
  /** Deposit value at min prices, before the fee. */
  depositUsd: bigint;
  /** Pool value the shares were priced at (maximized, PnL capped). */
  poolValueUsd: bigint;
  market: MarketState;
}

/**
 * Previews `LiquidityLogic.executeDeposit` at `prices` and block `timestamp`: deposit USD at min
 * prices, the liquidity fee (rounded up), shares at the maximized pool value (rounded down). Throws
 * `MarketPaused`, `PoolValueNotPositive`, `ZeroShares` or `MinSharesNotMet` as the contract.
 *
 * @example
 * const { shares, feeUsd } = previewDeposit(market, {
 *   market: marketAddress, longTokenAmount: 10n ** 18n, shortTokenAmount: 0n, totalSupply,
 * }, prices, block.timestamp);
 */
export function previewDeposit(
  market: MarketState,
  params: PreviewDepositParameters,
  prices: MarketPrices,
  timestamp: bigint,
): DepositPreview {
  const m = cloneMarketState(market);
  if (m.paused) throw new MirrorRevert("MarketPaused", { market: params.market });
  accrue(m, prices, timestamp);
  const depositUsd = add(
    mul(params.longTokenAmount, prices.long.min),
    mul(params.shortTokenAmount, prices.short.min),
  );
  const feeUsd = feeMathFeeUsd(depositUsd, m.config.fees.liquidityFeeFactor);
  const poolValue = poolValueUsd(m, m.rates, prices, true, true);
  if (poolValue <= 0n && params.totalSupply > 0n) {
    throw new MirrorRevert("PoolValueNotPositive", { market: params.market, poolValueUsd: poolValue });
  }
  const shares = sharesForDepositUsd(sub(depositUsd, feeUsd), poolValue, params.totalSupply);
  if (shares === 0n) throw new MirrorRevert("ZeroShares", {});
  const minShares = params.minShares ?? 0n;
  if (shares < minShares) throw new MirrorRevert("MinSharesNotMet", { shares, minShares });
  if (params.tokensEscrowed === true) {
    m.balances.escrowLongTokenAmount = sub(m.balances.escrowLongTokenAmount, params.longTokenAmount);
    m.balances.escrowShortTokenAmount = sub(m.balances.escrowShortTokenAmount, params.shortTokenAmount);
  }
  m.balances.longAmount = add(m.balances.longAmount, params.longTokenAmount);
  m.balances.shortAmount = add(m.balances.shortAmount, params.shortTokenAmount);
  return { shares, feeUsd, depositUsd, poolValueUsd: poolValue, market: m };
}

/** Parameters of {@link previewWithdrawal}. */
export interface PreviewWithdrawalParameters {
  shares: bigint;
  /** The pool token's total supply (escrowed shares included, as at execution). */
  totalSupply: bigint;
  minLongTokenAmount?: bigint;
  minShortTokenAmount?: bigint;
}

/** What a withdrawal does: the `WithdrawalExecuted` event's values and the market afterwards. */
export interface WithdrawalPreview {
  longTokenAmount: bigint;
  shortTokenAmount: bigint;
  /** Liquidity fee in USD. */
  feeUsd: bigint;
  /** USD value of the shares before the fee. */
  grossUsd: bigint;
  /** Pool value the shares were priced at (minimized, PnL uncapped). */
  poolValueUsd: bigint;
  /** Each side's PnL to pool factor, checked against `maxPnlFactorForWithdrawals`. */
  pnlToPoolFactorLong: bigint;
  pnlToPoolFactorShort: bigint;
  market: MarketState;
}

/**
 * Previews `LiquidityLogic.executeWithdrawal`: the PnL cap check on both sides
 * (`PnlFactorExceededForWithdrawals`), shares valued at the minimized, uncapped pool value (rounded
 * down), the fee (rounded up), the split between pool tokens at max prices, `MinTokensNotMet`, pool
 * liquidity and the reserve check after the tokens leave.
 */
export function previewWithdrawal(
  market: MarketState,
  params: PreviewWithdrawalParameters,
  prices: MarketPrices,
  timestamp: bigint,
): WithdrawalPreview {
  const m = cloneMarketState(market);
  accrue(m, prices, timestamp);
  const pnlToPoolFactorLong = validatePnlForWithdrawal(m, prices, true);
  const pnlToPoolFactorShort = validatePnlForWithdrawal(m, prices, false);

  const poolValue = poolValueUsd(m, m.rates, prices, false, false);
  const grossUsd = usdForShares(params.shares, poolValue, params.totalSupply);
  const feeUsd = feeMathFeeUsd(grossUsd, m.config.fees.liquidityFeeFactor);
  const { longUsd, shortUsd } = splitWithdrawalUsd(
    sub(grossUsd, feeUsd),
    mul(m.balances.longAmount, prices.long.max),
    mul(m.balances.shortAmount, prices.short.max),
  );
  const longOut = div(longUsd, prices.long.max);
  const shortOut = div(shortUsd, prices.short.max);
  const minLong = params.minLongTokenAmount ?? 0n;
  const minShort = params.minShortTokenAmount ?? 0n;
  if (longOut < minLong || shortOut < minShort) {
    throw new MirrorRevert("MinTokensNotMet", {
      longTokenAmount: longOut,
      minLongTokenAmount: minLong,
      shortTokenAmount: shortOut,
      minShortTokenAmount: minShort,
    });
  }
  subPool(m, true, longOut);
  subPool(m, false, shortOut);
  validateReserve(m, prices, true);
  validateReserve(m, prices, false);
  return {
    longTokenAmount: longOut,
    shortTokenAmount: shortOut,
    feeUsd,
    grossUsd,
    poolValueUsd: poolValue,
    pnlToPoolFactorLong,
    pnlToPoolFactorShort,
    market: m,
  };
}

function validatePnlForWithdrawal(m: MarketState, prices: MarketPrices, isLong: boolean): bigint {
  const factor = pnlToPoolFactor(m, prices, isLong);
  const maxFactor = m.config.risk.maxPnlFactorForWithdrawals;
  if (factor > maxFactor) {
    throw new MirrorRevert("PnlFactorExceededForWithdrawals", { isLong, pnlToPoolFactor: factor, maxFactor });
  }
  return factor;
}

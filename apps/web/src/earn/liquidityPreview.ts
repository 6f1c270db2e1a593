import {
  type DepositPreview,
  isMirrorRevert,
  type MarketPrices,
  type MarketState,
  previewDeposit,
  previewWithdrawal,
  type WithdrawalPreview,
} from "@bastion/risk";
import type { Address } from "viem";

export type Previewed<T> = { ok: true; preview: T } | { ok: false; error: unknown };

/** Basis points in one. */
const BPS = 10_000n;

/** `amount` less a slippage tolerance, rounded down: the least to accept. */
export function withSlippage(amount: bigint, slippageBps: bigint): bigint {
  return (amount * (BPS - slippageBps)) / BPS;
}

/** Shares a deposit would mint (the mirror of `LiquidityLogic.executeDeposit`), or why it would fail. */
export function previewDepositShares(parameters: {
  state: MarketState;
  market: Address;
  longTokenAmount: bigint;
  shortTokenAmount: bigint;
  totalSupply: bigint;
  prices: MarketPrices;
  timestamp: bigint;
}): Previewed<DepositPreview> {
  try {
    return {
      ok: true,
      preview: previewDeposit(
        parameters.state,
        {
          market: parameters.market,
          longTokenAmount: parameters.longTokenAmount,
          shortTokenAmount: parameters.shortTokenAmount,
          totalSupply: parameters.totalSupply,
        },
        parameters.prices,
        parameters.timestamp,
      ),
    };
  } catch (error) {
    if (!isMirrorRevert(error)) throw error;
    return { ok: false, error };
  }
}

/** Tokens a withdrawal would pay out (the mirror of `LiquidityLogic.executeWithdrawal`), or why it would fail. */
export function previewWithdrawalTokens(parameters: {
  state: MarketState;
  shares: bigint;
  totalSupply: bigint;
  prices: MarketPrices;
  timestamp: bigint;
}): Previewed<WithdrawalPreview> {
  try {
    return {
      ok: true,
      preview: previewWithdrawal(
        parameters.state,
        { shares: parameters.shares, totalSupply: parameters.totalSupply },
        parameters.prices,
        parameters.timestamp,
      ),
    };
  } catch (error) {
    if (!isMirrorRevert(error)) throw error;
    return { ok: false, error };
  }
}

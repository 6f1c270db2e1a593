import { DECREASE_KIND } from "@bastion/contracts";
import {
  type DecreasePreview,
  MAX_UINT256,
  type MarketPrices,
  type MarketState,
  type PositionState,
  previewDecrease,
} from "@bastion/risk";

/** What a decrease pays or costs the trader in USD after every fee: PnL + impact - fees - borrowing - funding. */
export function netPnlUsd(amounts: {
  realizedPnlUsd: bigint;
  priceImpactUsd: bigint;
  positionFeeUsd: bigint;
  borrowingFeeUsd: bigint;
  fundingFeeUsd: bigint;
}): bigint {
  return (
    amounts.realizedPnlUsd +
    amounts.priceImpactUsd -
    amounts.positionFeeUsd -
    amounts.borrowingFeeUsd -
    amounts.fundingFeeUsd
  );
}

/**
 * Previews closing `sizeDeltaUsd` of a position (and withdrawing collateral) at `prices`, exactly as
 * the contract would, with no price bound; the caller derives the acceptable price from the result.
 * Returns the mirror's error instead of a preview when the contract would refuse.
 */
export function previewClose(parameters: {
  state: MarketState;
  position: PositionState;
  sizeDeltaUsd: bigint;
  collateralWithdrawAmount?: bigint;
  prices: MarketPrices;
  timestamp: bigint;
}): { ok: true; preview: DecreasePreview } | { ok: false; error: unknown } {
  try {
    const preview = previewDecrease(
      parameters.state,
      parameters.position,
      {
        kind: DECREASE_KIND.Order,
        sizeDeltaUsd: parameters.sizeDeltaUsd,
        collateralWithdrawAmount: parameters.collateralWithdrawAmount ?? 0n,
        // No bound: longs close at a minimum price (0 accepts any), shorts at a maximum.
        acceptablePrice: parameters.position.isLong ? 0n : MAX_UINT256,
      },
      parameters.prices,
      parameters.timestamp,
    );
    return { ok: true, preview };
  } catch (error) {
    return { ok: false, error };
  }
}

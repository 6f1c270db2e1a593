/**
 * Mirror of `contracts/src/libraries/SettlementMath.sol`: settles a decrease between a position and
 * its pool, and splits a shortfall along the loss waterfall (collateral, insurance fund, LPs).
 * @module
 */
import { add, div, mul, sub } from "../evm.js";
import type { TradeAmounts } from "../types.js";
import { divUp, mulUp, negativePart, positivePart } from "./FixedPoint.js";

/** Token movements of a decrease. */
export interface Settlement {
  /** Collateral token amount moved from the position's collateral to the pool. */
  collateralToPoolAmount: bigint;
  /** Net gain the pool pays the trader, in USD. */
  profitUsd: bigint;
  /** What the trader owed the pool beyond the collateral, in USD. */
  shortfallUsd: bigint;
}

/** Gains (PnL, positive impact, funding earned) and costs (losses, negative impact, funding owed, fees) of a decrease. */
export function gainsAndCosts(amounts: TradeAmounts): { gainsUsd: bigint; costsUsd: bigint } {
  const gainsUsd = add(
    add(positivePart(amounts.realizedPnlUsd), positivePart(amounts.priceImpactUsd)),
    negativePart(amounts.fundingFeeUsd),
  );
  const costsUsd = add(
    add(
      add(
        add(negativePart(amounts.realizedPnlUsd), negativePart(amounts.priceImpactUsd)),
        positivePart(amounts.fundingFeeUsd),
      ),
      amounts.borrowingFeeUsd,
    ),
    amounts.positionFeeUsd,
  );
  return { gainsUsd, costsUsd };
}

/**
 * Nets gains against costs: a net gain is owed to the trader by the pool; a net cost is taken from
 * collateral at the collateral's min price (rounded up); what collateral cannot cover is the shortfall.
 */
export function settleDecrease(
  amounts: TradeAmounts,
  collateralAmount: bigint,
  collateralPriceMin: bigint,
): Settlement {
  const result: Settlement = { collateralToPoolAmount: 0n, profitUsd: 0n, shortfallUsd: 0n };
  const { gainsUsd, costsUsd } = gainsAndCosts(amounts);
  if (gainsUsd >= costsUsd) {
    result.profitUsd = gainsUsd - costsUsd;
    return result;
  }
  const netCostUsd = costsUsd - gainsUsd;
  const costAmount = divUp(netCostUsd, collateralPriceMin);
  if (costAmount <= collateralAmount) {
    result.collateralToPoolAmount = costAmount;
  } else {
    result.collateralToPoolAmount = collateralAmount;
    result.shortfallUsd = sub(netCostUsd, mul(collateralAmount, collateralPriceMin));
  }
  return result;
}

/** Liquidation fee in collateral tokens: size closed x factor at the collateral's min price (rounded up), at most the collateral left. */
export function liquidationFeeAmount(
  sizeDeltaUsd: bigint,
  liquidationFeeFactor: bigint,
  collateralPriceMin: bigint,
  collateralLeft: bigint,
): bigint {
  const fee = divUp(mulUp(sizeDeltaUsd, liquidationFeeFactor), collateralPriceMin);
  return fee < collateralLeft ? fee : collateralLeft;
}

/** How the insurance fund covers a shortfall: short token first, then long token, each at its min price, rounded down. */
export function coverShortfall(
  shortfallUsd: bigint,
  insuranceShortAmount: bigint,
  shortPriceMin: bigint,
  insuranceLongAmount: bigint,
  longPriceMin: bigint,
): { fromShortAmount: bigint; fromLongAmount: bigint; coveredUsd: bigint } {
  let fromShortAmount = div(shortfallUsd, shortPriceMin);
  if (fromShortAmount > insuranceShortAmount) fromShortAmount = insuranceShortAmount;
  let coveredUsd = mul(fromShortAmount, shortPriceMin);
  let fromLongAmount = div(sub(shortfallUsd, coveredUsd), longPriceMin);
  if (fromLongAmount > insuranceLongAmount) fromLongAmount = insuranceLongAmount;
  coveredUsd = add(coveredUsd, mul(fromLongAmount, longPriceMin));
  return { fromShortAmount, fromLongAmount, coveredUsd };
}

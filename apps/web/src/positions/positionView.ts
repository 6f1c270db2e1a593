import {
  accruedRates,
  type Health,
  type LiquidationPriceResult,
  liquidationPrice,
  type MarketPrices,
  type MarketState,
  type PositionState,
  positionHealth,
} from "@bastion/risk";
import { FACTOR_ONE } from "../format/formatFactor";

/** What the Positions page shows for one position, exact (the contract's own formulas). */
export type PositionView = {
  /** Average entry price: size / tokens (unit price). */
  entryPrice: bigint;
  /** Mid of the oracle's index range now (unit price). */
  markPrice: bigint;
  health: Health;
  /** Remaining collateral minus collateral value: PnL after borrowing, funding, close fee and impact. */
  netPnlUsd: bigint;
  liquidation: LiquidationPriceResult;
  /** |mark - liquidation| / mark (30-decimal factor); undefined without a liquidation price. */
  distanceToLiquidation: bigint | undefined;
  /** size / remaining collateral (30-decimal factor); undefined when nothing remains. */
  leverage: bigint | undefined;
};

export function positionView(
  state: MarketState,
  position: PositionState,
  prices: MarketPrices,
  timestamp: bigint,
): PositionView {
  const health = positionHealth(state, position, accruedRates(state, prices, timestamp), prices);
  const markPrice = (prices.index.min + prices.index.max) / 2n;
  const liquidation = liquidationPrice({ market: state, position, prices, timestamp });
  const liquidationAt = liquidation.price;
  const distanceToLiquidation =
    liquidationAt === undefined || markPrice === 0n
      ? undefined
      : ((markPrice > liquidationAt ? markPrice - liquidationAt : liquidationAt - markPrice) * FACTOR_ONE) /
        markPrice;
  return {
    entryPrice: position.sizeInTokens === 0n ? 0n : position.sizeUsd / position.sizeInTokens,
    markPrice,
    health,
    netPnlUsd: health.remainingCollateralUsd - health.collateralUsd,
    liquidation,
    distanceToLiquidation,
    leverage:
      health.remainingCollateralUsd > 0n
        ? (position.sizeUsd * FACTOR_ONE) / health.remainingCollateralUsd
        : undefined,
  };
}

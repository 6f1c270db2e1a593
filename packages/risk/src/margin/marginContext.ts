/**
 * What every margin model evaluates against: the markets' on-chain states, the prices to use and
 * the block time, plus the mirror's per-position health (the one place the position's value is
 * computed).
 * @module
 */
import type { Address } from "viem";
import { accruedRates } from "../mirror/logic/MarketLogic.js";
import { maintenanceMarginUsd, positionHealth } from "../mirror/logic/PositionHealth.js";
import {
  type Health,
  type MarketPrices,
  type MarketState,
  type PositionState,
  type RateState,
  sameAddress,
} from "../mirror/types.js";
import { UnknownMarketError } from "../stress/errors.js";

/** A market as the margin models see it. */
export interface MarginMarket {
  /** The market id (`position.market`). */
  market: Address;
  /** Short name for reports and errors, e.g. `"ETH"`. */
  symbol?: string;
  state: MarketState;
  /** Prices to evaluate at (e.g. the latest oracle ranges). */
  prices: MarketPrices;
}

/** Markets, prices and block time for a margin evaluation. */
export interface MarginContext {
  markets: readonly MarginMarket[];
  /** Block timestamp (Unix seconds): borrowing and funding accrue to it, as the contract's views do. */
  timestamp: bigint;
}

/** A position's health under its market's prices, and its market. */
export interface EvaluatedPosition {
  position: PositionState;
  market: MarginMarket;
  rates: RateState;
  health: Health;
  /** Maintenance margin on chain: max(minCollateralUsd, size x maintenance factor). */
  maintenanceMarginUsd: bigint;
}

/** The context's market with id `market`; throws `UnknownMarketError` when there is none. */
export function findMarket(context: MarginContext, market: Address): MarginMarket {
  const found = context.markets.find((candidate) => sameAddress(candidate.market, market));
  if (found === undefined) {
    throw new UnknownMarketError(
      market,
      context.markets.map((m) => m.symbol ?? m.market),
      "margin evaluation",
    );
  }
  return found;
}

/** The market of `position` in the context; throws `UnknownMarketError` when there is none. */
export function marketOf(context: MarginContext, position: PositionState): MarginMarket {
  return findMarket(context, position.market);
}

/**
 * Each position's health (the mirror's `positionHealth` with rates accrued to the context's block
 * time) and maintenance margin.
 */
export function evaluatePositions(
  context: MarginContext,
  positions: readonly PositionState[],
): EvaluatedPosition[] {
  const rates = new Map<MarginMarket, RateState>();
  return positions.map((position) => {
    const market = marketOf(context, position);
    let marketRates = rates.get(market);
    if (marketRates === undefined) {
      marketRates = accruedRates(market.state, market.prices, context.timestamp);
      rates.set(market, marketRates);
    }
    return {
      position,
      market,
      rates: marketRates,
      health: positionHealth(market.state, position, marketRates, market.prices),
      maintenanceMarginUsd: maintenanceMarginUsd(market.state, position.sizeUsd),
    };
  });
}

import type { MarketPrices, MarketState } from "@bastion/risk";
import type { Position } from "@bastion/sdk";
import { toMarketState } from "../chain/marketState";
import { useChainMarket } from "../chain/useChainMarkets";
import { useExecutionTimestamp } from "../chain/useNow";
import type { MarketConfig } from "../config/appConfigSchema";
import { useMarketPrices } from "../prices/useMarketPrices";
import { type PositionView, positionView } from "./positionView";

export type PositionContext = {
  state: MarketState | undefined;
  prices: MarketPrices | undefined;
  timestamp: bigint;
  view: PositionView | undefined;
  priceError: unknown;
};

/** A position's market, prices and exact figures now. */
export function usePositionContext(market: MarketConfig, position: Position): PositionContext {
  const chainMarket = useChainMarket(market.address);
  const { prices, error } = useMarketPrices(market);
  const timestamp = useExecutionTimestamp();
  const state = chainMarket.data === undefined ? undefined : toMarketState(chainMarket.data);
  let view: PositionView | undefined;
  if (state !== undefined && prices !== undefined) {
    try {
      view = positionView(state, position, prices, timestamp);
    } catch {
      view = undefined;
    }
  }
  return { state, prices, timestamp, view, priceError: error };
}

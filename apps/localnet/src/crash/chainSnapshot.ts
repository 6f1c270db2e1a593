import {
  createLiquidationScanner,
  type MarketPrices,
  type MarketState,
  type PositionState,
  readAllPositions,
  readBlock,
  readMarketState,
} from "@bastion/risk";
import type { Address, Chain, Client, Hex, Transport } from "viem";

/** The replayed markets and their open positions, read at one block. */
export interface ChainSnapshot {
  blockNumber: bigint;
  timestamp: bigint;
  /** Market states, in path order. */
  markets: MarketState[];
  /** Open positions per market (path order), by position key. */
  positions: Map<Hex, PositionState>[];
}

/** Reads the markets (path order) and every open position of each, pinned to the latest block. */
export async function readChainSnapshot(
  client: Client<Transport, Chain | undefined>,
  parameters: { exchange: Address; markets: readonly Address[] },
): Promise<ChainSnapshot> {
  const { blockNumber, timestamp } = await readBlock(client);
  const [states, positions] = await Promise.all([
    Promise.all(
      parameters.markets.map((market) =>
        readMarketState(client, { exchange: parameters.exchange, market, blockNumber }),
      ),
    ),
    Promise.all(
      parameters.markets.map((market) =>
        readAllPositions(client, { exchange: parameters.exchange, market, blockNumber }),
      ),
    ),
  ]);
  return {
    blockNumber,
    timestamp,
    markets: states.map((snapshot) => snapshot.state),
    positions: positions.map(({ keys, positions: list }) => {
      const byKey = new Map<Hex, PositionState>();
      keys.forEach((key, index) => {
        const position = list[index];
        if (position !== undefined) byKey.set(key, position);
      });
      return byKey;
    }),
  };
}

/**
 * The keys of the positions the mirror says can be liquidated in `snapshot` at `prices` (per market,
 * path order) and block time `timestamp`: exactly `getPositionHealth(key, prices).liquidatable`.
 */
export function liquidatableKeys(
  snapshot: ChainSnapshot,
  prices: readonly MarketPrices[],
  timestamp: bigint,
): Hex[] {
  const keys: Hex[] = [];
  snapshot.markets.forEach((market, index) => {
    const marketPrices = prices[index];
    const positions = snapshot.positions[index];
    if (marketPrices === undefined || positions === undefined) return;
    const scanner = createLiquidationScanner(market, marketPrices, timestamp);
    for (const [key, position] of positions) if (scanner.isLiquidatable(position)) keys.push(key);
  });
  return keys;
}

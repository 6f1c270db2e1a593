import {
  createStressEngine,
  type OpenedPosition,
  type PricePath,
  type StressEngine,
  type SyntheticOrder,
} from "@bastion/risk";
import type { Hex } from "viem";
import type { ChainSnapshot } from "./chainSnapshot.js";
import type { OpenBookResult } from "./openBookOnChain.js";

/**
 * The stress engine on the book the chain opened: the markets and positions exactly as read from the
 * chain once the book was open (so both sides start from the same state), the same path, the
 * chain's maintenance margin throughout, and zero latency, delay and slippage: a position is
 * liquidated at the path point where the mirror first finds it liquidatable, as the on-chain replay
 * waits for. Returns the engine and the position key -> book order map.
 */
export function createEngineTwin(
  path: PricePath,
  opened: ChainSnapshot,
  book: OpenBookResult,
): { engine: StressEngine; keyToOrder: Map<Hex, SyntheticOrder> } {
  const markets = path.markets.map((spec) => spec.market);
  const keyToOrder = new Map<Hex, SyntheticOrder>();
  const positions: OpenedPosition[] = book.opened.map(({ order, positionKey }) => {
    keyToOrder.set(positionKey, order);
    const marketIndex = markets.indexOf(order.market);
    const state = opened.positions[marketIndex]?.get(positionKey);
    if (state === undefined) throw new Error(`the position of book order ${order.id} is missing on chain`);
    return { order, marketIndex, state };
  });
  const bars = path.klines[0]?.length ?? 0;
  const engine = createStressEngine({
    path,
    markets: opened.markets,
    positions,
    marginPlan: {
      factorsE30: opened.markets.map((m) => new Array<bigint>(bars).fill(m.maintenanceMarginFactor)),
      updates: opened.markets.map(() => 0),
    },
    latencySeconds: 0,
    delaySeconds: 0,
    slippageBps: 0,
  });
  return { engine, keyToOrder };
}

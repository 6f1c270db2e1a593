import type { Hex } from "viem";
import type { MarketPrices, MarketState } from "../model/market-types.js";
import type { PoolValueTerms } from "./valuation.js";

/** What caused a step of a pool's history. */
export type StepKind =
  | "created"
  | "config"
  | "price"
  | "accrual"
  | "deposit"
  | "withdrawal"
  | "increase"
  | "decrease"
  | "liquidation"
  | "adl"
  | "cancel"
  | "transfer"
  | "unknown";

/**
 * One step of a pool's event-sourced history: the state, prices and value after it, what changed
 * and why. Steps are immutable; consecutive steps share unchanged objects.
 */
export interface PoolStep {
  /** Position in the pool's history (0 = market creation). */
  readonly index: number;
  readonly kind: StepKind;
  readonly blockNumber: bigint;
  /** Log that completed the step (for a transfer step: the transaction's last log). */
  readonly logIndex: number;
  /** Unix seconds of the block. */
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  /** Market state after the step. */
  readonly state: MarketState;
  /** Accounting prices after the step (oracle mid prices, min = max). */
  readonly prices: MarketPrices;
  /** Pool value and its terms after the step. */
  readonly terms: PoolValueTerms;
  /** LP share supply after the step. */
  readonly supply: bigint;
  /** This step's pool categories (sum = value change - flow). */
  readonly delta: readonly bigint[];
  /** This step's deposits minus withdrawals at the step's prices. */
  readonly flowUsd: bigint;
  /** Pool categories since creation, after this step. */
  readonly cumulative: readonly bigint[];
  /** Flows since creation, after this step. */
  readonly cumulativeFlowUsd: bigint;
  /**
   * Per-share accumulators after this step (LP vector: pool categories then `liquidityFees`),
   * scaled by `PER_SHARE_SCALE`: what one share unit held through a step earned, by category.
   */
  readonly perShare: readonly bigint[];
  /** Sum of every LP's HODL basket after the step (tokens deposited, reduced pro rata as shares leave). */
  readonly hodlLongAmount: bigint;
  readonly hodlShortAmount: bigint;
}

/** Scale of {@link PoolStep.perShare}. Large enough that a holder's accumulated truncation stays below one unit. */
export const PER_SHARE_SCALE = 10n ** 40n;

import type { Address, Hex } from "viem";

/** An LP's deposit, as executed. USD with 30 decimals. */
export interface LpDeposit {
  readonly requestId: bigint;
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  readonly longTokenAmount: bigint;
  readonly shortTokenAmount: bigint;
  readonly sharesMinted: bigint;
  /** The deposited tokens at the accounting prices at execution: the LP's contribution. */
  readonly valueUsd: bigint;
  /** Liquidity fee the exchange charged (kept by the pool), from the event. */
  readonly liquidityFeeUsd: bigint;
  /** Pool value and supply the exchange priced the shares with (max prices, PnL capped). */
  readonly executionPoolValueUsd: bigint;
  readonly totalSupplyBefore: bigint;
  /** USD per whole share (1e18 units) the exchange used: (value + 1e30) x 1e18 / (supply + 1e18). */
  readonly executionSharePriceUsd: bigint;
  /** USD per whole share the LP paid: valueUsd x 1e18 / sharesMinted. */
  readonly paidSharePriceUsd: bigint;
}

/** An LP's withdrawal, as executed. */
export interface LpWithdrawal {
  readonly requestId: bigint;
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  readonly sharesBurned: bigint;
  readonly longTokenAmount: bigint;
  readonly shortTokenAmount: bigint;
  /** Tokens received at the accounting prices at execution: the proceeds. */
  readonly valueUsd: bigint;
  readonly liquidityFeeUsd: bigint;
  /** Pool value and supply the exchange priced the shares with (min prices, PnL uncapped). */
  readonly executionPoolValueUsd: bigint;
  readonly totalSupplyBefore: bigint;
  readonly executionSharePriceUsd: bigint;
  /** USD per whole share received: valueUsd x 1e18 / sharesBurned. */
  readonly receivedSharePriceUsd: bigint;
  /** Average cost of the shares burned. */
  readonly costBasisUsd: bigint;
  /** Proceeds minus cost. */
  readonly realizedReturnUsd: bigint;
}

/** Shares that moved between wallets outside deposits and withdrawals (a plain ERC-20 transfer). */
export interface LpTransfer {
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  /** Positive: received; negative: sent. */
  readonly shares: bigint;
  /** The shares at the pool's value per share at that moment (signed like `shares`). */
  readonly valueUsd: bigint;
  /** For shares sent: their average cost, and value minus cost (realized). Zero for shares received. */
  readonly costBasisUsd: bigint;
  readonly realizedReturnUsd: bigint;
}

/**
 * An LP's running figures after one of its holding changes. Between changes, its categories grow
 * with the pool's per-share accumulators: `settled + shares x (perShare - perShareAtCheckpoint) / scale`.
 */
export interface LpCheckpoint {
  /** Index of the pool step this checkpoint is the state after. */
  readonly stepIndex: number;
  readonly shares: bigint;
  /** LP categories (pool categories then `liquidityFees`) up to this step. */
  readonly settled: readonly bigint[];
  /** The pool's per-share accumulators at this step. */
  readonly perShareAtCheckpoint: readonly bigint[];
  /** Deposits minus withdrawals plus transfers in minus out, USD, since the first deposit. */
  readonly netFlowUsd: bigint;
  /** Average-cost basis of the shares held. */
  readonly costBasisUsd: bigint;
  /** Realized return: proceeds minus average cost of every share disposed of. */
  readonly realizedReturnUsd: bigint;
  /** The HODL basket: deposited tokens, reduced pro rata as shares leave. */
  readonly hodlLongAmount: bigint;
  readonly hodlShortAmount: bigint;
}

/** Everything the ledger keeps about one LP of one pool. */
export interface LpAccount {
  readonly account: Address;
  readonly checkpoints: LpCheckpoint[];
  readonly deposits: LpDeposit[];
  readonly withdrawals: LpWithdrawal[];
  readonly transfers: LpTransfer[];
}

/** The newest checkpoint at or before `stepIndex`, or `null` when the LP had no shares yet. */
export function checkpointAt(account: LpAccount, stepIndex: number): LpCheckpoint | null {
  const { checkpoints } = account;
  let low = 0;
  let high = checkpoints.length - 1;
  let found: LpCheckpoint | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const checkpoint = checkpoints[middle] as LpCheckpoint;
    if (checkpoint.stepIndex <= stepIndex) {
      found = checkpoint;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

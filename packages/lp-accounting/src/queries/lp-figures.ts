import type { Address } from "viem";
import {
  type AttributionCategory,
  type CategoryAmounts,
  floorDiv,
  LP_CATEGORIES,
  sumVector,
} from "../accounting/categories.js";
import { carriedCategories } from "../accounting/holder-update.js";
import { checkpointAt, type LpAccount, type LpCheckpoint } from "../accounting/lp-account.js";
import type { PointValuation } from "./point.js";

/** One LP's running figures at a point (USD, 30 decimals). */
export interface LpFigures {
  readonly account: Address;
  /** Shares held (wallet plus escrowed for pending withdrawals). */
  readonly shares: bigint;
  /** The shares at the pool's value per share: floor(poolValue x shares / supply). */
  readonly valueUsd: bigint;
  /** Deposits minus withdrawals plus transfers in minus out, at the accounting prices when they happened. */
  readonly netFlowUsd: bigint;
  /** Value minus net flows: everything the LP earned or lost since its first deposit. */
  readonly totalReturnUsd: bigint;
  /** Average-cost basis of the shares held. */
  readonly costBasisUsd: bigint;
  /** Proceeds minus average cost of the shares withdrawn or sent. */
  readonly realizedReturnUsd: bigint;
  /** Value minus cost basis. */
  readonly unrealizedReturnUsd: bigint;
  /** The HODL basket: deposited tokens, reduced pro rata as shares left. */
  readonly hodlLongAmount: bigint;
  readonly hodlShortAmount: bigint;
  /** The basket at the point's prices. */
  readonly hodlValueUsd: bigint;
  /** Value minus HODL value (negative: the LP would have done better holding). */
  readonly impermanentLossUsd: bigint;
  /** Since the first deposit, by category; they add up to `totalReturnUsd`. */
  readonly categories: CategoryAmounts<AttributionCategory>;
  /** Holding changes (deposits, withdrawals, transfers) up to the point. */
  readonly holdingChanges: number;
}

const EMPTY: LpCheckpoint = {
  stepIndex: -1,
  shares: 0n,
  settled: [],
  perShareAtCheckpoint: [],
  netFlowUsd: 0n,
  costBasisUsd: 0n,
  realizedReturnUsd: 0n,
  hodlLongAmount: 0n,
  hodlShortAmount: 0n,
};

/** An LP's figures at a valued point. */
export function lpFiguresAt(account: LpAccount, at: PointValuation): LpFigures {
  const checkpoint = checkpointAt(account, at.step.index) ?? EMPTY;
  const shares = checkpoint.shares;
  const valueUsd = at.supply === 0n ? 0n : floorDiv(at.terms.valueUsd * shares, at.supply);
  const carried = checkpoint.stepIndex < 0 ? [] : carriedCategories(checkpoint, at.perShare);
  const totalReturnUsd = valueUsd - checkpoint.netFlowUsd;
  const rounding = totalReturnUsd - sumVector(carried);
  const categories = Object.fromEntries(
    LP_CATEGORIES.map((name, i) => [name, name === "rounding" ? rounding : (carried[i] ?? 0n)]),
  ) as CategoryAmounts<AttributionCategory>;
  const { prices } = at.step;
  const hodlValueUsd =
    checkpoint.hodlLongAmount * prices.long.min + checkpoint.hodlShortAmount * prices.short.min;
  return {
    account: account.account,
    shares,
    valueUsd,
    netFlowUsd: checkpoint.netFlowUsd,
    totalReturnUsd,
    costBasisUsd: checkpoint.costBasisUsd,
    realizedReturnUsd: checkpoint.realizedReturnUsd,
    unrealizedReturnUsd: valueUsd - checkpoint.costBasisUsd,
    hodlLongAmount: checkpoint.hodlLongAmount,
    hodlShortAmount: checkpoint.hodlShortAmount,
    hodlValueUsd,
    impermanentLossUsd: valueUsd - hodlValueUsd,
    categories,
    holdingChanges: checkpoint.stepIndex < 0 ? 0 : account.checkpoints.indexOf(checkpoint) + 1,
  };
}

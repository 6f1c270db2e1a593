import type { Address } from "viem";
import type { DomainEvent, EventPosition } from "../model/domain-events.js";
import { floorDiv, LIQUIDITY_FEES_INDEX, POOL_CATEGORY_COUNT } from "./categories.js";
import type { LpAccount, LpCheckpoint } from "./lp-account.js";
import { PER_SHARE_SCALE, type PoolStep } from "./pool-step.js";

type Of<T extends DomainEvent["type"]> = Extract<DomainEvent, { type: T }>;

const ONE_SHARE = 10n ** 18n;
const VIRTUAL_USD = 10n ** 30n;

/** Value of `shares` at a step's value per share, rounded down (0 when the pool has no shares). */
export function shareValue(step: PoolStep, shares: bigint): bigint {
  return step.supply === 0n ? 0n : floorDiv(step.terms.valueUsd * shares, step.supply);
}

/** An LP's categories at `step` carried from a checkpoint through the per-share accumulators. */
export function carriedCategories(checkpoint: LpCheckpoint, perShare: readonly bigint[]): bigint[] {
  return checkpoint.settled.map(
    (settled, i) =>
      settled +
      floorDiv(
        checkpoint.shares * ((perShare[i] ?? 0n) - (checkpoint.perShareAtCheckpoint[i] ?? 0n)),
        PER_SHARE_SCALE,
      ),
  );
}

/** Token baskets and shares sent by LPs in one step, handed to the receivers pro rata. */
export interface TransferPool {
  sharesSent: bigint;
  longAmount: bigint;
  shortAmount: bigint;
}

/** What changed for one holder in one step. */
export interface HolderChange {
  readonly account: LpAccount;
  readonly sharesBefore: bigint;
  readonly sharesAfter: bigint;
  readonly deposits: readonly Of<"DepositExecuted">[];
  readonly withdrawals: readonly Of<"WithdrawalExecuted">[];
}

/** The step being committed, and the one before it. */
export interface HolderStepContext {
  readonly previous: PoolStep;
  readonly step: PoolStep;
  readonly at: EventPosition;
  readonly longPrice: bigint;
  readonly shortPrice: bigint;
}

function emptyCheckpoint(): LpCheckpoint {
  return {
    stepIndex: -1,
    shares: 0n,
    settled: new Array<bigint>(POOL_CATEGORY_COUNT + 1).fill(0n),
    perShareAtCheckpoint: new Array<bigint>(POOL_CATEGORY_COUNT + 1).fill(0n),
    netFlowUsd: 0n,
    costBasisUsd: 0n,
    realizedReturnUsd: 0n,
    hodlLongAmount: 0n,
    hodlShortAmount: 0n,
  };
}

function sharePrice(valueUsd: bigint, shares: bigint): bigint {
  return shares === 0n ? 0n : (valueUsd * ONE_SHARE) / shares;
}

function executionSharePrice(poolValueUsd: bigint, supply: bigint): bigint {
  return (((poolValueUsd > 0n ? poolValueUsd : 0n) + VIRTUAL_USD) * ONE_SHARE) / (supply + ONE_SHARE);
}

/**
 * First half of a holder's update: deposits, withdrawals and shares sent (their HODL slice goes
 * to `pool`). Returns the running figures for {@link finishHolder}.
 */
export function startHolder(change: HolderChange, context: HolderStepContext, pool: TransferPool) {
  const { account, sharesBefore, sharesAfter } = change;
  const { step, at, longPrice, shortPrice } = context;
  const last = account.checkpoints.at(-1) ?? emptyCheckpoint();
  let cost = last.costBasisUsd;
  let realized = last.realizedReturnUsd;
  let hodlLong = last.hodlLongAmount;
  let hodlShort = last.hodlShortAmount;
  let flow = 0n;
  let shares = sharesBefore;
  for (const d of change.deposits) {
    const valueUsd = d.longTokenAmount * longPrice + d.shortTokenAmount * shortPrice;
    flow += valueUsd;
    cost += valueUsd;
    hodlLong += d.longTokenAmount;
    hodlShort += d.shortTokenAmount;
    shares += d.sharesMinted;
    account.deposits.push({
      requestId: d.id,
      blockNumber: at.blockNumber,
      timestamp: at.timestamp,
      transactionHash: at.transactionHash,
      longTokenAmount: d.longTokenAmount,
      shortTokenAmount: d.shortTokenAmount,
      sharesMinted: d.sharesMinted,
      valueUsd,
      liquidityFeeUsd: d.feeUsd,
      executionPoolValueUsd: d.poolValueUsd,
      totalSupplyBefore: d.totalSupplyBefore,
      executionSharePriceUsd: executionSharePrice(d.poolValueUsd, d.totalSupplyBefore),
      paidSharePriceUsd: sharePrice(valueUsd, d.sharesMinted),
    });
  }
  for (const w of change.withdrawals) {
    const valueUsd = w.longTokenAmount * longPrice + w.shortTokenAmount * shortPrice;
    const costRemoved = shares === 0n ? 0n : (cost * w.sharesBurned) / shares;
    if (shares !== 0n) {
      hodlLong -= (hodlLong * w.sharesBurned) / shares;
      hodlShort -= (hodlShort * w.sharesBurned) / shares;
    }
    flow -= valueUsd;
    cost -= costRemoved;
    realized += valueUsd - costRemoved;
    shares -= w.sharesBurned;
    account.withdrawals.push({
      requestId: w.id,
      blockNumber: at.blockNumber,
      timestamp: at.timestamp,
      transactionHash: at.transactionHash,
      sharesBurned: w.sharesBurned,
      longTokenAmount: w.longTokenAmount,
      shortTokenAmount: w.shortTokenAmount,
      valueUsd,
      liquidityFeeUsd: w.feeUsd,
      executionPoolValueUsd: w.poolValueUsd,
      totalSupplyBefore: w.totalSupplyBefore,
      executionSharePriceUsd: executionSharePrice(w.poolValueUsd, w.totalSupplyBefore),
      receivedSharePriceUsd: sharePrice(valueUsd, w.sharesBurned),
      costBasisUsd: costRemoved,
      realizedReturnUsd: valueUsd - costRemoved,
    });
  }
  const transferred = sharesAfter - shares;
  if (transferred < 0n) {
    const sent = -transferred;
    const valueUsd = shareValue(step, sent);
    const costRemoved = shares === 0n ? 0n : (cost * sent) / shares;
    const sliceLong = shares === 0n ? 0n : (hodlLong * sent) / shares;
    const sliceShort = shares === 0n ? 0n : (hodlShort * sent) / shares;
    hodlLong -= sliceLong;
    hodlShort -= sliceShort;
    pool.sharesSent += sent;
    pool.longAmount += sliceLong;
    pool.shortAmount += sliceShort;
    flow -= valueUsd;
    cost -= costRemoved;
    realized += valueUsd - costRemoved;
    account.transfers.push({
      blockNumber: at.blockNumber,
      timestamp: at.timestamp,
      transactionHash: at.transactionHash,
      shares: transferred,
      valueUsd: -valueUsd,
      costBasisUsd: costRemoved,
      realizedReturnUsd: valueUsd - costRemoved,
    });
  }
  return { last, cost, realized, hodlLong, hodlShort, flow, transferred };
}

/**
 * Second half: shares received (valued at the step's value per share, with a pro-rata part of
 * the senders' HODL baskets), then the categories. The holder's return in the step is split into
 * the pool categories pro rata to its shares after the step; the rest is `liquidityFees` (value
 * moved between LPs because deposits and withdrawals execute at prices other than the mark).
 */
export function finishHolder(
  change: HolderChange,
  context: HolderStepContext,
  pool: TransferPool,
  started: ReturnType<typeof startHolder>,
): void {
  const { account, sharesBefore, sharesAfter } = change;
  const { previous, step, at } = context;
  let { cost, hodlLong, hodlShort, flow } = started;
  if (started.transferred > 0n) {
    const received = started.transferred;
    const valueUsd = shareValue(step, received);
    flow += valueUsd;
    cost += valueUsd;
    if (pool.sharesSent > 0n) {
      hodlLong += (pool.longAmount * received) / pool.sharesSent;
      hodlShort += (pool.shortAmount * received) / pool.sharesSent;
    }
    account.transfers.push({
      blockNumber: at.blockNumber,
      timestamp: at.timestamp,
      transactionHash: at.transactionHash,
      shares: received,
      valueUsd,
      costBasisUsd: 0n,
      realizedReturnUsd: 0n,
    });
  }
  const carried = carriedCategories(started.last, previous.perShare);
  const returnUsd = shareValue(step, sharesAfter) - shareValue(previous, sharesBefore) - flow;
  let allocated = 0n;
  for (let i = 0; i < POOL_CATEGORY_COUNT; i++) {
    const part = step.supply === 0n ? 0n : floorDiv((step.delta[i] ?? 0n) * sharesAfter, step.supply);
    carried[i] = (carried[i] ?? 0n) + part;
    allocated += part;
  }
  carried[LIQUIDITY_FEES_INDEX] = (carried[LIQUIDITY_FEES_INDEX] ?? 0n) + (returnUsd - allocated);
  account.checkpoints.push({
    stepIndex: step.index,
    shares: sharesAfter,
    settled: carried,
    perShareAtCheckpoint: step.perShare,
    netFlowUsd: started.last.netFlowUsd + flow,
    costBasisUsd: cost,
    realizedReturnUsd: started.realized,
    hodlLongAmount: hodlLong,
    hodlShortAmount: hodlShort,
  });
}

/** A fresh LP account. */
export function newLpAccount(account: Address): LpAccount {
  return { account, checkpoints: [], deposits: [], withdrawals: [], transfers: [] };
}

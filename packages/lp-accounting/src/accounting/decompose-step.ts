import type { MarketPrices, MarketState } from "../model/market-types.js";
import type { ActionEvents } from "./action-events.js";
import { CATEGORY_INDEX, POOL_CATEGORY_COUNT, sumVector, zeroVector } from "./categories.js";
import { splitInsuranceMoves } from "./insurance-split.js";
import type { PoolValueTerms } from "./valuation.js";

/** How one step changed the pool's value: by category, plus the LPs' own money in or out. */
export interface StepDecomposition {
  /** Pool categories (see `POOL_CATEGORIES`), USD; they sum to `valueChange - flowUsd`. */
  readonly delta: readonly bigint[];
  /** Deposits minus withdrawals, tokens valued at the step's prices (USD). */
  readonly flowUsd: bigint;
}

const C = CATEGORY_INDEX;

function traderPnlChange(pre: PoolValueTerms, post: PoolValueTerms): bigint {
  return post.longPnlUsd + post.shortPnlUsd - (pre.longPnlUsd + pre.shortPnlUsd);
}

function finish(
  delta: bigint[],
  pre: PoolValueTerms,
  post: PoolValueTerms,
  flowUsd: bigint,
  residual: number,
) {
  // Whatever the named causes do not explain lands, visibly, in one residual line, so the parts
  // always add up to the value change exactly.
  delta[residual] = (delta[residual] ?? 0n) + (post.valueUsd - pre.valueUsd - flowUsd - sumVector(delta));
  return { delta, flowUsd };
}

/**
 * Borrowing and funding accrued by an execution before it acts (the rate indices of the next
 * snapshot applied to the previous state): only the pending fee terms move.
 */
export function decomposeAccrual(pre: PoolValueTerms, post: PoolValueTerms): StepDecomposition {
  const delta = zeroVector(POOL_CATEGORY_COUNT);
  delta[C.borrowingFees] = post.pendingBorrowingUsd - pre.pendingBorrowingUsd;
  delta[C.funding] = post.pendingFundingUsd - pre.pendingFundingUsd;
  return finish(delta, pre, post, 0n, C.other);
}

/**
 * A new oracle price with the state unchanged: the pool's tokens are revalued (`priceMoves`) and
 * traders' PnL against the pool moves (`traderPnl`).
 */
export function decomposePriceChange(pre: PoolValueTerms, post: PoolValueTerms): StepDecomposition {
  const delta = zeroVector(POOL_CATEGORY_COUNT);
  delta[C.priceMoves] = post.longTokenUsd + post.shortTokenUsd - (pre.longTokenUsd + pre.shortTokenUsd);
  delta[C.traderPnl] = -traderPnlChange(pre, post);
  return finish(delta, pre, post, 0n, C.other);
}

/** A configuration change (e.g. `maxPnlFactor`): only the cap on traders' PnL can move the value. */
export function decomposeConfigChange(pre: PoolValueTerms, post: PoolValueTerms): StepDecomposition {
  const delta = zeroVector(POOL_CATEGORY_COUNT);
  delta[C.traderPnl] = -traderPnlChange(pre, post);
  return finish(delta, pre, post, 0n, C.other);
}

/** Inputs of {@link decomposeAction}. */
export interface ActionStepParameters {
  /** State before the action, with the action's accrued rate indices already applied. */
  readonly preState: MarketState;
  readonly postState: MarketState;
  readonly pre: PoolValueTerms;
  readonly post: PoolValueTerms;
  /** The accounting prices (min = max). */
  readonly prices: MarketPrices;
  /** The typed events the execution emitted before its `PoolStateUpdated`. */
  readonly events: ActionEvents;
}

/**
 * One execution's effect on the pool at fixed prices (after its accrual): deposits and
 * withdrawals are flows; position changes are split into fees, funding, price impact, traders'
 * PnL, insurance coverage and bad debt from the amounts the events report; the difference between
 * the USD amounts the events report and the tokens that actually moved (settlement at the oracle's
 * min/max prices and rounding in the pool's favour) is `executionSpread`. Anything else is `other`.
 */
export function decomposeAction(parameters: ActionStepParameters): StepDecomposition {
  const { preState, postState, pre, post, prices, events } = parameters;
  const longPrice = prices.long.min;
  const shortPrice = prices.short.min;
  const delta = zeroVector(POOL_CATEGORY_COUNT);

  let flowUsd = 0n;
  for (const d of events.deposits) flowUsd += d.longTokenAmount * longPrice + d.shortTokenAmount * shortPrice;
  for (const w of events.withdrawals)
    flowUsd -= w.longTokenAmount * longPrice + w.shortTokenAmount * shortPrice;

  let positionFeeUsd = 0n;
  let borrowingFeeUsd = 0n;
  let fundingFeeUsd = 0n;
  let impactUsd = 0n;
  let embeddedImpactUsd = 0n;
  let realizedPnlUsd = 0n;
  for (const increase of events.increases) {
    positionFeeUsd += increase.amounts.positionFeeUsd;
    borrowingFeeUsd += increase.amounts.borrowingFeeUsd;
    fundingFeeUsd += increase.amounts.fundingFeeUsd;
    impactUsd += increase.amounts.priceImpactUsd;
    embeddedImpactUsd += increase.amounts.priceImpactUsd;
  }
  for (const decrease of events.decreases) {
    positionFeeUsd += decrease.amounts.positionFeeUsd;
    borrowingFeeUsd += decrease.amounts.borrowingFeeUsd;
    fundingFeeUsd += decrease.amounts.fundingFeeUsd;
    impactUsd += decrease.amounts.priceImpactUsd;
    realizedPnlUsd += decrease.amounts.realizedPnlUsd;
  }

  const coverage: [bigint, bigint] = [0n, 0n];
  let shortfallUsd = 0n;
  let coveredUsd = 0n;
  for (const s of events.shortfalls) {
    coverage[0] += s.insuranceLongAmount;
    coverage[1] += s.insuranceShortAmount;
    shortfallUsd += s.shortfallUsd;
    coveredUsd += s.coveredByInsuranceUsd;
  }
  const protocolShare: [bigint, bigint] = [0n, 0n];
  for (const fee of events.fees) {
    const share = fee.liquidationFeeAmount - fee.toLiquidatorAmount;
    if (share === 0n) continue;
    protocolShare[fee.token.toLowerCase() === postState.longToken.toLowerCase() ? 0 : 1] += share;
  }
  const insurance = splitInsuranceMoves({
    insuranceDelta: [
      postState.balances.insuranceLongAmount - preState.balances.insuranceLongAmount,
      postState.balances.insuranceShortAmount - preState.balances.insuranceShortAmount,
    ],
    coverage,
    liquidationProtocolShare: protocolShare,
    positionFeeUsd,
    insuranceShareFactor: postState.config.fees.insuranceShareFactor,
    prices: [longPrice, shortPrice],
  });

  const hasPositionEvents = events.increases.length + events.decreases.length > 0;
  delta[C.positionFees] = positionFeeUsd - insurance.positionFeeShareUsd;
  delta[C.liquidationFees] = insurance.liquidationShareToPoolUsd;
  delta[C.borrowingFees] = borrowingFeeUsd + (post.pendingBorrowingUsd - pre.pendingBorrowingUsd);
  delta[C.funding] = fundingFeeUsd + (post.pendingFundingUsd - pre.pendingFundingUsd);
  delta[C.priceImpact] = -impactUsd;
  // Increases embed their impact in the tokens bought, so it is part of the PnL term's change.
  delta[C.traderPnl] = -traderPnlChange(pre, post) + embeddedImpactUsd - realizedPnlUsd;
  delta[C.insuranceCoverage] = coveredUsd;
  delta[C.badDebt] = -shortfallUsd;
  return finish(delta, pre, post, flowUsd, hasPositionEvents ? C.executionSpread : C.other);
}

import type { Address } from "viem";
import { checkpointAt } from "../accounting/lp-account.js";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import type { PoolStep } from "../accounting/pool-step.js";
import type { ShortfallEntry } from "../accounting/shortfall-entry.js";
import { ReconciliationError } from "../errors.js";
import type { BadDebtLedger } from "../model/market-types.js";

/** An LP's part of one absorbed shortfall. */
export interface LpShortfallShare {
  readonly account: Address;
  /** Shares held just before the shortfall. */
  readonly shares: bigint;
  /** `absorbedByLpUsd x shares / totalSupply`, rounded down. */
  readonly absorbedUsd: bigint;
}

/** A shortfall with its split between LPs. */
export interface BadDebtEntry extends Omit<ShortfallEntry, "stepIndex" | "holdersStepIndex"> {
  /** LP supply just before the shortfall. */
  readonly totalSupply: bigint;
  /** Every LP that held shares then. */
  readonly lpShares: readonly LpShortfallShare[];
  /** What the rounding down left unassigned (`absorbedByLpUsd - sum of LP parts`, under one unit per LP). */
  readonly unallocatedUsd: bigint;
}

/** A pool's bad-debt ledger, from its `ShortfallRecorded` events. */
export interface PoolBadDebtLedger {
  readonly market: Address;
  readonly entries: readonly BadDebtEntry[];
  /** Totals of the entries: what the contract's cumulative `ledger` must hold. */
  readonly totals: BadDebtLedger;
}

/** Parameters of {@link getBadDebtLedger}. */
export interface GetBadDebtLedgerParameters {
  readonly market: Address;
  /** Only this LP's parts in `lpShares` (entries where it held nothing are kept with an empty list). */
  readonly account?: Address;
}

/**
 * Every shortfall of a pool (market, position, trader, price, covered by insurance, absorbed by
 * LPs, block and transaction), each LP's part of what LPs absorbed (by its share of the supply
 * just before the event), and the totals.
 *
 * @throws {UnknownPoolError}
 */
export function getBadDebtLedger(
  accounting: LpAccounting,
  parameters: GetBadDebtLedgerParameters,
): PoolBadDebtLedger {
  const ledger = accounting.pool(parameters.market);
  const only = parameters.account?.toLowerCase();
  const totals: BadDebtLedger = {
    totalShortfallUsd: 0n,
    coveredByInsuranceUsd: 0n,
    absorbedByLpUsd: 0n,
    shortfallCount: 0n,
  };
  const entries = ledger.shortfalls.map((shortfall): BadDebtEntry => {
    totals.totalShortfallUsd += shortfall.shortfallUsd;
    totals.coveredByInsuranceUsd += shortfall.coveredByInsuranceUsd;
    totals.absorbedByLpUsd += shortfall.absorbedByLpUsd;
    totals.shortfallCount += 1n;
    const holders = ledger.steps[shortfall.holdersStepIndex] as PoolStep;
    const lpShares: LpShortfallShare[] = [];
    let allocated = 0n;
    for (const [key, account] of ledger.accounts) {
      const checkpoint = checkpointAt(account, holders.index);
      if (checkpoint === null || checkpoint.shares === 0n || holders.supply === 0n) continue;
      const absorbedUsd = (shortfall.absorbedByLpUsd * checkpoint.shares) / holders.supply;
      allocated += absorbedUsd;
      if (only === undefined || only === key)
        lpShares.push({ account: account.account, shares: checkpoint.shares, absorbedUsd });
    }
    const { stepIndex: _step, holdersStepIndex: _holders, ...fields } = shortfall;
    return {
      ...fields,
      totalSupply: holders.supply,
      lpShares,
      unallocatedUsd: shortfall.absorbedByLpUsd - allocated,
    };
  });
  return { market: ledger.market, entries, totals };
}

/**
 * Compares the ledger's totals with the contract's cumulative counters
 * (`exchange.getMarket(market).ledger`, read at the same block), exactly.
 *
 * @throws {ReconciliationError} naming every counter when any differs.
 */
export function reconcileBadDebtLedger(ledger: PoolBadDebtLedger, onChain: BadDebtLedger): PoolBadDebtLedger {
  const { totals } = ledger;
  if (
    totals.totalShortfallUsd !== onChain.totalShortfallUsd ||
    totals.coveredByInsuranceUsd !== onChain.coveredByInsuranceUsd ||
    totals.absorbedByLpUsd !== onChain.absorbedByLpUsd ||
    totals.shortfallCount !== onChain.shortfallCount
  ) {
    throw new ReconciliationError(
      `bad-debt ledger of ${ledger.market} does not match the contract's counters`,
      {
        indexedTotalShortfallUsd: totals.totalShortfallUsd,
        onChainTotalShortfallUsd: onChain.totalShortfallUsd,
        indexedCoveredByInsuranceUsd: totals.coveredByInsuranceUsd,
        onChainCoveredByInsuranceUsd: onChain.coveredByInsuranceUsd,
        indexedAbsorbedByLpUsd: totals.absorbedByLpUsd,
        onChainAbsorbedByLpUsd: onChain.absorbedByLpUsd,
        indexedShortfallCount: totals.shortfallCount,
        onChainShortfallCount: onChain.shortfallCount,
      },
    );
  }
  return ledger;
}

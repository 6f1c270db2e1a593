import type { Address } from "viem";
import type { LpDeposit, LpTransfer, LpWithdrawal } from "../accounting/lp-account.js";
import type { LpAccounting } from "../accounting/lp-accounting.js";
import { type LpFigures, lpFiguresAt } from "./lp-figures.js";
import { type Point, valueAt } from "./point.js";

/** Parameters of {@link getLpPosition}. */
export interface GetLpPositionParameters {
  readonly market: Address;
  readonly account: Address;
  readonly at: Point;
}

/** An LP's position at a point: its figures and its deposits, withdrawals and transfers so far. */
export interface LpPosition extends LpFigures {
  readonly market: Address;
  /** Deposits executed up to the point, with the share prices they executed at. */
  readonly deposits: readonly LpDeposit[];
  /** Withdrawals executed up to the point, with their cost basis and realized return. */
  readonly withdrawals: readonly LpWithdrawal[];
  /** Shares received or sent outside deposits and withdrawals, up to the point. */
  readonly transfers: readonly LpTransfer[];
}

/**
 * One LP's position in a pool at a point: shares and their value at the pool's value per share,
 * average-cost basis, realized and unrealized return, HODL comparison, and the return by category.
 * An account that never held shares gets zeros.
 *
 * Cost basis is the average cost: a deposit adds the deposited tokens' value at execution; shares
 * leaving (withdrawn or sent) take `costBasis x shares / sharesHeld` with them; shares received
 * count at their value when received.
 *
 * @throws {UnknownPoolError} | {InvalidRangeError} | {NotIndexedError}
 * @example
 * const position = getLpPosition(accounting, { market, account, at: { timestamp: now } });
 * console.log(position.valueUsd, position.unrealizedReturnUsd, position.categories.positionFees);
 */
export function getLpPosition(accounting: LpAccounting, parameters: GetLpPositionParameters): LpPosition {
  const ledger = accounting.pool(parameters.market);
  const at = valueAt(accounting, ledger, parameters.at);
  const account = ledger.accounts.get(parameters.account.toLowerCase()) ?? {
    account: parameters.account,
    checkpoints: [],
    deposits: [],
    withdrawals: [],
    transfers: [],
  };
  const until = at.step.blockNumber;
  const upToPoint = <T extends { blockNumber: bigint; transactionHash: string }>(
    records: readonly T[],
  ): T[] => records.filter((record) => record.blockNumber <= until);
  return {
    ...lpFiguresAt(account, at),
    market: ledger.market,
    deposits: upToPoint(account.deposits),
    withdrawals: upToPoint(account.withdrawals),
    transfers: upToPoint(account.transfers),
  };
}

/** Parameters of {@link getLpPositions}. */
export interface GetLpPositionsParameters {
  readonly market: Address;
  readonly at: Point;
}

/** Every LP that ever held shares of the pool, at a point (in order of first holding). */
export function getLpPositions(accounting: LpAccounting, parameters: GetLpPositionsParameters): LpPosition[] {
  const ledger = accounting.pool(parameters.market);
  return [...ledger.accounts.values()].map((account) =>
    getLpPosition(accounting, { market: ledger.market, account: account.account, at: parameters.at }),
  );
}

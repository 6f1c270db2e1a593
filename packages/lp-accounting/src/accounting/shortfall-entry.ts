import type { Address, Hex } from "viem";

/** One `ShortfallRecorded`: a loss a position's collateral could not cover, and who absorbed it. */
export interface ShortfallEntry {
  readonly market: Address;
  readonly positionKey: Hex;
  /** The trader whose position left the shortfall. */
  readonly account: Address;
  /** Index price the position was closed at (USD, 30 decimals, per index token unit). */
  readonly indexPrice: bigint;
  /** Loss beyond the collateral, USD. */
  readonly shortfallUsd: bigint;
  /** Part covered by the pool's insurance fund (at the fund's tokens' min prices). */
  readonly coveredByInsuranceUsd: bigint;
  /** Part absorbed by the pool's LPs. */
  readonly absorbedByLpUsd: bigint;
  /** Insurance fund tokens moved into the pool to cover it. */
  readonly insuranceLongAmount: bigint;
  readonly insuranceShortAmount: bigint;
  readonly blockNumber: bigint;
  readonly timestamp: bigint;
  readonly transactionHash: Hex;
  readonly logIndex: number;
  /** The pool step holding the liquidation (its `badDebt` and `insuranceCoverage` lines). */
  stepIndex: number;
  /** The step whose holdings split the absorbed loss between LPs: the last one before the event. */
  readonly holdersStepIndex: number;
}

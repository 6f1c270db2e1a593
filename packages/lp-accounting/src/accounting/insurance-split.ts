/** Inputs of {@link splitInsuranceMoves}: token amounts of one step, and the step's position fees. */
export interface InsuranceMovesParameters {
  /** Change of the insurance fund's long / short token balance over the step. */
  readonly insuranceDelta: readonly [bigint, bigint];
  /** Long / short tokens the fund paid into the pool to cover shortfalls (`ShortfallRecorded`). */
  readonly coverage: readonly [bigint, bigint];
  /** Protocol share of liquidation fees (fee minus liquidator's part), by collateral token. */
  readonly liquidationProtocolShare: readonly [bigint, bigint];
  /** Position fees charged in the step (USD). */
  readonly positionFeeUsd: bigint;
  /** `fees.insuranceShareFactor` (30 decimals). */
  readonly insuranceShareFactor: bigint;
  /** Long / short token prices used for the accounting. */
  readonly prices: readonly [bigint, bigint];
}

/** Where the insurance fund's fee income of a step came from, valued at the accounting prices. */
export interface InsuranceSplit {
  /** The insurance fund's share of position fees, taken from the pool (reduces LPs' fee income). */
  readonly positionFeeShareUsd: bigint;
  /** The protocol share of liquidation fees that went to the pool because the fund was at its target. */
  readonly liquidationShareToPoolUsd: bigint;
}

const ONE = 10n ** 30n;

/**
 * Splits a step's insurance fund inflows into the position-fee share (paid out of the pool) and
 * the liquidation-fee protocol share (paid out of the position's collateral, to the fund while it
 * is below target, otherwise to the pool).
 *
 * The events do not say which way the liquidation share went when it is in the same token as the
 * position-fee share: `FeesCollected.toInsuranceAmount` adds both, and the fund's balance change is
 * the same either way. Both readings keep the step's total exact; this picks the one whose
 * position-fee share is closest to `positionFeeUsd x insuranceShareFactor` (the two readings differ
 * by the whole liquidation share, far more than the oracle spread in the expected share).
 */
export function splitInsuranceMoves(parameters: InsuranceMovesParameters): InsuranceSplit {
  const { insuranceDelta, coverage, liquidationProtocolShare, prices } = parameters;
  const inflow = [insuranceDelta[0] + coverage[0], insuranceDelta[1] + coverage[1]] as const;
  const expectedShareUsd = (parameters.positionFeeUsd * parameters.insuranceShareFactor) / ONE;
  let best: { share: bigint; toPool: bigint; distance: bigint } | null = null;
  for (let toPoolMask = 0; toPoolMask < 4; toPoolMask++) {
    let share = 0n;
    let toPool = 0n;
    let feasible = true;
    for (const side of [0, 1] as const) {
      const protocolShare = liquidationProtocolShare[side];
      const goesToPool = (toPoolMask >> side) & 1;
      if (protocolShare === 0n && goesToPool === 1) feasible = false;
      const feeShare = goesToPool === 1 ? inflow[side] : inflow[side] - protocolShare;
      if (feeShare < 0n) feasible = false;
      share += feeShare * prices[side];
      if (goesToPool === 1) toPool += protocolShare * prices[side];
    }
    if (!feasible) continue;
    const distance = share > expectedShareUsd ? share - expectedShareUsd : expectedShareUsd - share;
    if (best === null || distance < best.distance) best = { share, toPool, distance };
  }
  if (best === null) {
    // Inflows smaller than the liquidation shares: not a pattern the contracts produce. Count the
    // whole inflow as the fee share; the step's spread line absorbs the difference, visibly.
    return {
      positionFeeShareUsd: inflow[0] * prices[0] + inflow[1] * prices[1],
      liquidationShareToPoolUsd: 0n,
    };
  }
  return { positionFeeShareUsd: best.share, liquidationShareToPoolUsd: best.toPool };
}

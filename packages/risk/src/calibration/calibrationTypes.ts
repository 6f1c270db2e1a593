import type { SlippageModel } from "./slippageModel.js";

/** Inputs shared by both maintenance-margin calibration methods. */
export interface MaintenanceMarginCalibrationParameters {
  /** Age of the oracle price a liquidation can use, seconds (e.g. Pyth publish-to-execution delay). */
  oracleLatencySeconds: number;
  /** Time from the position crossing maintenance to the liquidation executing, seconds. */
  liquidationDelaySeconds: number;
  /** Price given away when the liquidation closes the position. */
  slippage: SlippageModel;
  /** On-chain close fee factor (1e30 = 100%) charged on the liquidated size. */
  closeFeeFactorE30: bigint;
  /** Target probability that a position sitting exactly at maintenance ends in shortfall, in (0, 1). */
  targetShortfallProbability: number;
  /** Bar interval, ms; inferred from the open times (regular series only) when omitted. */
  barIntervalMs?: number;
  /** Grid the factor is rounded UP to; default 1e24 (0.0001%). */
  resolutionE30?: bigint;
}

/** What the maintenance margin must cover, as fractions of position size (`number`, for display). */
export interface MaintenanceMarginComponents {
  /** The quantile adverse move used: the worse of long and short. */
  adverseMove: number;
  /** Quantile adverse move for a long (price falls), fraction of size. */
  adverseMoveLong: number;
  /** Quantile adverse move for a short (price rises), fraction of size. */
  adverseMoveShort: number;
  /** Liquidation slippage, fraction of size (see `slippageFraction`). */
  slippage: number;
  /** Close fee, fraction of size. */
  closeFee: number;
  /** `adverseMove + slippage + closeFee` before rounding up to the factor grid. */
  total: number;
}

/** A calibrated maintenance margin factor with what it is made of. */
export interface MaintenanceMarginCalibration<TDiagnostics> {
  /** The factor to propose on chain, 1e30 = 100%, rounded UP to `resolutionE30`. */
  factorE30: bigint;
  components: MaintenanceMarginComponents;
  /** Oracle latency + liquidation delay, seconds. */
  horizonSeconds: number;
  barIntervalMs: number;
  targetShortfallProbability: number;
  /** Method-specific figures. */
  diagnostics: TDiagnostics;
}

import type { Kline } from "../market-data/kline.js";
import { resolveBarIntervalMs } from "../volatility/barInterval.js";
import { InsufficientBarsError } from "../volatility/errors.js";
import { validateKlines } from "../volatility/validateKlines.js";
import { worstAdverseLogMoves } from "./adverseMoves.js";
import type {
  MaintenanceMarginCalibration,
  MaintenanceMarginCalibrationParameters,
} from "./calibrationTypes.js";
import { composeMaintenanceMargin, validateCalibrationParameters } from "./composeMaintenanceMargin.js";
import { empiricalUpperQuantile } from "./empiricalQuantile.js";
import { liquidationHorizonInBars } from "./liquidationHorizon.js";

/** Inputs of {@link calibrateMaintenanceMarginHistorical}. */
export type CalibrateMaintenanceMarginHistoricalParameters = MaintenanceMarginCalibrationParameters;

/** Figures behind a historical calibration. */
export interface HistoricalCalibrationDiagnostics {
  /** Bars the worst move is taken over (`ceil(horizon / bar)`, at least 1). */
  windowBars: number;
  /** `sqrt(horizon / bar)` when the horizon is shorter than a bar, else 1. */
  subBarScale: number;
  /** Number of entry bars, every bar but the last (one long and one short sample each). */
  samples: number;
  /**
   * `samples * targetShortfallProbability >= 1`. When false the series is too short to see the
   * target tail: the result is the worst move observed, which understates the true quantile.
   */
  tailResolved: boolean;
  /** Worst scaled adverse move observed for a long / a short, fractions of size. */
  worstMoveLong: number;
  worstMoveShort: number;
}

/** Result of {@link calibrateMaintenanceMarginHistorical}. */
export type CalibrateMaintenanceMarginHistoricalReturnType =
  MaintenanceMarginCalibration<HistoricalCalibrationDiagnostics>;

const largest = (values: readonly number[]): number => values.reduce((a, b) => Math.max(a, b), 0);
const longLoss = (logMove: number): number => -Math.expm1(-logMove);
const shortLoss = (logMove: number): number => Math.expm1(logMove);

/**
 * Maintenance margin by historical simulation. For every bar, a position sitting exactly at
 * maintenance at that bar's close is liquidated within the horizon (oracle latency + liquidation
 * delay); its loss is the worst price the next `ceil(horizon / bar)` bars reach against it (their
 * lows for a long, highs for a short; truncated at the end of the series), in log terms. A horizon shorter than a bar scales the
 * one-bar log move by `sqrt(horizon / bar)` (Brownian assumption). The margin is the empirical
 * `1 - p` quantile of that loss (conservative order statistic), worse side of long and short, plus
 * slippage and the close fee, rounded UP to the factor grid:
 * `factor = max(q_long, q_short) + slippage + closeFee`.
 * Needs `windowBars + 1` bars; check `diagnostics.tailResolved` (short series cannot see a 0.1% tail).
 *
 * @example
 * const { factorE30, components } = calibrateMaintenanceMarginHistorical(oneMinuteBars, {
 *   oracleLatencySeconds: 2,
 *   liquidationDelaySeconds: 10,
 *   slippage: { fixedBps: 5, impactBpsAtDepth: 20, referenceSizeUsd: 1_000_000n, depthUsd: 10_000_000n, crashMultiplier: 2 },
 *   closeFeeFactorE30: 5n * 10n ** 26n, // 0.05%
 *   targetShortfallProbability: 0.001,
 * });
 */
export function calibrateMaintenanceMarginHistorical(
  klines: readonly Kline[],
  parameters: CalibrateMaintenanceMarginHistoricalParameters,
): CalibrateMaintenanceMarginHistoricalReturnType {
  validateCalibrationParameters(parameters);
  validateKlines(klines, 2, "historical margin calibration");
  const barIntervalMs = resolveBarIntervalMs(klines, parameters.barIntervalMs);
  const { windowBars, subBarScale } = liquidationHorizonInBars(
    parameters.oracleLatencySeconds,
    parameters.liquidationDelaySeconds,
    barIntervalMs,
  );
  if (klines.length < windowBars + 1) {
    throw new InsufficientBarsError(
      windowBars + 1,
      klines.length,
      "historical margin calibration over this horizon",
    );
  }
  const moves = worstAdverseLogMoves(klines, windowBars);
  const p = parameters.targetShortfallProbability;
  const quantileLong = longLoss(subBarScale * empiricalUpperQuantile(moves.long, p));
  const quantileShort = shortLoss(subBarScale * empiricalUpperQuantile(moves.short, p));
  const { factorE30, components } = composeMaintenanceMargin(quantileLong, quantileShort, parameters);
  const samples = moves.long.length;
  return {
    factorE30,
    components,
    horizonSeconds: parameters.oracleLatencySeconds + parameters.liquidationDelaySeconds,
    barIntervalMs,
    targetShortfallProbability: p,
    diagnostics: {
      windowBars,
      subBarScale,
      samples,
      tailResolved: samples * p >= 1,
      worstMoveLong: longLoss(subBarScale * largest(moves.long)),
      worstMoveShort: shortLoss(subBarScale * largest(moves.short)),
    },
  };
}

import type { Kline } from "../market-data/kline.js";
import { InvalidParameterError } from "../volatility/errors.js";
import { ewmaVolatility, RISKMETRICS_DAILY_LAMBDA } from "../volatility/ewmaVolatility.js";
import { closeLogReturns } from "../volatility/logReturns.js";
import { excessKurtosis } from "../volatility/sampleMoments.js";
import { validateKlines } from "../volatility/validateKlines.js";
import type {
  MaintenanceMarginCalibration,
  MaintenanceMarginCalibrationParameters,
} from "./calibrationTypes.js";
import { composeMaintenanceMargin, validateCalibrationParameters } from "./composeMaintenanceMargin.js";
import { standardNormalQuantile } from "./normalQuantile.js";
import { studentTQuantile } from "./studentTQuantile.js";

/** Bars the parametric method needs: enough returns for a volatility and a tail (kurtosis) estimate. */
export const MIN_PARAMETRIC_CALIBRATION_BARS = 30;

/** Above this many degrees of freedom a Student-t is treated as normal. */
const MAX_DEGREES_OF_FREEDOM = 10_000;

/**
 * Distribution of standardized moves. `studentT` without `degreesOfFreedom` estimates nu from the
 * excess kurtosis K of the returns standardized by the previous bar's EWMA volatility:
 * `nu = 4 + 6 / K` (normal when K <= 0); with it, nu must be > 2.
 */
export type ParametricTailModel = { kind: "normal" } | { kind: "studentT"; degreesOfFreedom?: number };

/** Inputs of {@link calibrateMaintenanceMarginParametric}. */
export interface CalibrateMaintenanceMarginParametricParameters
  extends MaintenanceMarginCalibrationParameters {
  /** EWMA decay factor (see `ewmaVolatility`). Default 0.94. */
  ewmaLambda?: number;
  /** Tail model; default `{ kind: "studentT" }` with nu estimated from the data. */
  tail?: ParametricTailModel;
}

/** The tail model actually used. */
export type ResolvedTailModel =
  | { kind: "normal" }
  | { kind: "studentT"; degreesOfFreedom: number; estimated: boolean };

/** Figures behind a parametric calibration. */
export interface ParametricCalibrationDiagnostics {
  /** Latest EWMA volatility of one-bar log returns. */
  perBarVolatility: number;
  /** `perBarVolatility * sqrt(horizon / bar)`. */
  horizonVolatility: number;
  /** `1 - p / 2`: the reflection principle turns the endpoint quantile into the running extreme's. */
  quantileLevel: number;
  /** Quantile of the unit-variance tail model at `quantileLevel`. */
  standardizedQuantile: number;
  tail: ResolvedTailModel;
  /** Excess kurtosis of EWMA-standardized returns (0 for normal data). */
  residualExcessKurtosis: number;
}

/** Result of {@link calibrateMaintenanceMarginParametric}. */
export type CalibrateMaintenanceMarginParametricReturnType =
  MaintenanceMarginCalibration<ParametricCalibrationDiagnostics>;

/**
 * Log returns and volatilities below this are float noise (a price's last bits; real prices move
 * by ticks, >= ~1e-8 of the price), not a market. Kurtosis is scale-free, so noise would otherwise
 * get a "shape": such returns count as 0 and such forecasts standardize nothing.
 */
const NOISE_FLOOR = 1e-12;

function standardizedResiduals(returns: readonly number[], volatilitySeries: readonly number[]): number[] {
  const residuals: number[] = [];
  for (let index = 1; index < returns.length; index++) {
    const forecast = volatilitySeries[index - 1] ?? 0;
    const logReturn = returns[index] ?? 0;
    if (forecast > NOISE_FLOOR) residuals.push(Math.abs(logReturn) < NOISE_FLOOR ? 0 : logReturn / forecast);
  }
  return residuals;
}

function resolveTail(model: ParametricTailModel, kurtosis: number): ResolvedTailModel {
  if (model.kind === "normal") return model;
  if (model.degreesOfFreedom !== undefined) {
    const nu = model.degreesOfFreedom;
    if (!Number.isFinite(nu) || nu <= 2)
      throw new InvalidParameterError("tail.degreesOfFreedom", nu, "a number > 2");
    return { kind: "studentT", degreesOfFreedom: nu, estimated: false };
  }
  const nu = kurtosis > 0 ? 4 + 6 / kurtosis : Number.POSITIVE_INFINITY;
  return nu > MAX_DEGREES_OF_FREEDOM
    ? { kind: "normal" }
    : { kind: "studentT", degreesOfFreedom: nu, estimated: true };
}

function unitVarianceQuantile(tail: ResolvedTailModel, level: number): number {
  if (tail.kind === "normal") return standardNormalQuantile(level);
  const nu = tail.degreesOfFreedom;
  return studentTQuantile(level, nu) * Math.sqrt((nu - 2) / nu);
}

/**
 * Maintenance margin from the current EWMA volatility. The horizon volatility is
 * `sigma_H = sigma_bar * sqrt(horizon / bar)`; the margin covers the running extreme of the price
 * over the horizon, whose `1 - p` quantile for a Brownian path is the endpoint's `1 - p/2` quantile
 * (reflection principle, applied to the fat-tailed model as an approximation). With
 * `z = F^-1(1 - p/2)` of a unit-variance Student-t (default, nu from the data) or normal:
 * `long = 1 - exp(-z sigma_H)`, `short = exp(z sigma_H) - 1`,
 * `factor = max(long, short) + slippage + closeFee`, rounded UP to the factor grid.
 * Needs {@link MIN_PARAMETRIC_CALIBRATION_BARS} bars.
 *
 * @example
 * const { factorE30, diagnostics } = calibrateMaintenanceMarginParametric(oneMinuteBars, {
 *   oracleLatencySeconds: 2,
 *   liquidationDelaySeconds: 10,
 *   slippage: { fixedBps: 5, impactBpsAtDepth: 20, referenceSizeUsd: 1_000_000n, depthUsd: 10_000_000n, crashMultiplier: 2 },
 *   closeFeeFactorE30: 5n * 10n ** 26n,
 *   targetShortfallProbability: 0.001,
 *   ewmaLambda: 0.94,
 * });
 */
export function calibrateMaintenanceMarginParametric(
  klines: readonly Kline[],
  parameters: CalibrateMaintenanceMarginParametricParameters,
): CalibrateMaintenanceMarginParametricReturnType {
  validateCalibrationParameters(parameters);
  validateKlines(klines, MIN_PARAMETRIC_CALIBRATION_BARS, "parametric margin calibration");
  const lambda = parameters.ewmaLambda ?? RISKMETRICS_DAILY_LAMBDA;
  const ewma = ewmaVolatility(
    klines,
    parameters.barIntervalMs === undefined ? { lambda } : { lambda, barIntervalMs: parameters.barIntervalMs },
  );
  const residuals = standardizedResiduals(closeLogReturns(klines), ewma.series);
  const residualExcessKurtosis = residuals.length >= 4 ? excessKurtosis(residuals) : 0;
  const tail = resolveTail(parameters.tail ?? { kind: "studentT" }, residualExcessKurtosis);
  const p = parameters.targetShortfallProbability;
  const quantileLevel = 1 - p / 2;
  const standardizedQuantile = unitVarianceQuantile(tail, quantileLevel);
  const horizonSeconds = parameters.oracleLatencySeconds + parameters.liquidationDelaySeconds;
  const horizonVolatility = ewma.latest * Math.sqrt((horizonSeconds * 1000) / ewma.barIntervalMs);
  const logMove = standardizedQuantile * horizonVolatility;
  const { factorE30, components } = composeMaintenanceMargin(
    -Math.expm1(-logMove),
    Math.expm1(logMove),
    parameters,
  );
  return {
    factorE30,
    components,
    horizonSeconds,
    barIntervalMs: ewma.barIntervalMs,
    targetShortfallProbability: p,
    diagnostics: {
      perBarVolatility: ewma.latest,
      horizonVolatility,
      quantileLevel,
      standardizedQuantile,
      tail,
      residualExcessKurtosis,
    },
  };
}

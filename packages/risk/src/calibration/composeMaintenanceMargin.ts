import { InvalidParameterError } from "../volatility/errors.js";
import type {
  MaintenanceMarginCalibrationParameters,
  MaintenanceMarginComponents,
} from "./calibrationTypes.js";
import {
  DEFAULT_FACTOR_RESOLUTION_E30,
  FACTOR_ONE_E30,
  factorE30ToFraction,
  fractionToFactorE30Up,
} from "./fixedPoint.js";
import { slippageFraction } from "./slippageModel.js";

/**
 * Validates the parameters shared by both calibration methods (except the bar interval, which
 * needs the series). Throws `InvalidParameterError` naming the first bad one.
 */
export function validateCalibrationParameters(parameters: MaintenanceMarginCalibrationParameters): void {
  const p = parameters.targetShortfallProbability;
  if (!(p > 0 && p < 1))
    throw new InvalidParameterError("targetShortfallProbability", p, "a number in (0, 1)");
  for (const [name, value] of [
    ["oracleLatencySeconds", parameters.oracleLatencySeconds],
    ["liquidationDelaySeconds", parameters.liquidationDelaySeconds],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new InvalidParameterError(name, value, "a finite number >= 0");
  }
  if (parameters.closeFeeFactorE30 < 0n || parameters.closeFeeFactorE30 >= FACTOR_ONE_E30) {
    throw new InvalidParameterError("closeFeeFactorE30", parameters.closeFeeFactorE30, "in [0, 1e30)");
  }
  if (parameters.resolutionE30 !== undefined && parameters.resolutionE30 <= 0n) {
    throw new InvalidParameterError("resolutionE30", parameters.resolutionE30, "> 0");
  }
  slippageFraction(parameters.slippage);
}

/**
 * Adds slippage and the close fee to the quantile adverse moves (fractions of size) and rounds the
 * total UP to an on-chain factor: `factor = max(long, short) + slippage + closeFee`.
 *
 * @example
 * composeMaintenanceMargin(0.012, 0.015, parameters).factorE30;
 */
export function composeMaintenanceMargin(
  adverseMoveLong: number,
  adverseMoveShort: number,
  parameters: MaintenanceMarginCalibrationParameters,
): { factorE30: bigint; components: MaintenanceMarginComponents } {
  const adverseMove = Math.max(adverseMoveLong, adverseMoveShort);
  const slippage = slippageFraction(parameters.slippage);
  const closeFee = factorE30ToFraction(parameters.closeFeeFactorE30);
  const total = adverseMove + slippage + closeFee;
  // Sum exactly in fixed point (each term rounded up), then round up once more to the grid.
  const exactE30 =
    fractionToFactorE30Up(adverseMove, 1n) +
    fractionToFactorE30Up(slippage, 1n) +
    parameters.closeFeeFactorE30;
  const resolutionE30 = parameters.resolutionE30 ?? DEFAULT_FACTOR_RESOLUTION_E30;
  const factorE30 = ((exactE30 + resolutionE30 - 1n) / resolutionE30) * resolutionE30;
  return {
    factorE30,
    components: { adverseMove, adverseMoveLong, adverseMoveShort, slippage, closeFee, total },
  };
}

export { type AdverseLogMoves, worstAdverseLogMoves } from "./calibration/adverseMoves.js";
export {
  type CalibrateMaintenanceMarginHistoricalParameters,
  type CalibrateMaintenanceMarginHistoricalReturnType,
  calibrateMaintenanceMarginHistorical,
  type HistoricalCalibrationDiagnostics,
} from "./calibration/calibrateMaintenanceMarginHistorical.js";
export {
  type CalibrateMaintenanceMarginParametricParameters,
  type CalibrateMaintenanceMarginParametricReturnType,
  calibrateMaintenanceMarginParametric,
  MIN_PARAMETRIC_CALIBRATION_BARS,
  type ParametricCalibrationDiagnostics,
  type ParametricTailModel,
  type ResolvedTailModel,
} from "./calibration/calibrateMaintenanceMarginParametric.js";
export type {
  MaintenanceMarginCalibration,
  MaintenanceMarginCalibrationParameters,
  MaintenanceMarginComponents,
} from "./calibration/calibrationTypes.js";
export {
  type ClampMarginFactorProposalReturnType,
  clampMarginFactorProposal,
  type MarginFactorBounds,
  type MarginFactorClampReason,
} from "./calibration/clampMarginFactor.js";
export {
  type ClipIsolatedWicksReturnType,
  type ClippedWick,
  clipIsolatedWicks,
} from "./calibration/clipIsolatedWicks.js";
export { composeMaintenanceMargin } from "./calibration/composeMaintenanceMargin.js";
export { empiricalUpperQuantile } from "./calibration/empiricalQuantile.js";
export {
  bigintRatio,
  DEFAULT_FACTOR_RESOLUTION_E30,
  FACTOR_ONE_E30,
  factorE30ToFraction,
  fractionToFactorE30Up,
} from "./calibration/fixedPoint.js";
export { type LiquidationHorizonInBars, liquidationHorizonInBars } from "./calibration/liquidationHorizon.js";
export { standardNormalQuantile } from "./calibration/normalQuantile.js";
export { type SlippageModel, slippageFraction } from "./calibration/slippageModel.js";
export { studentTQuantile, studentTUpperTail } from "./calibration/studentTQuantile.js";
export {
  type MarginScheduleMethod,
  type MarginSchedulePoint,
  type MarginScheduleUpdate,
  type VolatilityAwareMarginScheduleParameters,
  volatilityAwareMarginSchedule,
} from "./calibration/volatilityAwareMarginSchedule.js";
export type { Kline } from "./market-data/kline.js";
export { KlineParseError } from "./market-data/klineParseError.js";
export {
  DEFAULT_KLINE_INTERVAL_MS,
  type KlinePathPoint,
  klinePathPoints,
} from "./market-data/klinePathPoints.js";
export { loadKlinesFile } from "./market-data/loadKlinesFile.js";
export {
  BINANCE_KLINE_COLUMNS,
  EXCERPT_KLINE_COLUMNS,
  type KlineTimeUnit,
  type ParseKlinesCsvOptions,
  parseKlinesCsv,
} from "./market-data/parseKlinesCsv.js";
export {
  annualizeVolatility,
  MS_PER_YEAR,
  scaleVolatility,
} from "./volatility/annualize.js";
export { inferBarIntervalMs, resolveBarIntervalMs } from "./volatility/barInterval.js";
export {
  type CloseToCloseVolatilityErrorType,
  type CloseToCloseVolatilityParameters,
  type CloseToCloseVolatilityReturnType,
  closeToCloseVolatility,
} from "./volatility/closeToCloseVolatility.js";
export {
  InconsistentBarError,
  InsufficientBarsError,
  InvalidParameterError,
  IrregularBarIntervalError,
  NonFiniteValueError,
  NonPositivePriceError,
  RiskInputError,
  UnsortedTimestampsError,
} from "./volatility/errors.js";
export {
  type EwmaVolatilityErrorType,
  type EwmaVolatilityParameters,
  type EwmaVolatilityReturnType,
  ewmaVolatility,
  RISKMETRICS_DAILY_LAMBDA,
} from "./volatility/ewmaVolatility.js";
export {
  type GarmanKlassVolatilityErrorType,
  type GarmanKlassVolatilityParameters,
  type GarmanKlassVolatilityReturnType,
  garmanKlassVolatility,
} from "./volatility/garmanKlassVolatility.js";
export { closeLogReturns } from "./volatility/logReturns.js";
export {
  type ParkinsonVolatilityErrorType,
  type ParkinsonVolatilityParameters,
  type ParkinsonVolatilityReturnType,
  parkinsonVolatility,
} from "./volatility/parkinsonVolatility.js";
export type { VolatilityEstimate, VolatilityOptions } from "./volatility/types.js";
export { type ValidateKlinesErrorType, validateKlines } from "./volatility/validateKlines.js";

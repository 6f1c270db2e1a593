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
export {
  compareMarginModels,
  type MarginModelComparisonRow,
} from "./margin/compareMarginModels.js";
export {
  type CrossMarginOptions,
  type CrossMarginReturnType,
  crossMargin,
} from "./margin/crossMargin.js";
export {
  type IsolatedMarginPosition,
  type IsolatedMarginReturnType,
  isolatedMargin,
} from "./margin/isolatedMargin.js";
export {
  type EvaluatedPosition,
  evaluatePositions,
  findMarket,
  type MarginContext,
  type MarginMarket,
  marketOf,
} from "./margin/marginContext.js";
export {
  type PortfolioMarginFloor,
  type PortfolioMarginParameters,
  type PortfolioMarginReturnType,
  type PortfolioScenarioLoss,
  portfolioMargin,
} from "./margin/portfolioMargin.js";
export {
  type CorrelatedScenarioGridParameters,
  choleskyFactor,
  correlatedScenarioGrid,
  type EstimateScenarioGridInputsParameters,
  estimateScenarioGridInputs,
  type MarginScenario,
  sampleCorrelation,
  volatilityScaledRange,
} from "./margin/scenarioGrid.js";
export type { Kline } from "./market-data/kline.js";
export { KlineParseError } from "./market-data/klineParseError.js";
export {
  DEFAULT_KLINE_INTERVAL_MS,
  type KlinePathPoint,
  klinePathPoints,
} from "./market-data/klinePathPoints.js";
export {
  BINANCE_KLINE_COLUMNS,
  EXCERPT_KLINE_COLUMNS,
  type KlineTimeUnit,
  type ParseKlinesCsvOptions,
  parseKlinesCsv,
} from "./market-data/parseKlinesCsv.js";
export {
  isMirrorRevert,
  type MirrorErrorArgs,
  type MirrorErrorName,
  MirrorRevert,
  PANIC_CODE,
} from "./mirror/errors.js";
export { MAX_INT256, MAX_UINT256, MIN_INT256 } from "./mirror/evm.js";
export * as FeeMath from "./mirror/libraries/FeeMath.js";
export * as FixedPoint from "./mirror/libraries/FixedPoint.js";
export * as OracleMath from "./mirror/libraries/OracleMath.js";
export * as PoolMath from "./mirror/libraries/PoolMath.js";
export * as PositionMath from "./mirror/libraries/PositionMath.js";
export * as PriceImpactMath from "./mirror/libraries/PriceImpactMath.js";
export * as RateMath from "./mirror/libraries/RateMath.js";
export * as SettlementMath from "./mirror/libraries/SettlementMath.js";
export * as TriggerMath from "./mirror/libraries/TriggerMath.js";
export * as DecreaseLogic from "./mirror/logic/DecreaseLogic.js";
export {
  type DecreaseParams,
  type DecreasePreview,
  previewDecrease,
  type ShortfallPreview,
} from "./mirror/logic/DecreaseLogic.js";
export * as IncreaseLogic from "./mirror/logic/IncreaseLogic.js";
export {
  type IncreaseParams,
  type IncreasePreview,
  type PreviewIncreaseParameters,
  previewIncrease,
} from "./mirror/logic/IncreaseLogic.js";
export * as LiquidationLogic from "./mirror/logic/LiquidationLogic.js";
export {
  type AdlPreview,
  isLiquidatable,
  type LiquidationPreview,
  liquidationSizeUsd,
  previewAdl,
  previewLiquidation,
} from "./mirror/logic/LiquidationLogic.js";
export * as LiquidityLogic from "./mirror/logic/LiquidityLogic.js";
export {
  type DepositPreview,
  type PreviewDepositParameters,
  type PreviewWithdrawalParameters,
  previewDeposit,
  previewWithdrawal,
  type WithdrawalPreview,
} from "./mirror/logic/LiquidityLogic.js";
export * as MarketLogic from "./mirror/logic/MarketLogic.js";
export { accruedRates, pnlToPoolFactor, poolValueUsd } from "./mirror/logic/MarketLogic.js";
export * as PositionHealth from "./mirror/logic/PositionHealth.js";
export {
  maintenanceMarginUsd,
  openingMarginUsd,
  positionHealth,
  positionKey,
} from "./mirror/logic/PositionHealth.js";
export * as ReaderLogic from "./mirror/logic/ReaderLogic.js";
export {
  type PositionHealthView,
  poolValueAt,
  positionHealthAt,
  solvencyAt,
} from "./mirror/logic/ReaderLogic.js";
export * as VaultLogic from "./mirror/logic/VaultLogic.js";
export {
  type BadDebtLedger,
  cloneMarketState,
  type DecreaseKind,
  type ExchangeSettings,
  type FeeConfig,
  type FeedConfig,
  type Health,
  type ImpactConfig,
  type MarginBounds,
  type MarketConfig,
  type MarketPrices,
  type MarketState,
  type OpenInterest,
  type OracleSettings,
  type OrderType,
  type PoolBalances,
  type PositionChange,
  type PositionState,
  type PriceRange,
  type RateConfig,
  type RateState,
  type RiskConfig,
  type SafetyConfig,
  type Solvency,
  sameAddress,
  type TradeAmounts,
  type VaultTokenBalances,
} from "./mirror/types.js";
export {
  type LiquidationPriceParameters,
  type LiquidationPriceResult,
  liquidationPrice,
  scaledPricesAt,
} from "./preview/liquidationPrice.js";
export {
  createLiquidationScanner,
  type LiquidationCheck,
  type LiquidationScanner,
} from "./preview/liquidationScanner.js";
export {
  type OpeningCheck,
  type OrderPreview,
  type OrderSize,
  type PreviewOrderParameters,
  previewOrder,
} from "./preview/previewOrder.js";
export { DEPLOYLESS_BATCH_BYTES, type MulticallOptions } from "./readers/multicall.js";
export {
  type ParsedPythPrice,
  type PriceRangesFromPythOptions,
  priceRangesFromPyth,
} from "./readers/priceRangesFromPyth.js";
export { type BlockContext, type ReadBlockParameters, readBlock } from "./readers/readBlock.js";
export {
  type MarketSnapshot,
  type ReadMarketStateParameters,
  readMarketState,
} from "./readers/readMarketState.js";
export {
  type MarketFeeds,
  type ReadMarketFeedsParameters,
  readMarketFeeds,
  readOracleAddress,
  readOracleSettings,
} from "./readers/readOracle.js";
export {
  type MarketPositions,
  type ReadAllPositionsParameters,
  type ReadPositionsParameters,
  readAllPositions,
  readPositions,
} from "./readers/readPositions.js";
export {
  createStressEngine,
  StressEngine,
  type StressEngineParameters,
} from "./stress/engine.js";
export { BookOpeningError, MisalignedSeriesError, UnknownMarketError } from "./stress/errors.js";
export {
  describeStressWindow,
  formatStressReports,
  formatStressTimeline,
  renderTable,
  type TableStyle,
} from "./stress/formatReport.js";
export {
  type MaintenanceMarginPlan,
  maintenanceMarginPlan,
  type StressMarginParameters,
} from "./stress/marginPlan.js";
export {
  type CreateStressMarketStateParameters,
  createStressMarketState,
  DEFAULT_MAINTENANCE_MARGIN_FACTOR_E30,
  defaultMarketConfig,
  inferMarketSymbol,
  marketPricesAt,
  STRESS_MARKETS,
  STRESS_USDC,
  type StressMarketSpec,
  type StressToken,
  stablePriceRange,
  stressMarketSpec,
} from "./stress/markets.js";
export {
  type OpenedPosition,
  type OpenSyntheticBookReturnType,
  openSyntheticBook,
  type SetUpStressMarketsParameters,
  setUpStressMarkets,
} from "./stress/openBook.js";
export {
  type BuildPricePathOptions,
  buildPricePath,
  POINTS_PER_BAR,
  type PricePath,
  type PricePathMarketInput,
  priceAtTime,
} from "./stress/pricePath.js";
export { type SeededRandom, seededRandom } from "./stress/random.js";
export { type RenderStressSvgOptions, renderStressSvg } from "./stress/renderSvg.js";
export {
  createScenarioEngine,
  type PreparedStressScenario,
  prepareStressScenario,
  runStressScenario,
  type StressMarginChoice,
  type StressScenarioParameters,
  stressMarginParameters,
} from "./stress/scenario.js";
export {
  type ClampedLogNormal,
  DEFAULT_BOOK_LEVERAGE,
  DEFAULT_BOOK_SIZE_USD,
  generateSyntheticBook,
  type SyntheticBookMarket,
  type SyntheticBookParameters,
  type SyntheticOrder,
  syntheticAccount,
} from "./stress/syntheticBook.js";
export type {
  StressFailedLiquidation,
  StressLiquidationEvent,
  StressMarketReport,
  StressReport,
  StressStep,
  StressTimelinePoint,
  StressTotals,
} from "./stress/types.js";
export {
  formatFactorE30,
  formatUsdE30,
  fractionToFactorE30,
  priceE30PerUnit,
  priceE30ToNumber,
  USD_ONE_E30,
  usdE30ToNumber,
  usdToE30,
} from "./stress/units.js";
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

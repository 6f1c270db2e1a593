import {
  type CalibrateMaintenanceMarginHistoricalReturnType,
  type CalibrateMaintenanceMarginParametricReturnType,
  calibrateMaintenanceMarginHistorical,
  calibrateMaintenanceMarginParametric,
  clampMarginFactorProposal,
  type Kline,
  type MarketState,
  type SlippageModel,
} from "@bastion/risk";

/** Calibration settings of the proposer. */
export interface MarginCalibrationSettings {
  oracleLatencySeconds: number;
  liquidationDelaySeconds: number;
  targetShortfallProbability: number;
  slippage: SlippageModel;
  /** Fewer bars: no proposal. */
  minBars: number;
}

/** The proposer's default slippage model (the calibration README's): 2 x (5 + 20 x 0.1) bps. */
export const DEFAULT_SLIPPAGE: SlippageModel = {
  fixedBps: 5,
  impactBpsAtDepth: 20,
  referenceSizeUsd: 1_000_000n,
  depthUsd: 10_000_000n,
  crashMultiplier: 2,
};

/** What the proposer concluded for one market. */
export type MarginProposal =
  | { outcome: "insufficient_history"; bars: number; minBars: number }
  | {
      outcome: "proposal";
      /** max(historical, parametric), before clamping (1e30 = 100%). */
      proposedE30: bigint;
      /** Clamped into the on-chain bounds and step: what would be submitted. */
      factorE30: bigint;
      currentE30: bigint;
      explanation: string;
      historical: CalibrateMaintenanceMarginHistoricalReturnType;
      parametric: CalibrateMaintenanceMarginParametricReturnType;
      /** Whether the factor differs from the current one. */
      changed: boolean;
      /** Unix seconds from which the contract accepts an update (`updatedAt + minInterval`). */
      allowedFrom: number;
    };

/**
 * Calibrates a market's maintenance margin on 1-minute bars with both methods of the risk package
 * and proposes the larger (the calibration README's advice: historical covers the worst of the
 * window, parametric follows the current volatility), clamped into the market's bounds and maximum
 * step (`clampMarginFactorProposal`). Pure: fetching and submitting are the caller's.
 */
export function proposeMargin(
  bars: readonly Kline[],
  state: MarketState,
  settings: MarginCalibrationSettings,
): MarginProposal {
  if (bars.length < settings.minBars) {
    return { outcome: "insufficient_history", bars: bars.length, minBars: settings.minBars };
  }
  const parameters = {
    oracleLatencySeconds: settings.oracleLatencySeconds,
    liquidationDelaySeconds: settings.liquidationDelaySeconds,
    slippage: settings.slippage,
    closeFeeFactorE30: state.config.fees.positionFeeFactorNegativeImpact,
    targetShortfallProbability: settings.targetShortfallProbability,
    barIntervalMs: 60_000,
  };
  const historical = calibrateMaintenanceMarginHistorical(bars, parameters);
  const parametric = calibrateMaintenanceMarginParametric(bars, parameters);
  const proposedE30 = maxBigint(historical.factorE30, parametric.factorE30);
  const bounds = state.config.margin;
  const clamp = clampMarginFactorProposal(proposedE30, {
    min: bounds.minMaintenanceMarginFactor,
    max: bounds.maxMaintenanceMarginFactor,
    maxStep: bounds.maxStep,
    current: state.maintenanceMarginFactor,
  });
  return {
    outcome: "proposal",
    proposedE30,
    factorE30: clamp.factorE30,
    currentE30: state.maintenanceMarginFactor,
    explanation: clamp.explanation,
    historical,
    parametric,
    changed: clamp.factorE30 !== state.maintenanceMarginFactor,
    allowedFrom:
      state.maintenanceMarginUpdatedAt === 0n
        ? 0
        : Number(state.maintenanceMarginUpdatedAt + bounds.minInterval),
  };
}

function maxBigint(a: bigint, b: bigint): bigint {
  if (a >= b) return a;
  return b;
}

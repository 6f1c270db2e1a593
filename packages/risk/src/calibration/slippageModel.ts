import { InvalidParameterError } from "../volatility/errors.js";
import { bigintRatio } from "./fixedPoint.js";

/** How much price a liquidation gives away when it closes a position. */
export interface SlippageModel {
  /** Slippage of any liquidation in a normal market, basis points of size. */
  fixedBps: number;
  /** Extra slippage, bps of size, when the liquidated size equals `depthUsd`. */
  impactBpsAtDepth: number;
  /** Exponent of the size term `(size / depth) ^ exponent`: 1 linear (default), 0.5 the square-root law. */
  impactExponent?: number;
  /** Size the margin is calibrated for, e.g. the largest position the market allows. Same unit as `depthUsd`. */
  referenceSizeUsd: bigint;
  /** Liquidity that costs `impactBpsAtDepth` to take. Same unit as `referenceSizeUsd` (any scale). */
  depthUsd: bigint;
  /**
   * Multiplier (>= 1) on the whole slippage. It always applies: the margin is sized for the tail
   * move, and a tail move is a crash, when books are thin.
   */
  crashMultiplier: number;
}

function assertNonNegativeFinite(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0)
    throw new InvalidParameterError(name, value, "a finite number >= 0");
}

/**
 * Slippage as a fraction of size:
 * `crashMultiplier * (fixedBps + impactBpsAtDepth * (referenceSizeUsd / depthUsd) ^ impactExponent) / 10_000`.
 *
 * @example
 * slippageFraction({ fixedBps: 5, impactBpsAtDepth: 20, referenceSizeUsd: 1_000_000n,
 *   depthUsd: 10_000_000n, crashMultiplier: 3 }); // 3 * (5 + 2) / 1e4 = 0.0021
 */
export function slippageFraction(model: SlippageModel): number {
  assertNonNegativeFinite("slippage.fixedBps", model.fixedBps);
  assertNonNegativeFinite("slippage.impactBpsAtDepth", model.impactBpsAtDepth);
  const exponent = model.impactExponent ?? 1;
  if (!Number.isFinite(exponent) || exponent <= 0) {
    throw new InvalidParameterError("slippage.impactExponent", exponent, "a finite number > 0");
  }
  if (!Number.isFinite(model.crashMultiplier) || model.crashMultiplier < 1) {
    throw new InvalidParameterError(
      "slippage.crashMultiplier",
      model.crashMultiplier,
      "a finite number >= 1",
    );
  }
  if (model.referenceSizeUsd < 0n) {
    throw new InvalidParameterError("slippage.referenceSizeUsd", model.referenceSizeUsd, ">= 0");
  }
  if (model.depthUsd <= 0n) throw new InvalidParameterError("slippage.depthUsd", model.depthUsd, "> 0");
  const sizeToDepth = bigintRatio(model.referenceSizeUsd, model.depthUsd);
  const bps = model.fixedBps + model.impactBpsAtDepth * sizeToDepth ** exponent;
  return (model.crashMultiplier * bps) / 10_000;
}

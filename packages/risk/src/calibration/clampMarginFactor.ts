import { InvalidParameterError } from "../volatility/errors.js";

/** On-chain limits on a maintenance margin factor update, all 1e30 = 100%. */
export interface MarginFactorBounds {
  /** Hard lower bound. */
  min: bigint;
  /** Hard upper bound. */
  max: bigint;
  /** Largest change allowed in one update, either direction. */
  maxStep: bigint;
  /** The factor on chain now. */
  current: bigint;
}

/** A constraint the raw proposal violated. */
export type MarginFactorClampReason = "belowMin" | "aboveMax" | "stepDownTooLarge" | "stepUpTooLarge";

/** Result of {@link clampMarginFactorProposal}. */
export interface ClampMarginFactorProposalReturnType {
  /** The admissible factor closest to the proposal: what the keeper should submit. */
  factorE30: bigint;
  /** The raw proposal. */
  proposedE30: bigint;
  /** `factorE30 !== proposedE30`. */
  clamped: boolean;
  /** Every constraint the raw proposal violated (empty when it was admissible). */
  reasons: MarginFactorClampReason[];
  /** The same, in words, for logs. */
  explanation: string;
}

/**
 * Brings a proposed maintenance margin factor within the on-chain bounds and the step limit:
 * the result is the value of `[max(min, current - maxStep), min(max, current + maxStep)]` closest
 * to the proposal. All bigint, exact. Throws `InvalidParameterError` when the bounds are
 * inconsistent (negative, `min > max`) or when no value satisfies both (the current factor is
 * more than `maxStep` outside `[min, max]`, e.g. after governance moved the bounds).
 *
 * @example
 * clampMarginFactorProposal(9n * 10n ** 27n, { min: 5n * 10n ** 27n, max: 5n * 10n ** 28n,
 *   maxStep: 2n * 10n ** 27n, current: 6n * 10n ** 27n });
 * // { factorE30: 8n * 10n ** 27n, clamped: true, reasons: ["stepUpTooLarge"], ... }
 */
export function clampMarginFactorProposal(
  proposedE30: bigint,
  bounds: MarginFactorBounds,
): ClampMarginFactorProposalReturnType {
  const { min, max, maxStep, current } = bounds;
  if (proposedE30 < 0n) throw new InvalidParameterError("proposedE30", proposedE30, ">= 0");
  if (min < 0n) throw new InvalidParameterError("bounds.min", min, ">= 0");
  if (max < min) throw new InvalidParameterError("bounds.max", max, `>= bounds.min (${min})`);
  if (maxStep < 0n) throw new InvalidParameterError("bounds.maxStep", maxStep, ">= 0");
  // bigint: no Math.max / Math.min
  let lowest = min;
  if (current - maxStep > lowest) lowest = current - maxStep;
  let highest = max;
  if (current + maxStep < highest) highest = current + maxStep;
  if (lowest > highest) {
    throw new InvalidParameterError(
      "bounds.current",
      current,
      `within maxStep (${maxStep}) of [min, max] = [${min}, ${max}] so that some update is admissible`,
    );
  }
  const factorE30 = proposedE30 < lowest ? lowest : proposedE30 > highest ? highest : proposedE30;
  const reasons: MarginFactorClampReason[] = [];
  const words: string[] = [];
  if (proposedE30 < min) {
    reasons.push("belowMin");
    words.push(`below min ${min}`);
  }
  if (proposedE30 > max) {
    reasons.push("aboveMax");
    words.push(`above max ${max}`);
  }
  if (proposedE30 < current - maxStep) {
    reasons.push("stepDownTooLarge");
    words.push(`more than maxStep ${maxStep} below current ${current}`);
  }
  if (proposedE30 > current + maxStep) {
    reasons.push("stepUpTooLarge");
    words.push(`more than maxStep ${maxStep} above current ${current}`);
  }
  const explanation =
    reasons.length === 0
      ? `proposal ${proposedE30} is admissible`
      : `proposal ${proposedE30} is ${words.join(", ")}: submitting ${factorE30}`;
  return { factorE30, proposedE30, clamped: factorE30 !== proposedE30, reasons, explanation };
}

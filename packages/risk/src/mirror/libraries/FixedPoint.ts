/**
 * Mirror of `contracts/src/libraries/FixedPoint.sol` (and `SignedMathAbs`): 30-decimal fixed point
 * for USD values, prices and factors, the rounding direction in every name.
 * @module
 */
import { ceilDiv, MIN_INT256, mulDiv, toInt256 } from "../evm.js";

/** 1.0: one USD, or a factor of 100% (1e30). */
export const ONE = 10n ** 30n;

/** a * factor / 1e30, rounded down. */
export function mulDown(a: bigint, factor: bigint): bigint {
  return mulDiv(a, factor, ONE);
}

/** a * factor / 1e30, rounded up. */
export function mulUp(a: bigint, factor: bigint): bigint {
  return mulDiv(a, factor, ONE, "Ceil");
}

/** a * b / d, rounded down. */
export function mulDivDown(a: bigint, b: bigint, d: bigint): bigint {
  return mulDiv(a, b, d);
}

/** a * b / d, rounded up. */
export function mulDivUp(a: bigint, b: bigint, d: bigint): bigint {
  return mulDiv(a, b, d, "Ceil");
}

/** a / b, rounded up. */
export function divUp(a: bigint, b: bigint): bigint {
  return ceilDiv(a, b);
}

/** |a| for a signed value (no overflow at type(int256).min: `SignedMathAbs.abs`). */
export function abs(a: bigint): bigint {
  return signedMathAbs(a);
}

/** Checked uint -> int conversion (`SafeCast.toInt256`). */
export function toInt(a: bigint): bigint {
  return toInt256(a);
}

/** max(a, 0) as uint. */
export function positivePart(a: bigint): bigint {
  return a > 0n ? a : 0n;
}

/** max(-a, 0) as uint. */
export function negativePart(a: bigint): bigint {
  return a < 0n ? abs(a) : 0n;
}

/** `SignedMathAbs.abs`: |a|, 2^255 for type(int256).min. */
export function signedMathAbs(a: bigint): bigint {
  return a >= 0n ? a : a === MIN_INT256 ? 1n << 255n : -a;
}

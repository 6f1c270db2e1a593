import { MirrorRevert, PANIC_CODE } from "./errors.js";

/**
 * Solidity 0.8 checked arithmetic and the OpenZeppelin 5 `Math`/`SafeCast` functions the contracts
 * use, over `bigint`. Inputs are assumed to be inside their Solidity types (uint256: [0, 2^256),
 * int256: [-2^255, 2^255)); results outside them throw the contract's `Panic(0x11)`, divisions by
 * zero `Panic(0x12)`, exactly where the compiled code would.
 */

/** type(uint256).max */
export const MAX_UINT256 = (1n << 256n) - 1n;
/** type(int256).max */
export const MAX_INT256 = (1n << 255n) - 1n;
/** type(int256).min */
export const MIN_INT256 = -(1n << 255n);

/** The smaller of two integers (`Math.min` does not take bigints). */
export function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** The larger of two integers. */
export function max(a: bigint, b: bigint): bigint {
  return a < b ? b : a;
}

/** Throws Solidity's `Panic(code)`. */
export function panic(code: bigint): never {
  throw new MirrorRevert("Panic", { code });
}

/** A checked uint256 result: `Panic(0x11)` outside [0, 2^256). */
export function u256(x: bigint): bigint {
  if (x < 0n || x > MAX_UINT256) panic(PANIC_CODE.ARITHMETIC);
  return x;
}

/** A checked int256 result: `Panic(0x11)` outside [-2^255, 2^255). */
export function i256(x: bigint): bigint {
  if (x < MIN_INT256 || x > MAX_INT256) panic(PANIC_CODE.ARITHMETIC);
  return x;
}

/** uint256 `a + b`, checked. */
export function add(a: bigint, b: bigint): bigint {
  const r = a + b;
  if (r > MAX_UINT256) panic(PANIC_CODE.ARITHMETIC);
  return r;
}

/** uint256 `a - b`, checked. */
export function sub(a: bigint, b: bigint): bigint {
  if (b > a) panic(PANIC_CODE.ARITHMETIC);
  return a - b;
}

/** uint256 `a * b`, checked. */
export function mul(a: bigint, b: bigint): bigint {
  const r = a * b;
  if (r > MAX_UINT256) panic(PANIC_CODE.ARITHMETIC);
  return r;
}

/** uint256 `a / b` (floor), `Panic(0x12)` when `b == 0`. */
export function div(a: bigint, b: bigint): bigint {
  if (b === 0n) panic(PANIC_CODE.DIVISION_BY_ZERO);
  return a / b;
}

/** int256 `a + b`, checked. */
export function addI(a: bigint, b: bigint): bigint {
  return i256(a + b);
}

/** int256 `a - b`, checked. */
export function subI(a: bigint, b: bigint): bigint {
  return i256(a - b);
}

/** int256 `a * b`, checked. */
export function mulI(a: bigint, b: bigint): bigint {
  return i256(a * b);
}

/** int256 `a / b` (truncated toward zero, as Solidity), checked. */
export function divI(a: bigint, b: bigint): bigint {
  if (b === 0n) panic(PANIC_CODE.DIVISION_BY_ZERO);
  if (a === MIN_INT256 && b === -1n) panic(PANIC_CODE.ARITHMETIC);
  return a / b;
}

/** int256 `-a`, checked. */
export function negI(a: bigint): bigint {
  if (a === MIN_INT256) panic(PANIC_CODE.ARITHMETIC);
  return -a;
}

/** Solidity's explicit `uint256(int256 x)`: the two's-complement reinterpretation (no revert). */
export function uint256FromInt(x: bigint): bigint {
  return x < 0n ? x + (1n << 256n) : x;
}

/** OpenZeppelin `Math.Rounding` values the contracts use. */
export type Rounding = "Floor" | "Ceil";

/**
 * OpenZeppelin `Math.mulDiv(x, y, denominator[, rounding])`: x * y / denominator with a 512-bit
 * intermediate product, rounded down (or up). `Panic(0x12)` when the denominator is zero,
 * `Panic(0x11)` when the result does not fit in uint256.
 */
export function mulDiv(x: bigint, y: bigint, denominator: bigint, rounding: Rounding = "Floor"): bigint {
  if (denominator === 0n) panic(PANIC_CODE.DIVISION_BY_ZERO);
  const product = x * y;
  const result = product / denominator;
  if (result > MAX_UINT256) panic(PANIC_CODE.ARITHMETIC);
  if (rounding === "Ceil" && result * denominator !== product) {
    if (result === MAX_UINT256) panic(PANIC_CODE.ARITHMETIC);
    return result + 1n;
  }
  return result;
}

/** OpenZeppelin `Math.ceilDiv(a, b)`: a / b rounded up, `Panic(0x12)` when b is zero. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) panic(PANIC_CODE.DIVISION_BY_ZERO);
  return a === 0n ? 0n : (a - 1n) / b + 1n;
}

/** OpenZeppelin `SafeCast.toInt256`: reverts `SafeCastOverflowedUintToInt(value)` above int256 max. */
export function toInt256(value: bigint): bigint {
  if (value > MAX_INT256) throw new MirrorRevert("SafeCastOverflowedUintToInt", { value });
  return value;
}

import { InvalidParameterError } from "../errors/errors.js";

/** `up` raises the price (a maximum you accept), `down` lowers it (a minimum you accept). */
export type SlippageDirection = "up" | "down";

/**
 * Moves a price by `bps` basis points: `up` rounds up, `down` rounds down, so the bound never
 * becomes tighter than asked.
 *
 * @example
 * applySlippage(3000n, 50, "up"); // 3015n (+0.5%)
 * applySlippage(3000n, 50, "down"); // 2985n
 */
export function applySlippage(price: bigint, bps: number | bigint, direction: SlippageDirection): bigint {
  if (typeof bps === "number" && !Number.isInteger(bps)) {
    throw new InvalidParameterError("bps", `must be a whole number of basis points, got ${bps}`);
  }
  const b = BigInt(bps);
  if (b < 0n || b > 10_000n) throw new InvalidParameterError("bps", `must be in [0, 10000], got ${bps}`);
  if (price < 0n) throw new InvalidParameterError("price", "must not be negative");
  if (direction === "up") return (price * (10_000n + b) + 9_999n) / 10_000n;
  return (price * (10_000n - b)) / 10_000n;
}

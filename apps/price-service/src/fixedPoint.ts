/** The exponent of every price this service publishes: prices are integers of 1e-8 USD, as Pyth's USD feeds. */
export const PYTH_EXPO = -8;

const SCALE = 100_000_000n;
const INT64_MAX = 2n ** 63n - 1n;
const DECIMAL_PRICE = /^(\d+)(?:\.(\d{1,8}))?$/;

/**
 * Converts a price in USD (a `number`, as market data and random walks produce) to its Pyth integer
 * at {@link PYTH_EXPO}, rounding to the nearest 1e-8.
 *
 * @example
 * usdToPythPrice(1567.52); // 156752000000n
 */
export function usdToPythPrice(usd: number): bigint {
  if (!Number.isFinite(usd) || usd < 0)
    throw new RangeError(`price ${usd} is not a finite non-negative number`);
  const scaled = BigInt(Math.round(usd * 1e8));
  if (scaled > INT64_MAX) throw new RangeError(`price ${usd} does not fit an int64 at expo ${PYTH_EXPO}`);
  return scaled;
}

/**
 * Parses a decimal USD amount given as text (`"1850.25"`, at most 8 decimals) into its Pyth integer
 * at {@link PYTH_EXPO}, exactly (no floating point).
 *
 * @example
 * parseUsdDecimal("1850.25"); // 185025000000n
 */
export function parseUsdDecimal(text: string): bigint {
  const match = DECIMAL_PRICE.exec(text.trim());
  if (match === null) {
    throw new RangeError(`"${text}" is not a decimal amount like 1850.25 (digits, at most 8 decimals)`);
  }
  const whole = BigInt(match[1] ?? "0");
  const fraction = BigInt((match[2] ?? "").padEnd(8, "0"));
  const value = whole * SCALE + fraction;
  if (value > INT64_MAX) throw new RangeError(`${text} does not fit an int64 at expo ${PYTH_EXPO}`);
  return value;
}

/**
 * A Pyth integer at {@link PYTH_EXPO} as a `number` of USD, for display and statistics only.
 *
 * @example
 * pythPriceToUsd(185025000000n); // 1850.25
 */
export function pythPriceToUsd(value: bigint): number {
  return Number(value) / 1e8;
}

/**
 * A Pyth integer at {@link PYTH_EXPO} as an exact decimal string.
 *
 * @example
 * formatPythPrice(185025000000n); // "1850.25"
 */
export function formatPythPrice(value: bigint): string {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const fraction = (magnitude % SCALE).toString().padStart(8, "0").replace(/0+$/, "");
  const text = `${magnitude / SCALE}${fraction === "" ? "" : `.${fraction}`}`;
  return negative ? `-${text}` : text;
}

import { pow10 } from "./decimalString";

export type ParsedDecimal =
  | { ok: true; value: bigint }
  | { ok: false; reason: "empty" | "invalid" | "too-precise"; message: string };

/**
 * Parses what a person typed ("1,234.5" or "0.25") into fixed point with `decimals`, exactly (no
 * float): "1.5" with 6 decimals is 1_500_000n. Never throws.
 */
export function parseDecimal(text: string, decimals: number): ParsedDecimal {
  const trimmed = text.trim().replace(/_/g, "");
  if (trimmed === "") return { ok: false, reason: "empty", message: "Enter an amount." };
  const normalized = trimmed.replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d*)(?:\.(\d*))?$/.exec(normalized);
  if (match === null || (match[1] === "" && (match[2] ?? "") === "")) {
    return { ok: false, reason: "invalid", message: "Enter a number, like 1.5." };
  }
  const integerPart = match[1] ?? "";
  const fractionPart = (match[2] ?? "").replace(/0+$/, "");
  if (fractionPart.length > decimals) {
    return {
      ok: false,
      reason: "too-precise",
      message: decimals === 0 ? "Enter a whole number." : `Use at most ${decimals} decimal places.`,
    };
  }
  const value =
    BigInt(integerPart === "" ? "0" : integerPart) * pow10(decimals) +
    BigInt(fractionPart === "" ? "0" : fractionPart.padEnd(decimals, "0"));
  return { ok: true, value };
}

/** The value, or undefined when the text is empty or not a number. */
export function parseDecimalOrUndefined(text: string, decimals: number): bigint | undefined {
  const parsed = parseDecimal(text, decimals);
  return parsed.ok ? parsed.value : undefined;
}

import { formatTokenAmount } from "./formatTokenAmount";

/** A 30-decimal leverage factor as "10.05x". */
export function formatLeverage(factorE30: bigint): string {
  return `${formatTokenAmount(factorE30, 30, { maxFractionDigits: 2 })}x`;
}

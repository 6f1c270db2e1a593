import { formatFactor } from "./formatFactor";

const SECONDS_PER_HOUR = 3_600n;
const SECONDS_PER_YEAR = 365n * 24n * SECONDS_PER_HOUR;

/** A per-second rate (30-decimal factor) as "0.0012% / hour". */
export function formatRatePerHour(ratePerSecondE30: bigint, options: { sign?: "always" } = {}): string {
  return `${formatFactor(ratePerSecondE30 * SECONDS_PER_HOUR, { maxFractionDigits: 4, ...options })} / hour`;
}

/** A per-second rate (30-decimal factor) as "10.5% / year" (simple, not compounded). */
export function formatRatePerYear(ratePerSecondE30: bigint, options: { sign?: "always" } = {}): string {
  return `${formatFactor(ratePerSecondE30 * SECONDS_PER_YEAR, { maxFractionDigits: 2, ...options })} / year`;
}

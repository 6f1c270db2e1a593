/** The largest time `Date` can represent, in seconds (year 275760). */
const MAX_DATE_SECONDS = 8_640_000_000_000n;

/**
 * Formats a unix timestamp in seconds (as contracts store it) as "2026-11-01 14:03:05 UTC".
 * Timestamps are not money: converting them to `number` for `Date` is safe until year 275760;
 * beyond that (a corrupt value) the seconds are printed as they are, never an exception.
 */
export function formatUnixSeconds(seconds: bigint): string {
  if (seconds < 0n || seconds > MAX_DATE_SECONDS) return `unix time ${seconds}`;
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * Formats a unix timestamp in seconds (as contracts store it) as "2026-11-01 14:03:05 UTC".
 * Timestamps are not money: converting them to `number` for `Date` is safe until year 275760.
 */
export function formatUnixSeconds(seconds: bigint): string {
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

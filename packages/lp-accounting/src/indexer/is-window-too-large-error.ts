/**
 * Messages RPC providers use when an `eth_getLogs` block range or its result is too big. A smaller
 * range may succeed, so the indexer halves its window instead of retrying the same request.
 */
const WINDOW_TOO_LARGE_PATTERNS: readonly RegExp[] = [
  /query returned more than [\d,]+ results/i, // geth, Infura
  /more than [\d,]+ (results|logs)/i,
  /log response size exceeded/i, // Alchemy
  /response (size|is) (too (large|big)|exceeded)/i,
  /(block|query) range (is )?too (large|wide|big)/i,
  /exceed(s|ed)? (the )?max(imum)? (block )?range/i, // geth --rpc.logrange style, Ankr
  /limited to (a )?[\d,]+ (block )?range/i, // QuickNode
  /too many (results|logs|blocks)/i,
  /(result|results|log) (limit|size) exceeded/i,
];

/**
 * Whether an RPC error says the `eth_getLogs` window was too large (by block count or by number
 * of results). Looks through the whole `cause` chain, including viem's `details`.
 *
 * @example
 * isWindowTooLargeError(new Error("query returned more than 10000 results")) // true
 */
export function isWindowTooLargeError(error: unknown): boolean {
  for (const text of errorTexts(error)) {
    if (WINDOW_TOO_LARGE_PATTERNS.some((pattern) => pattern.test(text))) return true;
  }
  return false;
}

function errorTexts(error: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current)) {
    seen.add(current);
    if (typeof current === "string") {
      texts.push(current);
      break;
    }
    if (typeof current !== "object") break;
    for (const key of ["message", "details", "shortMessage"] as const) {
      const value = (current as Record<string, unknown>)[key];
      if (typeof value === "string") texts.push(value);
    }
    current = (current as { cause?: unknown }).cause;
  }
  return texts;
}

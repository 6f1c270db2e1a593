import type { Kline } from "@bastion/risk";
import type { Hex } from "viem";

/** Where the margin proposer reads price history. */
export interface HistorySource {
  /** 1-minute bars of a feed over `[fromSeconds, toSeconds)`, oldest first, complete bars only. */
  minuteBars(feedId: Hex, fromSeconds: number, toSeconds: number): Promise<Kline[]>;
}

/** One bar of the candles API. */
interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

const MAX_BARS_PER_REQUEST = 5000;

/**
 * A {@link HistorySource} over a candles API with the price service's shape
 * (`GET /v1/candles?id=<feed id>&resolution=60&from=<s>&to=<s>` -> `{ candles: [{ time, open, high,
 * low, close }] }`), paged by 5,000 bars. `headers` carry an API key when the source needs one.
 *
 * @example
 * const source = createCandlesHistorySource("http://127.0.0.1:8787");
 * const bars = await source.minuteBars(PYTH_FEED_IDS["ETH/USD"], now - 3 * 86_400, now);
 */
export function createCandlesHistorySource(
  baseUrl: string,
  options: { headers?: Record<string, string>; timeoutMs?: number } = {},
): HistorySource {
  return {
    async minuteBars(feedId, fromSeconds, toSeconds) {
      const bars = new Map<number, Kline>();
      for (let from = fromSeconds; from < toSeconds; from += MAX_BARS_PER_REQUEST * 60) {
        const to = Math.min(toSeconds, from + MAX_BARS_PER_REQUEST * 60);
        const url = new URL("/v1/candles", baseUrl);
        url.searchParams.set("id", feedId.replace(/^0x/, ""));
        url.searchParams.set("resolution", "60");
        url.searchParams.set("from", String(from));
        url.searchParams.set("to", String(to));
        const response = await fetch(url, {
          headers: options.headers ?? {},
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        if (!response.ok) {
          throw new Error(
            `history source ${url.origin} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`,
          );
        }
        const body = (await response.json()) as { candles?: Candle[] };
        if (!Array.isArray(body.candles))
          throw new Error(`history source ${url.origin} returned no candles array`);
        for (const candle of body.candles) {
          bars.set(candle.time, {
            openTimeMs: candle.time * 1000,
            open: candle.open,
            high: candle.high,
            low: candle.low,
            close: candle.close,
            volume: 0,
          });
        }
      }
      const nowSeconds = Math.floor(Date.now() / 1000);
      return [...bars.values()]
        .filter((bar) => bar.openTimeMs / 1000 + 60 <= Math.min(nowSeconds, toSeconds))
        .sort((a, b) => a.openTimeMs - b.openTimeMs);
    },
  };
}

import { z } from "zod";

/** One OHLC bar from the price service's `/v1/candles` (USD numbers: chart data, not money). */
export type Candle = { time: number; open: number; high: number; low: number; close: number };

const candlesResponseSchema = z.object({
  candles: z.array(
    z.object({
      time: z.number(),
      open: z.number(),
      high: z.number(),
      low: z.number(),
      close: z.number(),
    }),
  ),
});

export class PriceServiceError extends Error {
  override name = "PriceServiceError";
  constructor(
    message: string,
    readonly code: "unreachable" | "unauthorized" | "http" | "invalid-response",
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type FetchCandlesParameters = {
  priceServiceUrl: string;
  apiKey?: string | undefined;
  feedId: string;
  /** Seconds per bar (60: one-minute bars). */
  resolution: number;
  from: number;
  to: number;
  fetchFn?: typeof fetch;
};

/** OHLC history of a feed from the price service, oldest first. */
export async function fetchCandles(parameters: FetchCandlesParameters): Promise<Candle[]> {
  const { priceServiceUrl, apiKey, feedId, resolution, from, to, fetchFn = globalThis.fetch } = parameters;
  const url = new URL("/v1/candles", priceServiceUrl);
  url.searchParams.set("id", feedId.replace(/^0x/, ""));
  url.searchParams.set("resolution", String(resolution));
  url.searchParams.set("from", String(Math.floor(from)));
  url.searchParams.set("to", String(Math.floor(to)));
  let response: Response;
  try {
    response = await fetchFn(
      url,
      apiKey === undefined ? {} : { headers: { Authorization: `Bearer ${apiKey}` } },
    );
  } catch (error) {
    throw new PriceServiceError(`cannot reach ${priceServiceUrl}`, "unreachable", { cause: error });
  }
  if (response.status === 401 || response.status === 403) {
    throw new PriceServiceError(`${priceServiceUrl} refused the API key`, "unauthorized");
  }
  if (!response.ok)
    throw new PriceServiceError(`${priceServiceUrl} answered HTTP ${response.status}`, "http");
  const parsed = candlesResponseSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new PriceServiceError(`${priceServiceUrl} sent no candles`, "invalid-response");
  return [...parsed.data.candles].sort((a, b) => a.time - b.time);
}

/** Change, high and low over a window of candles (for display only). */
export type CandleStats = {
  first: Candle;
  last: Candle;
  high: number;
  low: number;
  /** Fraction (0.012 = +1.2%). */
  change: number;
  /** Seconds the window covers. */
  spanSeconds: number;
};

export function candleStats(candles: readonly Candle[]): CandleStats | undefined {
  const first = candles[0];
  const last = candles.at(-1);
  if (first === undefined || last === undefined) return undefined;
  let high = Number.NEGATIVE_INFINITY;
  let low = Number.POSITIVE_INFINITY;
  for (const candle of candles) {
    high = Math.max(high, candle.high);
    low = Math.min(low, candle.low);
  }
  return {
    first,
    last,
    high,
    low,
    change: first.open === 0 ? 0 : last.close / first.open - 1,
    spanSeconds: last.time - first.time,
  };
}

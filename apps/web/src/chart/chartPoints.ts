/**
 * One point of a chart. Plain `number`s on purpose: a chart is display, not money. Convert bigint
 * amounts with {@link usdToChartNumber} at the edge.
 */
export type ChartPoint = {
  /** Unix time in seconds. */
  time: number;
  value: number;
};

/** A 30-decimal USD (or factor) bigint as a number with 6 significant decimals, for charts only. */
export function usdToChartNumber(valueE30: bigint, decimals = 30): number {
  const scale = 10n ** BigInt(Math.max(0, decimals - 6));
  return Number(valueE30 / scale) / 1e6;
}

/**
 * Points ordered by time with one point per second (lightweight-charts needs strictly increasing
 * times): the last value of a second wins.
 */
export function toChartSeries(points: readonly ChartPoint[]): ChartPoint[] {
  const bySecond = new Map<number, number>();
  for (const point of points) bySecond.set(Math.floor(point.time), point.value);
  return [...bySecond.entries()].sort((a, b) => a[0] - b[0]).map(([time, value]) => ({ time, value }));
}

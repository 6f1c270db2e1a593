import { AreaSeries, ColorType, createChart, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import type { PricePoint } from "./pricePoint";

export type PriceChartProps = {
  /** Points in ascending time order. */
  data: readonly PricePoint[];
  /** What the chart shows, for screen readers: "ETH/USD price". */
  label: string;
};

function cssVariable(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === "" ? fallback : value;
}

/** A line/area price chart (TradingView lightweight-charts) that fills its container. */
export default function PriceChart({ data, label }: PriceChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const last = data.at(-1);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const accent = cssVariable("--color-accent", "#4f8cff");
    const chart = createChart(container, {
      autoSize: true,
      layout: {
        background: { type: ColorType.Solid, color: "transparent" },
        textColor: cssVariable("--color-text-muted", "#9aa4b2"),
        attributionLogo: true,
      },
      grid: {
        vertLines: { color: cssVariable("--color-border", "#2a3140") },
        horzLines: { color: cssVariable("--color-border", "#2a3140") },
      },
      timeScale: { timeVisible: true, secondsVisible: false },
    });
    const series = chart.addSeries(AreaSeries, {
      lineColor: accent,
      topColor: `${accent}66`,
      bottomColor: `${accent}00`,
      lineWidth: 2,
    });
    series.setData(data.map((point) => ({ time: point.time as UTCTimestamp, value: point.value })));
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [data]);

  const summary =
    last === undefined
      ? `${label}: no data`
      : `${label} chart, ${data.length} points, last ${last.value.toLocaleString("en-US")} USD`;
  return (
    <div
      ref={containerRef}
      className="price-chart"
      role="img"
      aria-label={summary}
      data-testid="price-chart"
    />
  );
}

import {
  CandlestickSeries,
  createChart,
  type IChartApi,
  type ISeriesApi,
  type UTCTimestamp,
} from "lightweight-charts";
import { useEffect, useRef } from "react";
import type { Candle } from "../prices/candles";
import { chartOptions, cssVariable } from "./chartTheme";

export type CandlestickChartProps = {
  /** One-minute bars, oldest first. */
  candles: readonly Candle[];
  /** What the chart shows, for screen readers: "ETH/USD price". */
  label: string;
};

/**
 * Live OHLC chart (TradingView lightweight-charts): the chart is created once, and new bars are
 * applied in place, so polling does not reset the view a person has scrolled to.
 */
export default function CandlestickChart({ candles, label }: CandlestickChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<{ chart: IChartApi; series: ISeriesApi<"Candlestick"> } | null>(null);
  const fittedRef = useRef(false);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const chart = createChart(container, chartOptions());
    const series = chart.addSeries(CandlestickSeries, {
      upColor: cssVariable("--color-long", "#3fb950"),
      borderUpColor: cssVariable("--color-long", "#3fb950"),
      wickUpColor: cssVariable("--color-long", "#3fb950"),
      downColor: cssVariable("--color-short", "#f85149"),
      borderDownColor: cssVariable("--color-short", "#f85149"),
      wickDownColor: cssVariable("--color-short", "#f85149"),
      priceFormat: { type: "price", precision: 2, minMove: 0.01 },
    });
    chartRef.current = { chart, series };
    fittedRef.current = false;
    return () => {
      chartRef.current = null;
      chart.remove();
    };
  }, []);

  useEffect(() => {
    const current = chartRef.current;
    if (current === null) return;
    current.series.setData(
      candles.map((candle) => ({
        time: candle.time as UTCTimestamp,
        open: candle.open,
        high: candle.high,
        low: candle.low,
        close: candle.close,
      })),
    );
    if (!fittedRef.current && candles.length > 0) {
      current.chart.timeScale().fitContent();
      fittedRef.current = true;
    }
  }, [candles]);

  const last = candles.at(-1);
  const summary =
    last === undefined
      ? `${label}: no data yet`
      : `${label} chart, ${candles.length} one-minute bars, last close ${last.close.toLocaleString("en-US")} USD`;
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

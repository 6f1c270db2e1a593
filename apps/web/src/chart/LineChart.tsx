import { createChart, type IChartApi, LineSeries, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import type { ChartPoint } from "./chartPoints";
import { chartOptions } from "./chartTheme";

export type LineChartProps = {
  points: readonly ChartPoint[];
  /** For screen readers: "Share price". */
  label: string;
  color: string;
  /** Digits after the decimal point on the price scale. */
  precision?: number;
};

/** One line series (lightweight-charts) that fills its container. */
export default function LineChart({ points, label, color, precision = 2 }: LineChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const chart = createChart(container, chartOptions());
    const series = chart.addSeries(LineSeries, {
      color,
      lineWidth: 2,
      priceFormat: { type: "price", precision, minMove: 1 / 10 ** precision },
    });
    series.setData(points.map((point) => ({ time: point.time as UTCTimestamp, value: point.value })));
    chart.timeScale().fitContent();
    chartRef.current = chart;
    return () => {
      chartRef.current = null;
      chart.remove();
    };
  }, [points, color, precision]);

  const last = points.at(-1);
  const summary =
    last === undefined
      ? `${label}: no data yet`
      : `${label} chart, ${points.length} points, last ${last.value.toLocaleString("en-US")}`;
  return (
    <div ref={containerRef} className="line-chart" role="img" aria-label={summary} data-testid="line-chart" />
  );
}

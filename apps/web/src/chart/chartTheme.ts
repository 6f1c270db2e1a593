import { type ChartOptions, ColorType, type DeepPartial } from "lightweight-charts";

export function cssVariable(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value === "" ? fallback : value;
}

/** The app's dark theme for lightweight-charts (colours from tokens.css). */
export function chartOptions(): DeepPartial<ChartOptions> {
  const grid = cssVariable("--color-border", "#2d3644");
  return {
    autoSize: true,
    layout: {
      background: { type: ColorType.Solid, color: "transparent" },
      textColor: cssVariable("--color-text-muted", "#a3adba"),
      attributionLogo: true,
    },
    grid: { vertLines: { color: grid }, horzLines: { color: grid } },
    timeScale: { timeVisible: true, secondsVisible: false },
  };
}

/**
 * A hand-written SVG chart of a crash replay: per market the price path with liquidation markers,
 * and below the cumulative shortfall (insurance-covered and LP bad debt) over time, one line per
 * replay when several are compared. Plain SVG 1.1, no library.
 * @module
 */
import type { StressReport } from "./types.js";
import { formatUsdE30, usdE30ToNumber } from "./units.js";

/** Options of {@link renderStressSvg}. */
export interface RenderStressSvgOptions {
  width?: number;
  /** Height of each price panel and of the bad-debt panel. */
  panelHeight?: number;
  title?: string;
  /** Most polyline points per series (the path is thinned evenly beyond it); default 2000. */
  maxPoints?: number;
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"];

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function niceNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6) return `${(value / 1e6).toFixed(2)}M`;
  if (magnitude >= 1e4) return `${(value / 1e3).toFixed(1)}k`;
  if (magnitude >= 100) return value.toFixed(0);
  return value.toPrecision(4);
}

/**
 * Renders one or more replays of the same path (e.g. fixed and volatility-aware margin) as an SVG
 * document: a price panel per market (liquidations of longs as downward red triangles, of shorts as
 * upward green ones, at execution time and price; hollow when the replay is not the first), and a
 * panel of cumulative shortfall per replay (solid: LP bad debt, dashed: all shortfall).
 *
 * @example
 * writeFileSync("crash.svg", renderStressSvg([{ label: "fixed 1%", report }]));
 */
export function renderStressSvg(
  runs: readonly { label: string; report: StressReport }[],
  options: RenderStressSvgOptions = {},
): string {
  const width = options.width ?? 960;
  const panelHeight = options.panelHeight ?? 220;
  const maxPoints = options.maxPoints ?? 2000;
  const first = runs[0]?.report;
  if (first === undefined) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  const margin = { left: 70, right: 24, top: 62, gap: 34 };
  const plotWidth = width - margin.left - margin.right;
  const panels = first.markets.length + 1;
  const height = margin.top + panels * (panelHeight + margin.gap) + 10;
  const timeline = first.timeline;
  const t0 = timeline[0]?.timeMs ?? 0;
  const t1 = timeline.at(-1)?.timeMs ?? t0 + 1;
  const x = (timeMs: number): number => margin.left + ((timeMs - t0) / Math.max(1, t1 - t0)) * plotWidth;
  const stride = Math.max(1, Math.ceil(timeline.length / maxPoints));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="20" font-size="14" font-weight="bold">${escapeXml(options.title ?? "Crash replay")}</text>`,
    `<text x="${margin.left}" y="38" fill="#555">${escapeXml(
      `liquidations at execution time and price: red ▼ long, green ▲ short; ${
        runs.length > 1
          ? `filled: ${runs[0]?.label ?? ""}, hollow: ${runs
              .slice(1)
              .map((run) => run.label)
              .join(", ")}`
          : (runs[0]?.label ?? "")
      }`,
    )}</text>`,
  ];

  const axis = (top: number, min: number, max: number, label: string): void => {
    parts.push(
      `<rect x="${margin.left}" y="${top}" width="${plotWidth}" height="${panelHeight}" fill="none" stroke="#999"/>`,
      `<text x="${margin.left + 4}" y="${top - 6}" font-weight="bold">${escapeXml(label)}</text>`,
    );
    for (let tick = 0; tick <= 4; tick++) {
      const value = min + ((max - min) * tick) / 4;
      const y = top + panelHeight - (panelHeight * tick) / 4;
      parts.push(
        `<line x1="${margin.left - 4}" y1="${y.toFixed(1)}" x2="${margin.left + plotWidth}" y2="${y.toFixed(1)}" stroke="#eee"/>`,
        `<text x="${margin.left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${niceNumber(value)}</text>`,
      );
    }
  };

  first.markets.forEach((market, marketIndex) => {
    const top = margin.top + marketIndex * (panelHeight + margin.gap);
    const low = market.lowPrice;
    const high = market.highPrice;
    const span = high - low || Math.abs(high) || 1;
    const min = low - span * 0.05;
    const max = high + span * 0.05;
    const y = (price: number): number => top + panelHeight - ((price - min) / (max - min)) * panelHeight;
    axis(top, min, max, `${market.symbol} index price (USD)`);
    const points: string[] = [];
    timeline.forEach((point, index) => {
      if (index % stride !== 0 && index !== timeline.length - 1) return;
      points.push(`${x(point.timeMs).toFixed(1)},${y(point.prices[marketIndex] ?? 0).toFixed(1)}`);
    });
    parts.push(`<polyline fill="none" stroke="#444" stroke-width="1" points="${points.join(" ")}"/>`);
    runs.forEach((run, runIndex) => {
      // One marker per pixel and side: thousands of liquidations in a minute would draw the same triangle.
      const drawn = new Set<string>();
      for (const event of run.report.events) {
        if (event.marketIndex !== marketIndex) continue;
        const cx = x(Math.min(event.executedAtMs, t1));
        const cy = y(event.executionPrice);
        const pixel = `${Math.round(cx)},${Math.round(cy)},${event.isLong}`;
        if (drawn.has(pixel)) continue;
        drawn.add(pixel);
        const d = event.isLong
          ? `M${(cx - 3).toFixed(1)},${(cy - 3).toFixed(1)} L${(cx + 3).toFixed(1)},${(cy - 3).toFixed(1)} L${cx.toFixed(1)},${(cy + 3).toFixed(1)} Z`
          : `M${(cx - 3).toFixed(1)},${(cy + 3).toFixed(1)} L${(cx + 3).toFixed(1)},${(cy + 3).toFixed(1)} L${cx.toFixed(1)},${(cy - 3).toFixed(1)} Z`;
        const color = event.isLong ? "#d62728" : "#2ca02c";
        parts.push(
          runIndex === 0
            ? `<path d="${d}" fill="${color}" fill-opacity="0.5"/>`
            : `<path d="${d}" fill="none" stroke="${color}" stroke-opacity="0.7"/>`,
        );
      }
    });
  });

  const top = margin.top + first.markets.length * (panelHeight + margin.gap);
  let maxDebt = 1;
  for (const run of runs) {
    const last = run.report.timeline.at(-1);
    if (last !== undefined) maxDebt = Math.max(maxDebt, usdE30ToNumber(last.cumulativeShortfallUsd));
  }
  const yDebt = (usd: number): number => top + panelHeight - (usd / (maxDebt * 1.05)) * panelHeight;
  axis(top, 0, maxDebt * 1.05, "cumulative shortfall (USD): solid = LP bad debt, dashed = all shortfall");
  runs.forEach((run, runIndex) => {
    const color = COLORS[runIndex % COLORS.length] ?? "#000";
    for (const [field, dash] of [
      ["cumulativeAbsorbedByLpUsd", ""],
      ["cumulativeShortfallUsd", ' stroke-dasharray="5,3"'],
    ] as const) {
      const points: string[] = [];
      run.report.timeline.forEach((point, index) => {
        if (index % stride !== 0 && index !== run.report.timeline.length - 1) return;
        points.push(`${x(point.timeMs).toFixed(1)},${yDebt(usdE30ToNumber(point[field])).toFixed(1)}`);
      });
      parts.push(
        `<polyline fill="none" stroke="${color}" stroke-width="1.5"${dash} points="${points.join(" ")}"/>`,
      );
    }
    const totals = run.report.totals;
    parts.push(
      `<text x="${margin.left + 8}" y="${top + 16 + runIndex * 14}" fill="${color}">${escapeXml(
        `${run.label}: shortfall ${formatUsdE30(totals.shortfallUsd)}, LP bad debt ${formatUsdE30(totals.absorbedByLpUsd)}, ${totals.liquidations} liquidations`,
      )}</text>`,
    );
  });
  const axisY = top + panelHeight + 14;
  for (let tick = 0; tick <= 4; tick++) {
    const timeMs = t0 + ((t1 - t0) * tick) / 4;
    parts.push(
      `<text x="${x(timeMs).toFixed(1)}" y="${axisY}" text-anchor="${tick === 0 ? "start" : tick === 4 ? "end" : "middle"}">${new Date(timeMs).toISOString().slice(5, 16).replace("T", " ")}</text>`,
    );
  }
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

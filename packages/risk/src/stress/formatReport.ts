/**
 * Text tables of crash-replay reports, for the CLI and the README: one column per replay, so fixed
 * and volatility-aware margins read side by side.
 * @module
 */
import type { StressReport, StressTimelinePoint, StressTotals } from "./types.js";
import { formatFactorE30, formatUsdE30 } from "./units.js";

/** Table style: aligned plain text, or a Markdown table. */
export type TableStyle = "text" | "markdown";

/**
 * Renders rows as an aligned text table (first column left, others right) or a Markdown table.
 *
 * @example
 * renderTable(["", "a"], [["x", "1"]], "markdown"); // "| | a |\n| --- | ---: |\n| x | 1 |"
 */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  style: TableStyle = "text",
): string {
  if (style === "markdown") {
    const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`.replace(/\s+\|/g, " |");
    return [
      line(headers),
      line(headers.map((_, index) => (index === 0 ? "---" : "---:"))),
      ...rows.map((row) => line(row)),
    ].join("\n");
  }
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const pad = (cell: string, column: number): string =>
    column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0);
  const render = (cells: readonly string[]): string => cells.map(pad).join("  ").trimEnd();
  return [render(headers), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(render)].join(
    "\n",
  );
}

const percent = (fraction: number, digits = 2): string => `${(fraction * 100).toFixed(digits)}%`;
const utc = (timeMs: number): string => new Date(timeMs).toISOString().replace("T", " ").slice(0, 16);

function totalsRows(
  totalsOf: (report: StressReport) => StressTotals,
  reports: readonly StressReport[],
): string[][] {
  const column = (format: (totals: StressTotals) => string): string[] =>
    reports.map((report) => format(totalsOf(report)));
  return [
    ["liquidations (partial)", ...column((t) => `${t.liquidations} (${t.partialLiquidations})`)],
    ["liquidated notional", ...column((t) => formatUsdE30(t.liquidatedNotionalUsd))],
    ["shortfalls", ...column((t) => String(t.shortfallCount))],
    ["shortfall total", ...column((t) => formatUsdE30(t.shortfallUsd))],
    ["covered by insurance", ...column((t) => formatUsdE30(t.coveredByInsuranceUsd))],
    ["LP bad debt", ...column((t) => formatUsdE30(t.absorbedByLpUsd))],
    ["recovered before execution", ...column((t) => String(t.recovered))],
    ["other failed liquidations", ...column((t) => String(t.failed))],
  ];
}

/**
 * The summary table of one or more replays of the same book and path (e.g. fixed vs.
 * volatility-aware): totals, then per market the insurance fund, the LP return and the
 * maintenance factors in force.
 */
export function formatStressReports(
  runs: readonly { label: string; report: StressReport }[],
  style: TableStyle = "text",
): string {
  const reports = runs.map((run) => run.report);
  const first = reports[0];
  if (first === undefined) return "";
  const headers = ["", ...runs.map((run) => run.label)];
  const rows: string[][] = [...totalsRows((report) => report.totals, reports)];
  first.markets.forEach((market, index) => {
    const of = (format: (m: StressReport["markets"][number]) => string): string[] =>
      reports.map((report) => {
        const m = report.markets[index];
        return m === undefined ? "" : format(m);
      });
    const prefix = `${market.symbol}: `;
    if (first.markets.length > 1) {
      for (const row of totalsRows((report) => report.markets[index]?.totals ?? report.totals, reports)) {
        if (row[0] === "liquidations (partial)" || row[0] === "LP bad debt" || row[0] === "shortfall total") {
          rows.push([`${prefix}${row[0]}`, ...row.slice(1)]);
        }
      }
    }
    rows.push(
      [
        `${prefix}insurance fund start -> end`,
        ...of((m) => `${formatUsdE30(m.insuranceFundStartUsd)} -> ${formatUsdE30(m.insuranceFundEndUsd)}`),
      ],
      [
        `${prefix}LP pool value start -> end`,
        ...of((m) => `${formatUsdE30(m.poolValueStartUsd)} -> ${formatUsdE30(m.poolValueEndUsd)}`),
      ],
      [
        `${prefix}LP return (vs. holding)`,
        ...of((m) => `${percent(m.lpReturn)} (${percent(m.lpReturnVsHold, 3)})`),
      ],
      [
        `${prefix}maintenance margin (updates)`,
        ...of((m) =>
          m.minMaintenanceMarginFactorE30 === m.maxMaintenanceMarginFactorE30
            ? formatFactorE30(m.minMaintenanceMarginFactorE30)
            : `${formatFactorE30(m.minMaintenanceMarginFactorE30)}..${formatFactorE30(m.maxMaintenanceMarginFactorE30)} (${m.maintenanceMarginUpdates})`,
        ),
      ],
    );
  });
  return renderTable(headers, rows, style);
}

/** The window and book a report covers, as one paragraph. */
export function describeStressWindow(report: StressReport): string {
  const markets = report.markets
    .map(
      (m) =>
        `${m.symbol} ${m.startPrice} -> low ${m.lowPrice} / high ${m.highPrice} -> ${m.endPrice}; ${m.positions} positions, open interest ${formatUsdE30(m.openInterestUsd)}`,
    )
    .join("\n  ");
  return `window ${utc(report.startMs)} .. ${utc(report.endMs)} UTC (${report.bars} bars, ${report.steps} path points)\n  ${markets}`;
}

/**
 * The timeline as a table: by default only the points where something happened (detections,
 * liquidations or reverted liquidations), at most `limit` rows (default 40; 0 for all).
 */
export function formatStressTimeline(
  report: StressReport,
  options: { all?: boolean; limit?: number; style?: TableStyle } = {},
): string {
  const limit = options.limit ?? 40;
  const points = report.timeline.filter(
    (point) => options.all === true || point.detected > 0 || point.liquidations > 0 || point.reverted > 0,
  );
  const shown = limit === 0 ? points : points.slice(0, limit);
  const headers = [
    "time (UTC)",
    ...report.markets.map((m) => m.symbol),
    "detected",
    "liquidated",
    "reverted",
    "notional",
    "cum. shortfall",
    "cum. LP bad debt",
  ];
  const rows = shown.map((point: StressTimelinePoint) => [
    new Date(point.timeMs).toISOString().slice(5, 19).replace("T", " "),
    ...point.prices.map((price) => String(price)),
    String(point.detected),
    String(point.liquidations),
    String(point.reverted),
    formatUsdE30(point.liquidatedNotionalUsd),
    formatUsdE30(point.cumulativeShortfallUsd),
    formatUsdE30(point.cumulativeAbsorbedByLpUsd),
  ]);
  const table = renderTable(headers, rows, options.style ?? "text");
  return shown.length < points.length
    ? `${table}\n... ${points.length - shown.length} more points (use a larger --timeline)`
    : table;
}

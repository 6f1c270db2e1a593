import { formatUsdE30, renderTable, type TableStyle } from "@bastion/risk";
import type { CrashMarketFigures, CrashReplayReport } from "./crashReport.js";

function figureRows(chain: readonly CrashMarketFigures[], engine: readonly CrashMarketFigures[]): string[][] {
  const rows: string[][] = [];
  chain.forEach((c, index) => {
    const e = engine[index];
    const row = (label: string, format: (f: CrashMarketFigures) => string): string[] => [
      `${c.symbol} ${label}`,
      format(c),
      e === undefined ? "" : format(e),
    ];
    rows.push(
      row("liquidations (partial)", (f) => `${f.liquidations} (${f.partialLiquidations})`),
      row("positions closed", (f) => String(f.liquidatedPositions)),
      row("liquidated notional", (f) => formatUsdE30(f.liquidatedNotionalUsd)),
      row("shortfalls", (f) => String(f.shortfallCount)),
      row("shortfall total", (f) => formatUsdE30(f.shortfallUsd)),
      row("insurance fund used", (f) => formatUsdE30(f.coveredByInsuranceUsd)),
      row("LP bad debt", (f) => formatUsdE30(f.absorbedByLpUsd)),
      row(
        "insurance fund start -> end",
        (f) => `${formatUsdE30(f.insuranceFundStartUsd)} -> ${formatUsdE30(f.insuranceFundEndUsd)}`,
      ),
    );
  });
  return rows;
}

/**
 * The crash replay's report as text (or Markdown tables): the window, the book, the chain's figures
 * beside the engine's, the verdict on who got liquidated, and the liquidated positions.
 *
 * @param maxPositions liquidated positions listed (largest shortfall first); default 20, 0 for all
 */
export function formatCrashReport(
  report: CrashReplayReport,
  style: TableStyle = "text",
  maxPositions = 20,
): string {
  const { window, book, chain, engine, comparison } = report;
  const lines: string[] = [];
  lines.push(
    `Crash replay: ${window.fromUtc} -> ${window.toUtc} UTC (${window.bars} one-minute bars, ${window.steps} path points)`,
  );
  for (const m of window.markets) {
    lines.push(
      `  ${m.symbol} (${m.file}): ${m.startPrice} -> low ${m.lowPrice} / high ${m.highPrice} -> ${m.endPrice}; ` +
        `${m.positions} positions, open interest ${formatUsdE30(m.openInterestUsd)}`,
    );
  }
  lines.push(
    `Book: ${book.traders} synthetic traders (risk stress generator, seed ${book.seed}), ${book.opened} opened on chain` +
      (book.rejected.length === 0 ? "" : `, ${book.rejected.length} cancelled by the exchange`),
  );
  for (const rejected of book.rejected.slice(0, 5))
    lines.push(`  order ${rejected.id} cancelled: ${rejected.reason}`);
  lines.push("");
  lines.push(
    renderTable(["", "on chain", "stress engine"], figureRows(chain.markets, engine.markets), style),
  );
  lines.push("");
  const liquidators = Object.entries(chain.liquidators)
    .map(([address, count]) => `${address} (${count})`)
    .join(", ");
  lines.push(`Liquidated by: ${liquidators === "" ? "nobody" : liquidators}`);
  if (chain.confirmationTicks > 0) {
    lines.push(
      `Deviation guard: ${chain.confirmationTicks} extra second(s) published so a jump could be confirmed`,
    );
  }
  if (chain.maintenanceMarginChanged)
    lines.push("Warning: a maintenance margin factor changed on chain during the replay");
  if (engine.failedLiquidations > 0)
    lines.push(`Engine liquidations that reverted: ${engine.failedLiquidations}`);
  lines.push("");
  const chainCount = comparison.both.length + comparison.onlyOnChain.length;
  const engineCount = comparison.both.length + comparison.onlyInEngine.length;
  lines.push(
    comparison.agree
      ? `Who got liquidated: chain and stress engine AGREE (${chainCount} positions, each first liquidated at the same path point)`
      : `Who got liquidated: chain and stress engine DISAGREE (chain ${chainCount}, engine ${engineCount}, both ${comparison.both.length})`,
  );
  if (comparison.onlyOnChain.length > 0)
    lines.push(`  liquidated on chain only: ${comparison.onlyOnChain.join(", ")}`);
  if (comparison.onlyInEngine.length > 0)
    lines.push(`  liquidated by the engine only: ${comparison.onlyInEngine.join(", ")}`);
  for (const d of comparison.differentStep) {
    lines.push(
      `  position ${d.id}: first liquidated at path point ${d.chainStep} on chain, ${d.engineStep} in the engine`,
    );
  }
  if (report.liquidated.length > 0) {
    const sorted = [...report.liquidated].sort((a, b) =>
      b.chainShortfallUsd === a.chainShortfallUsd
        ? a.id - b.id
        : b.chainShortfallUsd > a.chainShortfallUsd
          ? 1
          : -1,
    );
    const shown = maxPositions === 0 ? sorted : sorted.slice(0, maxPositions);
    lines.push("");
    lines.push(
      renderTable(
        [
          "position",
          "market",
          "side",
          "collateral",
          "leverage",
          "size",
          "chain point",
          "engine point",
          "shortfall chain",
          "shortfall engine",
        ],
        shown.map((p) => [
          String(p.id),
          p.market,
          p.isLong ? "long" : "short",
          p.collateral,
          `${p.leverage.toFixed(1)}x`,
          formatUsdE30(p.sizeUsd),
          p.chainStep === undefined ? "-" : String(p.chainStep),
          p.engineStep === undefined ? "-" : String(p.engineStep),
          formatUsdE30(p.chainShortfallUsd),
          formatUsdE30(p.engineShortfallUsd),
        ]),
        style,
      ),
    );
    if (shown.length < sorted.length)
      lines.push(`... and ${sorted.length - shown.length} more (largest shortfalls shown)`);
  }
  lines.push("");
  lines.push(`Replay took ${(report.durationMs / 1000).toFixed(1)} s.`);
  return lines.join("\n");
}

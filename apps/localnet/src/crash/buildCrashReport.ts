import type { PricePath, StressReport, SyntheticOrder } from "@bastion/risk";
import type { Address, Hex } from "viem";
import type { ChainLiquidation } from "./chainLiquidations.js";
import type { ChainSnapshot } from "./chainSnapshot.js";
import { compareLiquidations } from "./compareLiquidations.js";
import {
  type CrashLiquidatedPosition,
  type CrashMarketFigures,
  type CrashReplayReport,
  engineFigures,
} from "./crashReport.js";
import type { CrashSeries } from "./crashSeries.js";
import type { OpenBookResult } from "./openBookOnChain.js";

/** What the crash replay collected, on chain and in the engine. */
export interface CrashReportInputs {
  series: readonly CrashSeries[];
  /** The replayed path (shifted to the chain's time) and the shift, ms. */
  path: PricePath;
  shiftMs: number;
  book: OpenBookResult;
  orders: readonly SyntheticOrder[];
  seed: number;
  traders: number;
  /** The chain after the book opened, and after the replay. */
  before: ChainSnapshot;
  after: ChainSnapshot;
  chainLiquidations: readonly ChainLiquidation[];
  /** First liquidation's path point per position id, each side. */
  chainFirst: ReadonlyMap<number, number>;
  engineFirst: ReadonlyMap<number, number>;
  keyToOrder: ReadonlyMap<Hex, SyntheticOrder>;
  engineReport: StressReport;
  confirmationTicks: number;
  durationMs: number;
}

const sum = <T>(items: readonly T[], value: (item: T) => bigint): bigint =>
  items.reduce((total, item) => total + value(item), 0n);

/** The insurance fund of each market (path order) in USD at step `step`'s prices. */
function insuranceUsd(snapshot: ChainSnapshot, path: PricePath, step: number): bigint[] {
  return snapshot.markets.map((m, index) => {
    const spec = path.markets[index];
    const price = path.pricesE30[index]?.[step] ?? 0n;
    const stable = spec === undefined ? 0n : 10n ** BigInt(30 - spec.shortToken.decimals);
    return m.balances.insuranceLongAmount * price + m.balances.insuranceShortAmount * stable;
  });
}

/** The chain's figures per replayed market, from the liquidation events and the insurance funds. */
function chainFigures(inputs: CrashReportInputs): CrashMarketFigures[] {
  const { series, path, before, after } = inputs;
  const insuranceStart = insuranceUsd(before, path, 0);
  const insuranceEnd = insuranceUsd(after, path, path.timesMs.length - 1);
  return series.map((s, index) => {
    const mine = inputs.chainLiquidations.filter((l) => l.market === s.spec.market);
    return {
      symbol: s.spec.symbol,
      liquidations: mine.length,
      partialLiquidations: mine.filter((l) => l.isPartial).length,
      liquidatedPositions: mine.filter((l) => !l.isPartial).length,
      liquidatedNotionalUsd: sum(mine, (l) => l.sizeClosedUsd),
      shortfallCount: mine.filter((l) => l.shortfallUsd > 0n).length,
      shortfallUsd: sum(mine, (l) => l.shortfallUsd),
      coveredByInsuranceUsd: sum(mine, (l) => l.coveredByInsuranceUsd),
      absorbedByLpUsd: sum(mine, (l) => l.absorbedByLpUsd),
      insuranceFundStartUsd: insuranceStart[index] ?? 0n,
      insuranceFundEndUsd: insuranceEnd[index] ?? 0n,
    };
  });
}

/**
 * The crash replay's report: the window and the book, the chain's figures (events, ledgers,
 * insurance funds) beside the engine's, the comparison of who got liquidated, and each liquidated
 * position as both sides saw it.
 */
export function buildCrashReport(inputs: CrashReportInputs): CrashReplayReport {
  const { before, after, book, engineReport } = inputs;
  const liquidators: Record<Address, number> = {};
  for (const liquidation of inputs.chainLiquidations) {
    liquidators[liquidation.liquidator] = (liquidators[liquidation.liquidator] ?? 0) + 1;
  }
  return {
    window: windowOf(inputs),
    book: {
      seed: inputs.seed,
      traders: inputs.traders,
      opened: book.opened.length,
      rejected: book.rejected.map((r) => ({ id: r.order.id, reason: r.reason })),
    },
    chain: {
      markets: chainFigures(inputs),
      ledgerBefore: before.markets.map((m) => m.ledger),
      ledgerAfter: after.markets.map((m) => m.ledger),
      liquidators,
      confirmationTicks: inputs.confirmationTicks,
      maintenanceMarginChanged: after.markets.some(
        (m, index) => m.maintenanceMarginFactor !== before.markets[index]?.maintenanceMarginFactor,
      ),
    },
    engine: { markets: engineFigures(engineReport), failedLiquidations: engineReport.failures.length },
    comparison: compareLiquidations(inputs.chainFirst, inputs.engineFirst),
    liquidated: liquidatedPositions(inputs),
    durationMs: inputs.durationMs,
  };
}

function windowOf(inputs: CrashReportInputs): CrashReplayReport["window"] {
  const { series, path, shiftMs, book, engineReport } = inputs;
  const utc = (ms: number) => new Date(ms).toISOString().replace("T", " ").slice(0, 16);
  const bars = path.klines[0] ?? [];
  return {
    fromUtc: utc((bars[0]?.openTimeMs ?? 0) - shiftMs),
    toUtc: utc((bars.at(-1)?.openTimeMs ?? 0) - shiftMs),
    bars: bars.length,
    steps: path.timesMs.length,
    markets: series.map((s, index) => {
      const prices = path.prices[index] ?? [];
      const opened = book.opened.filter((o) => o.order.market === s.spec.market);
      return {
        symbol: s.spec.symbol,
        file: s.file,
        startPrice: prices[0] ?? 0,
        lowPrice: Math.min(...prices),
        highPrice: Math.max(...prices),
        endPrice: prices.at(-1) ?? 0,
        positions: opened.length,
        openInterestUsd:
          engineReport.markets[index]?.openInterestUsd ?? sum(opened, (o) => o.order.sizeDeltaUsd),
      };
    }),
  };
}

function liquidatedPositions(inputs: CrashReportInputs): CrashLiquidatedPosition[] {
  const { orders, series, chainFirst, engineFirst, keyToOrder, engineReport } = inputs;
  const ids = [...new Set([...chainFirst.keys(), ...engineFirst.keys()])].sort((a, b) => a - b);
  return ids.flatMap((id) => {
    const order = orders[id];
    if (order === undefined) return [];
    const spec = series.find((s) => s.spec.market === order.market)?.spec;
    return [
      {
        id,
        market: order.marketSymbol,
        isLong: order.isLong,
        collateral: (order.collateralIsIndexToken ? spec?.indexToken.symbol : spec?.shortToken.symbol) ?? "?",
        leverage: order.leverage,
        sizeUsd: order.sizeDeltaUsd,
        chainStep: chainFirst.get(id),
        engineStep: engineFirst.get(id),
        chainShortfallUsd: sum(
          inputs.chainLiquidations.filter(
            (liquidation) => keyToOrder.get(liquidation.positionKey)?.id === id,
          ),
          (liquidation) => liquidation.shortfallUsd,
        ),
        engineShortfallUsd: sum(
          engineReport.events.filter((event) => event.positionId === id),
          (event) => event.shortfallUsd,
        ),
      },
    ];
  });
}

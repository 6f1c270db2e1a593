import type { BadDebtLedger, StressReport } from "@bastion/risk";
import type { Address } from "viem";
import type { LiquidationComparison } from "./compareLiquidations.js";

/** Liquidation and bad-debt figures of one market over the replay. Money: USD with 30 decimals. */
export interface CrashMarketFigures {
  symbol: string;
  liquidations: number;
  partialLiquidations: number;
  /** Positions fully closed by liquidation. */
  liquidatedPositions: number;
  liquidatedNotionalUsd: bigint;
  shortfallCount: number;
  shortfallUsd: bigint;
  coveredByInsuranceUsd: bigint;
  absorbedByLpUsd: bigint;
  /** The insurance fund at the first and the last path price. */
  insuranceFundStartUsd: bigint;
  insuranceFundEndUsd: bigint;
}

/** A replayed market's window. */
export interface CrashWindowMarket {
  symbol: string;
  file: string;
  /** USD per whole token: first open, lowest and highest path point, last close. */
  startPrice: number;
  lowPrice: number;
  highPrice: number;
  endPrice: number;
  /** Positions the book opened in it, and their open interest (long + short). */
  positions: number;
  openInterestUsd: bigint;
}

/** One liquidated position, as each side saw it. */
export interface CrashLiquidatedPosition {
  id: number;
  market: string;
  isLong: boolean;
  collateral: string;
  leverage: number;
  sizeUsd: bigint;
  /** First liquidation's path point on chain / in the engine (undefined: not liquidated there). */
  chainStep: number | undefined;
  engineStep: number | undefined;
  /** Shortfall over all its liquidations, each side. */
  chainShortfallUsd: bigint;
  engineShortfallUsd: bigint;
}

/** Everything the crash replay reports. */
export interface CrashReplayReport {
  window: {
    /** The replayed bars' real times (UTC): first and last bar open. */
    fromUtc: string;
    toUtc: string;
    bars: number;
    /** Path points (four per bar). */
    steps: number;
    markets: CrashWindowMarket[];
  };
  book: {
    seed: number;
    traders: number;
    opened: number;
    /** Orders the exchange cancelled at execution, with the reason. */
    rejected: { id: number; reason: string }[];
  };
  chain: {
    markets: CrashMarketFigures[];
    /** `getMarket(m).ledger` after the book opened and after the replay, per market. */
    ledgerBefore: BadDebtLedger[];
    ledgerAfter: BadDebtLedger[];
    /** Liquidations per liquidator address. */
    liquidators: Record<Address, number>;
    /** Seconds published again at the same price so the deviation guard could confirm a jump. */
    confirmationTicks: number;
    /** Whether a maintenance margin factor changed on chain during the replay (it should not). */
    maintenanceMarginChanged: boolean;
  };
  engine: {
    markets: CrashMarketFigures[];
    /** The engine's liquidations that reverted (price recovered, or another revert). */
    failedLiquidations: number;
  };
  comparison: LiquidationComparison;
  liquidated: CrashLiquidatedPosition[];
  /** Wall-clock duration of the replay (after the stack was up), ms. */
  durationMs: number;
}

/** The engine's per-market figures in the report's shape. */
export function engineFigures(report: StressReport): CrashMarketFigures[] {
  return report.markets.map((m) => ({
    symbol: m.symbol,
    liquidations: m.totals.liquidations,
    partialLiquidations: m.totals.partialLiquidations,
    liquidatedPositions: m.totals.liquidatedPositions,
    liquidatedNotionalUsd: m.totals.liquidatedNotionalUsd,
    shortfallCount: m.totals.shortfallCount,
    shortfallUsd: m.totals.shortfallUsd,
    coveredByInsuranceUsd: m.totals.coveredByInsuranceUsd,
    absorbedByLpUsd: m.totals.absorbedByLpUsd,
    insuranceFundStartUsd: m.insuranceFundStartUsd,
    insuranceFundEndUsd: m.insuranceFundEndUsd,
  }));
}

/** JSON for the report: bigints as decimal strings. */
export function crashReportJson(report: CrashReplayReport): string {
  return `${JSON.stringify(report, (_key, value) => (typeof value === "bigint" ? value.toString() : value), 2)}\n`;
}

import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCrashBook } from "../src/crash/crashBook.js";
import { localMarketSpecs } from "../src/crash/crashSeries.js";
import { formatCrashReport } from "../src/crash/formatCrashReport.js";
import { runCrashReplay } from "../src/crash/runCrashReplay.js";
import { FIXTURES } from "./helpers.js";

const ETH = join(FIXTURES, "ETHUSDT-1m-synthetic-crash.csv");
const BTC = join(FIXTURES, "BTCUSDT-1m-synthetic-crash.csv");

describe("crash replay", () => {
  it("generates the same book from the same seed", () => {
    const specs = localMarketSpecs({
      chainId: 31337,
      pyth: "0x0000000000000000000000000000000000000001",
      oracle: "0x0000000000000000000000000000000000000002",
      exchange: "0x0000000000000000000000000000000000000003",
      timelock: "0x0000000000000000000000000000000000000004",
      weth: "0x0000000000000000000000000000000000000005",
      wbtc: "0x0000000000000000000000000000000000000006",
      usdc: "0x0000000000000000000000000000000000000007",
      ethUsdMarket: "0x0000000000000000000000000000000000000008",
      btcUsdMarket: "0x0000000000000000000000000000000000000009",
    });
    const series = [{ spec: specs.ETH, feed: "ETH", klines: [], file: ETH }];
    const firstPrices = new Map([[specs.ETH.market as string, 2800]]);
    const book = (seed: number) => generateCrashBook(series, { traders: 30, seed, firstPrices });
    expect(book(7)).toEqual(book(7));
    expect(book(7)).not.toEqual(book(8));
    expect(book(7).every((order) => order.entryPriceE30 === 2_800_000_000_000_000n)).toBe(true);
  });

  it("liquidates on chain exactly the positions the stress engine liquidates", async () => {
    const steps: number[] = [];
    const { report, agree } = await runCrashReplay({
      crash: ETH,
      crashBtc: BTC,
      traders: 30,
      seed: 7,
      chainPort: 0,
      pricePort: 0,
      keeperMetricsPort: 0,
      web: false,
      onStep: (progress) => steps.push(progress.step),
    });
    const text = formatCrashReport(report);
    expect(agree, text).toBe(true);
    expect(report.comparison.onlyOnChain).toEqual([]);
    expect(report.comparison.onlyInEngine).toEqual([]);
    expect(steps).toEqual(Array.from({ length: 32 * 4 }, (_, step) => step));
    expect(report.book.opened + report.book.rejected.length).toBe(30);
    // The fixture's crash liquidates a good part of the book, some with bad debt.
    expect(report.comparison.both.length).toBeGreaterThan(5);
    const chainShortfall = report.chain.markets.reduce((sum, m) => sum + m.shortfallUsd, 0n);
    expect(chainShortfall).toBeGreaterThan(0n);
    // The events the report sums are exactly what the chain's bad-debt ledger recorded.
    report.chain.markets.forEach((m, index) => {
      const before = report.chain.ledgerBefore[index];
      const after = report.chain.ledgerAfter[index];
      if (before === undefined || after === undefined) throw new Error("missing ledger");
      expect(after.totalShortfallUsd - before.totalShortfallUsd).toBe(m.shortfallUsd);
      expect(after.coveredByInsuranceUsd - before.coveredByInsuranceUsd).toBe(m.coveredByInsuranceUsd);
      expect(after.absorbedByLpUsd - before.absorbedByLpUsd).toBe(m.absorbedByLpUsd);
      expect(after.shortfallCount - before.shortfallCount).toBe(BigInt(m.shortfallCount));
    });
    // Both sides liquidated the same notional (the amounts per position can differ by the order of
    // liquidations within a path point, which moves price impact and the insurance fund).
    report.chain.markets.forEach((m, index) => {
      expect(m.liquidatedNotionalUsd).toBe(report.engine.markets[index]?.liquidatedNotionalUsd);
    });
    expect(report.chain.maintenanceMarginChanged).toBe(false);
    expect(text).toContain("AGREE");
  });
});

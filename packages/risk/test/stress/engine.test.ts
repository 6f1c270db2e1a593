import { describe, expect, it } from "vitest";
import { isLiquidatable } from "../../src/mirror/logic/LiquidationLogic.js";
import { accruedRates } from "../../src/mirror/logic/MarketLogic.js";
import { createStressEngine } from "../../src/stress/engine.js";
import { UnknownMarketError } from "../../src/stress/errors.js";
import { maintenanceMarginPlan } from "../../src/stress/marginPlan.js";
import { stressMarketSpec } from "../../src/stress/markets.js";
import { openSyntheticBook } from "../../src/stress/openBook.js";
import {
  createScenarioEngine,
  runStressScenario,
  type StressMarginChoice,
} from "../../src/stress/scenario.js";
import type { StressReport } from "../../src/stress/types.js";
import { fixtureScenario, reportJson } from "./helpers.js";

const FIXED: StressMarginChoice = { kind: "fixed", factorE30: 10n ** 28n };
/** The fixture has 40 bars: the historical calibrator on a 10-bar window updates before the crash. */
const VOL_AWARE: StressMarginChoice = {
  kind: "vol-aware",
  initialFactorE30: 10n ** 28n,
  windowBars: 8,
  updateEveryBars: 5,
  method: {
    kind: "historical",
    parameters: {
      oracleLatencySeconds: 2,
      liquidationDelaySeconds: 10,
      slippage: { fixedBps: 10, impactBpsAtDepth: 0, referenceSizeUsd: 0n, depthUsd: 1n, crashMultiplier: 1 },
      closeFeeFactorE30: 7n * 10n ** 26n,
      targetShortfallProbability: 0.01,
    },
  },
};

/** Sum of the events' shortfall figures. */
function eventSums(report: StressReport): { shortfall: bigint; covered: bigint; absorbed: bigint } {
  let shortfall = 0n;
  let covered = 0n;
  let absorbed = 0n;
  for (const event of report.events) {
    shortfall += event.shortfallUsd;
    covered += event.coveredByInsuranceUsd;
    absorbed += event.absorbedByLpUsd;
  }
  return { shortfall, covered, absorbed };
}

describe("crash replay engine", () => {
  it("liquidates on the fixture crash, with shortfalls, insurance use and LP bad debt", () => {
    const report = runStressScenario(
      fixtureScenario({ count: 600, insuranceUsd: 2_000n * 10n ** 30n }),
      FIXED,
    );
    expect(report.bars).toBe(40);
    expect(report.steps).toBe(160);
    expect(report.totals.liquidations).toBeGreaterThan(50);
    expect(report.totals.shortfallCount).toBeGreaterThan(0);
    expect(report.totals.coveredByInsuranceUsd).toBeGreaterThan(0n);
    expect(report.totals.absorbedByLpUsd).toBeGreaterThan(0n);
    expect(report.markets[0]?.lowPrice).toBe(1727.05);
    expect(report.timeline).toHaveLength(160);
  });

  it("is deterministic for a seed, and the seed matters", { timeout: 30_000 }, () => {
    const a = reportJson(runStressScenario(fixtureScenario({ seed: 11 }), FIXED));
    const b = reportJson(runStressScenario(fixtureScenario({ seed: 11 }), FIXED));
    const c = reportJson(runStressScenario(fixtureScenario({ seed: 12 }), FIXED));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    const v1 = reportJson(runStressScenario(fixtureScenario({ seed: 11, twoMarkets: true }), VOL_AWARE));
    const v2 = reportJson(runStressScenario(fixtureScenario({ seed: 11, twoMarkets: true }), VOL_AWARE));
    expect(v1).toBe(v2);
  });

  for (const [name, choice] of [
    ["fixed", FIXED],
    ["volatility-aware", VOL_AWARE],
  ] as const) {
    it(`conserves every shortfall (${name}): shortfall = covered by insurance + absorbed by LPs, insurance never negative`, {
      timeout: 30_000,
    }, () => {
      const scenario = fixtureScenario({ count: 600, twoMarkets: true, insuranceUsd: 1_000n * 10n ** 30n });
      const { engine } = createScenarioEngine(scenario, choice);
      while (!engine.done) {
        engine.step();
        for (const m of engine.marketStates()) {
          expect(m.balances.insuranceLongAmount).toBeGreaterThanOrEqual(0n);
          expect(m.balances.insuranceShortAmount).toBeGreaterThanOrEqual(0n);
          expect(m.ledger.totalShortfallUsd).toBe(m.ledger.coveredByInsuranceUsd + m.ledger.absorbedByLpUsd);
        }
      }
      const report = engine.report();
      const sums = eventSums(report);
      expect(sums.shortfall).toBe(sums.covered + sums.absorbed);
      expect(report.totals.shortfallUsd).toBe(sums.shortfall);
      expect(report.totals.coveredByInsuranceUsd).toBe(sums.covered);
      expect(report.totals.absorbedByLpUsd).toBe(sums.absorbed);
      expect(report.totals.shortfallUsd).toBeGreaterThan(0n);
      // The engine's totals are the on-chain ledger's.
      const ledgerShortfall = engine.marketStates().reduce((sum, m) => sum + m.ledger.totalShortfallUsd, 0n);
      const ledgerAbsorbed = engine.marketStates().reduce((sum, m) => sum + m.ledger.absorbedByLpUsd, 0n);
      expect(ledgerShortfall).toBe(report.totals.shortfallUsd);
      expect(ledgerAbsorbed).toBe(report.totals.absorbedByLpUsd);
      for (const point of report.timeline) {
        for (const usd of point.insuranceFundUsd) expect(usd).toBeGreaterThanOrEqual(0n);
      }
      // Every detection ends in exactly one execution or one revert.
      const detections = report.timeline.reduce((sum, point) => sum + point.detected, 0);
      expect(detections).toBe(report.totals.liquidations + report.totals.recovered + report.totals.failed);
      expect(report.markets.map((m) => m.totals.liquidations).reduce((x, y) => x + y, 0)).toBe(
        report.totals.liquidations,
      );
    });

    it(`with zero latency and delay, decides exactly the mirror's isLiquidatable at every path point (${name})`, {
      timeout: 30_000,
    }, () => {
      const scenario = fixtureScenario({ count: 500, twoMarkets: true, latencySeconds: 0, delaySeconds: 0 });
      const { engine, plan } = createScenarioEngine(scenario, choice);
      let detections = 0;
      while (!engine.done) {
        const step = engine.stepIndex;
        const bar = Math.floor(step / 4);
        const timestamp = BigInt(Math.floor((scenario.path.timesMs[step] ?? 0) / 1000));
        const states = engine.marketStates();
        const expected: number[] = [];
        for (const live of engine.livePositions()) {
          expect(live.pending).toBe(false);
          const market = states[live.marketIndex];
          const factor = plan.factorsE30[live.marketIndex]?.[bar];
          if (market === undefined || factor === undefined) throw new Error("market or factor missing");
          const m = { ...market, maintenanceMarginFactor: factor };
          const prices = engine.pricesAt(step, live.marketIndex);
          if (isLiquidatable(m, live.state, accruedRates(m, prices, timestamp), prices))
            expected.push(live.id);
        }
        const result = engine.step();
        expect([...result.detected].sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
        detections += result.detected.length;
      }
      expect(detections).toBeGreaterThan(20);
    });
  }

  it("executes latency + delay after detection, at the interpolated path price pushed by the slippage", () => {
    const report = runStressScenario(
      fixtureScenario({ latencySeconds: 3, delaySeconds: 20, slippageBps: 25 }),
      FIXED,
    );
    expect(report.events.length).toBeGreaterThan(0);
    for (const event of report.events) {
      expect(event.executedAtMs - event.detectedAtMs).toBe(23_000);
    }
    const long = report.events.find((event) => event.isLong);
    expect(long).toBeDefined();
    if (long !== undefined) {
      // 23 s after a path point: 8 s past the next point, interpolated, then 0.25% lower for a long.
      expect(long.executionPrice).toBeLessThan(long.detectedPrice * 1.05);
    }
    const zero = runStressScenario(
      fixtureScenario({ latencySeconds: 0, delaySeconds: 0, slippageBps: 0 }),
      FIXED,
    );
    for (const event of zero.events) {
      expect(event.executedAtMs).toBe(event.detectedAtMs);
      expect(event.executionPrice).toBe(event.detectedPrice);
    }
  });

  it("lets a recovered price revert a pending liquidation, as the contract would", () => {
    const report = runStressScenario(
      fixtureScenario({ count: 800, latencySeconds: 5, delaySeconds: 10 }),
      FIXED,
    );
    expect(report.totals.recovered).toBeGreaterThan(0);
    expect(report.failures.every((failure) => failure.errorName === "PositionNotLiquidatable")).toBe(true);
  });

  it("slices large positions (partial liquidation above $100k)", () => {
    const scenario = fixtureScenario({
      count: 200,
      book: { count: 200, seed: 5, sizeUsd: { median: 150_000, sigma: 0.3, min: 100_000, max: 400_000 } },
    });
    const report = runStressScenario(scenario, FIXED);
    expect(report.totals.partialLiquidations).toBeGreaterThan(0);
    const sliced = report.events.filter((event) => event.isPartial);
    for (const event of sliced) expect(event.remainingCollateralUsd).toBeGreaterThan(0n);
  });

  it("a volatility-aware margin changes the factor within the on-chain bounds and step", () => {
    const scenario = fixtureScenario({ twoMarkets: true });
    const { plan } = createScenarioEngine(scenario, VOL_AWARE);
    const config = scenario.markets[0]?.config;
    if (config === undefined) throw new Error("no market");
    for (const series of plan.factorsE30) {
      series.forEach((factor, bar) => {
        expect(factor).toBeGreaterThanOrEqual(config.margin.minMaintenanceMarginFactor);
        expect(factor).toBeLessThanOrEqual(config.margin.maxMaintenanceMarginFactor);
        const previous = series[bar - 1];
        if (previous !== undefined) {
          const step = factor > previous ? factor - previous : previous - factor;
          expect(step).toBeLessThanOrEqual(config.margin.maxStep);
        }
      });
    }
    expect(plan.updates.some((count) => count > 0)).toBe(true);
  });

  describe("bad input", () => {
    it("rejects a fixed factor outside the market's bounds", () => {
      const scenario = fixtureScenario();
      expect(() => createScenarioEngine(scenario, { kind: "fixed", factorE30: 10n ** 26n })).toThrow(
        /maintenance margin factor is 100000000000000000000000000, expected within the market's on-chain bounds \[0\.50%, 1\.90%\]/,
      );
    });

    it("rejects updates more often than the market's minimum interval", () => {
      const scenario = fixtureScenario();
      expect(() =>
        createScenarioEngine(scenario, {
          kind: "vol-aware",
          initialFactorE30: 10n ** 28n,
          updateEveryBars: 2,
        }),
      ).toThrow(/updateEveryBars is 2, expected at least 5 bars: the market accepts one update per 300 s/);
    });

    it("rejects negative latency, NaN delay and slippage out of range", () => {
      const scenario = fixtureScenario();
      const plan = maintenanceMarginPlan(
        scenario.path,
        scenario.markets.map((m) => m.config),
        {
          kind: "fixed",
          factorE30: 10n ** 28n,
        },
      );
      const base = {
        path: scenario.path,
        markets: scenario.markets,
        positions: scenario.positions,
        marginPlan: plan,
        latencySeconds: 2,
        delaySeconds: 10,
        slippageBps: 10,
      };
      expect(() => createStressEngine({ ...base, latencySeconds: -1 })).toThrow(
        /latencySeconds is -1, expected a finite number >= 0/,
      );
      expect(() => createStressEngine({ ...base, delaySeconds: Number.NaN })).toThrow(/delaySeconds is NaN/);
      expect(() => createStressEngine({ ...base, slippageBps: 10_000 })).toThrow(/slippageBps is 10000/);
      expect(() =>
        createStressEngine({ ...base, marginPlan: { factorsE30: [[10n ** 28n]], updates: [0] } }),
      ).toThrow(/marginPlan is 1, expected one factor per market and bar \(40 bars\)/);
      const engine = createStressEngine(base);
      engine.run();
      expect(() => engine.step()).toThrow(/the replay is done/);
    });

    it("rejects an order for a market the path does not have", () => {
      const scenario = fixtureScenario({ count: 3 });
      const order = scenario.orders[0];
      if (order === undefined) throw new Error("no order");
      const btc = stressMarketSpec("BTC");
      expect(() =>
        openSyntheticBook(
          scenario.path.markets,
          scenario.markets,
          [{ ...order, market: btc.market, marketSymbol: "BTC" }],
          0n,
        ),
      ).toThrow(UnknownMarketError);
      expect(() =>
        openSyntheticBook(
          scenario.path.markets,
          scenario.markets,
          [{ ...order, market: btc.market, marketSymbol: "BTC" }],
          0n,
        ),
      ).toThrow(/synthetic order 0: unknown market "BTC"; known markets: ETH/);
    });
  });
});

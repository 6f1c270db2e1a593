import { describe, expect, it } from "vitest";
import { compareMarginModels } from "../../src/margin/compareMarginModels.js";
import { crossMargin } from "../../src/margin/crossMargin.js";
import { isolatedMargin } from "../../src/margin/isolatedMargin.js";
import type { MarginContext } from "../../src/margin/marginContext.js";
import { portfolioMargin } from "../../src/margin/portfolioMargin.js";
import {
  choleskyFactor,
  correlatedScenarioGrid,
  estimateScenarioGridInputs,
  volatilityScaledRange,
} from "../../src/margin/scenarioGrid.js";
import { loadKlinesFile } from "../../src/market-data/loadKlinesFile.js";
import { positionHealthAt } from "../../src/mirror/logic/ReaderLogic.js";
import type { PositionState } from "../../src/mirror/types.js";
import { UnknownMarketError } from "../../src/stress/errors.js";
import { marketPricesAt, stressMarketSpec } from "../../src/stress/markets.js";
import { openSyntheticBook, setUpStressMarkets } from "../../src/stress/openBook.js";
import { type SyntheticOrder, syntheticAccount } from "../../src/stress/syntheticBook.js";
import { priceE30PerUnit, usdE30ToNumber, usdToE30 } from "../../src/stress/units.js";
import { fixture } from "./helpers.js";

const ETH = stressMarketSpec("ETH");
const BTC = stressMarketSpec("BTC");
const ETH_PRICE = priceE30PerUnit(2_000, 18);
const BTC_PRICE = priceE30PerUnit(30_000, 8);
const TIMESTAMP = 1_700_000_000n;
const RHO = 0.85;
const RANGE = 0.01;

function order(id: number, spec: typeof ETH, isLong: boolean, entryPriceE30: bigint): SyntheticOrder {
  return {
    id,
    account: syntheticAccount(id),
    market: spec.market,
    marketSymbol: spec.symbol,
    isLong,
    collateralToken: spec.shortToken.address,
    collateralIsIndexToken: false,
    sizeDeltaUsd: usdToE30(1_000_000),
    collateralDeltaAmount: usdToE30(100_000) / priceE30PerUnit(1, 6),
    entryPriceE30,
    leverage: 10,
  };
}

/** $1M long ETH and $1M BTC (short: hedged, long: unhedged), 10x each, USDC collateral. */
function book(
  hedged: boolean,
  ethMove = 0,
  btcMove = 0,
): { context: MarginContext; positions: PositionState[] } {
  const orders = [order(0, ETH, true, ETH_PRICE), order(1, BTC, !hedged, BTC_PRICE)];
  const markets = setUpStressMarkets({
    specs: [ETH, BTC],
    orders,
    startPricesE30: [ETH_PRICE, BTC_PRICE],
    timestamp: TIMESTAMP,
  });
  const opened = openSyntheticBook([ETH, BTC], markets, orders, TIMESTAMP);
  const moved = (price: bigint, move: number): bigint =>
    (price * BigInt(Math.round((1 + move) * 1e6))) / 1_000_000n;
  const eth = moved(ETH_PRICE, ethMove);
  const btc = moved(BTC_PRICE, btcMove);
  const state = (index: number) => {
    const m = opened.markets[index];
    if (m === undefined) throw new Error("market missing");
    return m;
  };
  return {
    context: {
      timestamp: TIMESTAMP + 60n,
      markets: [
        {
          market: ETH.market,
          symbol: "ETH",
          state: state(0),
          prices: marketPricesAt(ETH, { min: eth, max: eth }),
        },
        {
          market: BTC.market,
          symbol: "BTC",
          state: state(1),
          prices: marketPricesAt(BTC, { min: btc, max: btc }),
        },
      ],
    },
    positions: opened.positions.map((p) => p.state),
  };
}

const portfolioParameters = {
  scenarioMarkets: [ETH.market, BTC.market],
  scenarios: correlatedScenarioGrid({
    ranges: [RANGE, RANGE],
    correlation: [
      [1, RHO],
      [RHO, 1],
    ],
  }),
  floor: { perPositionUsd: usdToE30(1), grossNotionalFactorE30: 2n * 10n ** 27n },
};

describe("margin models on a hedged and an unhedged book", () => {
  const hedged = compareMarginModels(book(true).context, book(true).positions, portfolioParameters);
  const unhedged = compareMarginModels(book(false).context, book(false).positions, portfolioParameters);
  const row = (rows: typeof hedged, model: string) => {
    const found = rows.find((r) => r.model === model);
    if (found === undefined) throw new Error(`no ${model} row`);
    return found;
  };

  it("isolated and cross require the sum of maintenance margins, hedged or not", () => {
    for (const rows of [hedged, unhedged]) {
      expect(row(rows, "isolated").requirementUsd).toBe(usdToE30(20_000));
      expect(row(rows, "cross").requirementUsd).toBe(usdToE30(20_000));
      expect(row(rows, "isolated").maxLeverage).toBeCloseTo(100, 6);
    }
  });

  it("portfolio margin gives the hedged book its correlation credit and the unhedged book none", () => {
    const hedgedPm = row(hedged, "portfolio");
    const unhedgedPm = row(unhedged, "portfolio");
    // Worst loss on the correlation ellipse: r sqrt(2 - 2 rho) for the spread, r sqrt(2 + 2 rho) for the sum.
    const spread = RANGE * Math.sqrt(2 - 2 * RHO) * 1_000_000;
    const sum = RANGE * Math.sqrt(2 + 2 * RHO) * 1_000_000;
    expect(usdE30ToNumber(hedgedPm.requirementUsd)).toBeGreaterThan(spread * 0.97);
    expect(usdE30ToNumber(hedgedPm.requirementUsd)).toBeLessThan(spread * 1.01);
    expect(usdE30ToNumber(unhedgedPm.requirementUsd)).toBeGreaterThan(sum * 0.98);
    expect(usdE30ToNumber(unhedgedPm.requirementUsd)).toBeLessThan(sum * 1.01);
    expect(hedgedPm.maxLeverage).toBeGreaterThan(3 * row(hedged, "isolated").maxLeverage);
    expect(unhedgedPm.maxLeverage).toBeLessThan(1.1 * row(unhedged, "isolated").maxLeverage);
    expect(hedgedPm.drivenBy).toMatch(/^ellipse/);
  });

  it("falls back to the floor when the scenarios lose less", () => {
    const tiny = portfolioMargin(book(true).context, book(true).positions, {
      ...portfolioParameters,
      scenarios: correlatedScenarioGrid({
        ranges: [0.0001, 0.0001],
        correlation: [
          [1, 0.99],
          [0.99, 1],
        ],
      }),
    });
    expect(tiny.requirementUsd).toBe(tiny.floorUsd);
    expect(tiny.floorUsd).toBe(usdToE30(4_000));
  });

  it("after ETH -9% and BTC -8%, isolated liquidates the hedged book's long; cross and portfolio carry it", () => {
    const { context, positions } = book(true, -0.09, -0.08);
    const isolated = isolatedMargin(context, positions);
    expect(isolated.positions.map((p) => p.liquidatable)).toEqual([true, false]);
    expect(crossMargin(context, positions).liquidatable).toBe(false);
    expect(portfolioMargin(context, positions, portfolioParameters).liquidatable).toBe(false);
    const unhedgedBook = book(false, -0.09, -0.08);
    expect(crossMargin(unhedgedBook.context, unhedgedBook.positions).excessUsd).toBeLessThan(
      crossMargin(context, positions).excessUsd,
    );
  });

  it("isolated margin is exactly the contract's getPositionHealth; cross equity is the sum of remaining collateral", () => {
    const { context, positions } = book(false, -0.03, 0.02);
    const isolated = isolatedMargin(context, positions);
    positions.forEach((position, index) => {
      const market = context.markets[index];
      if (market === undefined) throw new Error("market missing");
      const view = positionHealthAt(market.state, position, market.prices, context.timestamp);
      expect(isolated.positions[index]?.remainingCollateralUsd).toBe(view.remainingCollateralUsd);
      expect(isolated.positions[index]?.requirementUsd).toBe(view.maintenanceMarginUsd);
      expect(isolated.positions[index]?.liquidatable).toBe(view.liquidatable);
    });
    const cross = crossMargin(context, positions, { extraCollateralUsd: usdToE30(500) });
    expect(cross.equityUsd).toBe(isolated.equityUsd + usdToE30(500));
    expect(cross.collateralUsd + cross.netPnlUsd).toBe(cross.equityUsd);
    expect(() => crossMargin(context, positions, { extraCollateralUsd: -1n })).toThrow(
      /extraCollateralUsd is -1/,
    );
  });

  it("names an unknown market", () => {
    const { context, positions } = book(true);
    const stray = { ...positions[0], market: "0x00000000000000000000000000000000000000aa" } as PositionState;
    expect(() => isolatedMargin(context, [stray])).toThrow(UnknownMarketError);
    expect(() =>
      portfolioMargin(context, positions, { ...portfolioParameters, scenarioMarkets: [ETH.market] }),
    ).toThrow(/scenarioMarkets/);
  });
});

describe("scenario grid", () => {
  it("stays on the correlation ellipse and keeps each market within its range", () => {
    const scenarios = correlatedScenarioGrid({
      ranges: [0.1, 0.05],
      correlation: [
        [1, 0.6],
        [0.6, 1],
      ],
      levels: 2,
      directions: 8,
    });
    expect(scenarios[0]).toEqual({ name: "unchanged", moves: [0, 0] });
    expect(scenarios).toHaveLength(1 + 8 * 2);
    for (const { moves } of scenarios.slice(1)) {
      const [x = 0, y = 0] = [(moves[0] ?? 0) / 0.1, (moves[1] ?? 0) / 0.05];
      const mahalanobis = (x * x - 2 * 0.6 * x * y + y * y) / (1 - 0.36);
      expect(mahalanobis).toBeLessThanOrEqual(1 + 1e-9);
      expect(Math.abs(moves[0] ?? 0)).toBeLessThanOrEqual(0.1 + 1e-12);
    }
    expect(scenarios.some((s) => s.moves[0] === 0.1)).toBe(true);
    const withStress = correlatedScenarioGrid({
      ranges: [0.1, 0.05],
      correlation: [
        [1, 0.6],
        [0.6, 1],
      ],
      stress: [{ name: "correlation break", moves: [-0.05, 0.05] }],
    });
    expect(withStress.at(-1)).toEqual({ name: "correlation break", moves: [-0.05, 0.05] });
  });

  it("rejects matrices that are not correlations", () => {
    expect(() =>
      choleskyFactor([
        [1, 0.5],
        [0.4, 1],
      ]),
    ).toThrow(/correlation\[1\]\[0\] is 0.4/);
    expect(() =>
      choleskyFactor([
        [1, 1.2],
        [1.2, 1],
      ]),
    ).toThrow(/in \[-1, 1\]/);
    expect(() =>
      choleskyFactor([
        [1, 0.9, -0.9],
        [0.9, 1, 0.9],
        [-0.9, 0.9, 1],
      ]),
    ).toThrow(/positive semi-definite/);
    expect(() =>
      correlatedScenarioGrid({
        ranges: [0.1, 1.5],
        correlation: [
          [1, 0],
          [0, 1],
        ],
      }),
    ).toThrow(/ranges\[1\] is 1.5/);
    expect(
      choleskyFactor([
        [1, 1],
        [1, 1],
      ]),
    ).toEqual([
      [1, 0],
      [1, 0],
    ]);
  });

  it("sizes ranges from volatility and estimates the correlation from aligned bars", () => {
    expect(volatilityScaledRange(0.002, 60, 4)).toBeCloseTo(Math.expm1(4 * 0.002 * Math.sqrt(60)), 12);
    expect(() => volatilityScaledRange(Number.NaN, 60, 4)).toThrow(/perBarVolatility is NaN/);
    const eth = loadKlinesFile(fixture("eth-crash-40.csv"));
    const btc = loadKlinesFile(fixture("btc-crash-40-binance.csv"));
    const inputs = estimateScenarioGridInputs([eth, btc], { horizonBars: 10 });
    expect(inputs.correlation[0]?.[1]).toBeGreaterThan(0.9);
    for (const range of inputs.ranges) {
      expect(range).toBeGreaterThanOrEqual(0.01);
      expect(range).toBeLessThan(1);
    }
    expect(() => estimateScenarioGridInputs([eth, btc.slice(1)], { horizonBars: 10 })).toThrow(
      /same open times/,
    );
  });
});

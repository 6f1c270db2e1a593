import { describe, expect, it } from "vitest";
import { isMirrorRevert } from "../../src/mirror/errors.js";
import { BookOpeningError } from "../../src/stress/errors.js";
import { stressMarketSpec } from "../../src/stress/markets.js";
import { openSyntheticBook, setUpStressMarkets } from "../../src/stress/openBook.js";
import { seededRandom } from "../../src/stress/random.js";
import { generateSyntheticBook } from "../../src/stress/syntheticBook.js";
import { priceE30PerUnit, usdE30ToNumber } from "../../src/stress/units.js";

const ETH = stressMarketSpec("ETH");
const BTC = stressMarketSpec("BTC");
const markets = [
  { spec: ETH, entryPrice: 2_000 },
  { spec: BTC, entryPrice: 30_000, weight: 3 },
];

describe("seededRandom", () => {
  it("repeats for a seed and differs across seeds", () => {
    const draw = (seed: number): number[] => {
      const random = seededRandom(seed);
      return [random.next(), random.next(), random.normal()];
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(() => seededRandom(1.5)).toThrow(/seed is 1.5/);
  });
});

describe("generateSyntheticBook", () => {
  it("is deterministic and follows its distributions", () => {
    const book = generateSyntheticBook({ count: 4_000, seed: 7, markets });
    expect(generateSyntheticBook({ count: 4_000, seed: 7, markets })).toEqual(book);
    expect(generateSyntheticBook({ count: 4_000, seed: 8, markets })).not.toEqual(book);
    const share = (predicate: (o: (typeof book)[number]) => boolean): number =>
      book.filter(predicate).length / book.length;
    expect(share((o) => o.isLong)).toBeCloseTo(0.55, 1);
    expect(share((o) => o.collateralIsIndexToken)).toBeCloseTo(0.3, 1);
    expect(share((o) => o.marketSymbol === "BTC")).toBeCloseTo(0.75, 1);
    for (const order of book) {
      expect(order.leverage).toBeGreaterThanOrEqual(1.1);
      expect(order.leverage).toBeLessThanOrEqual(40);
      expect(usdE30ToNumber(order.sizeDeltaUsd)).toBeGreaterThanOrEqual(50);
      expect(usdE30ToNumber(order.sizeDeltaUsd)).toBeLessThanOrEqual(2_000_000);
      expect(order.collateralDeltaAmount).toBeGreaterThan(0n);
      const base = priceE30PerUnit(
        order.marketSymbol === "ETH" ? 2_000 : 30_000,
        order.marketSymbol === "ETH" ? 18 : 8,
      );
      const deviation = Number(((order.entryPriceE30 - base) * 1_000_000n) / base) / 1e6;
      expect(Math.abs(deviation)).toBeLessThanOrEqual(0.008 + 1e-6);
    }
    expect(new Set(book.map((o) => o.account)).size).toBe(book.length);
  });

  it("keeps every other draw when one distribution changes", () => {
    const a = generateSyntheticBook({ count: 50, seed: 3, markets });
    const b = generateSyntheticBook({
      count: 50,
      seed: 3,
      markets,
      leverage: { median: 3, sigma: 0.1, min: 1, max: 5 },
    });
    expect(b.map((o) => [o.isLong, o.marketSymbol, o.sizeDeltaUsd])).toEqual(
      a.map((o) => [o.isLong, o.marketSymbol, o.sizeDeltaUsd]),
    );
  });

  it("rejects bad parameters", () => {
    expect(() => generateSyntheticBook({ count: -1, seed: 1, markets })).toThrow(/count is -1/);
    expect(() => generateSyntheticBook({ count: 1, seed: 1, markets: [] })).toThrow(/markets is 0/);
    expect(() => generateSyntheticBook({ count: 1, seed: 1, markets, longShare: 1.5 })).toThrow(
      /longShare is 1.5/,
    );
    expect(() =>
      generateSyntheticBook({
        count: 1,
        seed: 1,
        markets,
        leverage: { median: 5, sigma: 1, min: 0.5, max: 10 },
      }),
    ).toThrow(/leverage.min is 0.5, expected >= 1/);
    expect(() =>
      generateSyntheticBook({ count: 1, seed: 1, markets: [{ spec: ETH, entryPrice: Number.NaN }] }),
    ).toThrow(/price is NaN/);
  });
});

describe("openSyntheticBook", () => {
  const timestamp = 1_700_000_000n;
  const startPricesE30 = [priceE30PerUnit(2_000, 18), priceE30PerUnit(30_000, 8)];

  it("opens every order through the mirror's previewIncrease", () => {
    const orders = generateSyntheticBook({ count: 300, seed: 1, markets });
    const states = setUpStressMarkets({ specs: [ETH, BTC], orders, startPricesE30, timestamp });
    const opened = openSyntheticBook([ETH, BTC], states, orders, timestamp);
    expect(opened.positions).toHaveLength(300);
    expect(opened.rejected).toHaveLength(0);
    const longUsd = opened.positions
      .filter((p) => p.marketIndex === 0 && p.state.isLong)
      .reduce((s, p) => s + p.state.sizeUsd, 0n);
    expect(opened.markets[0]?.openInterest.longUsd).toBe(longUsd);
    for (const position of opened.positions) {
      expect(position.state.sizeUsd).toBe(position.order.sizeDeltaUsd);
      expect(position.state.increasedAt).toBe(timestamp);
    }
  });

  it("says which orders the contracts would revert", () => {
    const orders = generateSyntheticBook({
      count: 20,
      seed: 1,
      markets,
      leverage: { median: 80, sigma: 0, min: 80, max: 80 },
    });
    const states = setUpStressMarkets({ specs: [ETH, BTC], orders, startPricesE30, timestamp });
    expect(() => openSyntheticBook([ETH, BTC], states, orders, timestamp)).toThrow(BookOpeningError);
    expect(() => openSyntheticBook([ETH, BTC], states, orders, timestamp)).toThrow(
      /20 of 20 synthetic orders would revert on chain \(first: order 0: InsufficientCollateral/,
    );
    const skipped = openSyntheticBook([ETH, BTC], states, orders, timestamp, { onRevert: "skip" });
    expect(skipped.rejected).toHaveLength(20);
    expect(skipped.rejected.every((r) => isMirrorRevert(r.error, "InsufficientCollateral"))).toBe(true);
  });

  it("reverts orders beyond the pool's reserve when the pool is too small", () => {
    const orders = generateSyntheticBook({ count: 50, seed: 2, markets });
    const states = setUpStressMarkets({
      specs: [ETH, BTC],
      orders,
      startPricesE30,
      timestamp,
      poolUsd: 10_000n * 10n ** 30n,
    });
    const result = openSyntheticBook([ETH, BTC], states, orders, timestamp, { onRevert: "skip" });
    expect(result.rejected.some((r) => isMirrorRevert(r.error, "ReserveExceeded"))).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { syntheticBook } from "../../test/differential/syntheticBook.js";
import { isLiquidatable } from "../mirror/logic/LiquidationLogic.js";
import { accruedRates } from "../mirror/logic/MarketLogic.js";
import { positionHealthAt } from "../mirror/logic/ReaderLogic.js";
import { liquidationPrice, scaledPricesAt } from "./liquidationPrice.js";
import { createLiquidationScanner } from "./liquidationScanner.js";

describe("createLiquidationScanner", () => {
  const { market, positions, prices, timestamp } = syntheticBook(3_000, 0xca11);

  it("answers exactly as the full mirror, for every position", () => {
    const scanner = createLiquidationScanner(market, prices, timestamp);
    for (const position of positions) {
      const full = positionHealthAt(market, position, prices, timestamp);
      expect(scanner.isLiquidatable(position)).toBe(full.liquidatable);
      expect(scanner.check(position)).toEqual(full);
    }
    expect(scanner.scan(positions)).toEqual(
      positions.filter((p) => positionHealthAt(market, p, prices, timestamp).liquidatable),
    );
  });

  it("is exact at the boundary: at each position's liquidation price and one unit before", () => {
    let boundaries = 0;
    for (const position of positions.slice(0, 400)) {
      const solved = liquidationPrice({ market, position, prices, timestamp: timestamp + 60n });
      if (solved.price === undefined || solved.liquidatableNow) continue;
      boundaries += 1;
      for (const price of [solved.price, position.isLong ? solved.price + 1n : solved.price - 1n]) {
        const at = scaledPricesAt(market, prices, position.isLong)(price);
        const scanner = createLiquidationScanner(market, at, timestamp + 60n);
        expect(scanner.isLiquidatable(position)).toBe(
          isLiquidatable(market, position, accruedRates(market, at, timestamp + 60n), at),
        );
      }
    }
    expect(boundaries).toBeGreaterThan(100);
  });
});

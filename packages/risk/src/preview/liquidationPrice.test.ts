import { describe, expect, it } from "vitest";
import { syntheticBook } from "../../test/differential/syntheticBook.js";
import { isLiquidatable } from "../mirror/logic/LiquidationLogic.js";
import { accruedRates } from "../mirror/logic/MarketLogic.js";
import { liquidationPrice, scaledPricesAt } from "./liquidationPrice.js";

describe("liquidationPrice", () => {
  const { market, positions, prices, timestamp } = syntheticBook(600, 0x5eed);
  const liquidatableAt = (index: number, price: bigint) => {
    const position = positions[index];
    if (position === undefined) throw new Error("no position");
    const at = scaledPricesAt(market, prices, position.isLong)(price);
    return isLiquidatable(market, position, accruedRates(market, at, timestamp), at);
  };

  it("returns the first price at which the position is liquidatable, on the side the contract uses", () => {
    let solved = 0;
    for (const [i, position] of positions.entries()) {
      const result = liquidationPrice({ market, position, prices, timestamp });
      expect(result.side).toBe(position.isLong ? "min" : "max");
      const current = position.isLong ? prices.index.min : prices.index.max;
      expect(result.liquidatableNow).toBe(liquidatableAt(i, current));
      if (result.price === undefined || result.liquidatableNow) continue;
      solved += 1;
      expect(liquidatableAt(i, result.price)).toBe(true);
      // One unit toward the current price it is not liquidatable.
      expect(liquidatableAt(i, position.isLong ? result.price + 1n : result.price - 1n)).toBe(false);
      if (position.isLong) expect(result.price).toBeLessThan(current);
      else expect(result.price).toBeGreaterThan(current);
      expect(result.health?.remainingCollateralUsd).toBeLessThan(result.maintenanceMarginUsd);
    }
    expect(solved).toBeGreaterThan(100);
  });

  it("reports liquidatable positions at the current price", () => {
    const index = positions.findIndex((position) =>
      isLiquidatable(market, position, accruedRates(market, prices, timestamp), prices),
    );
    const position = positions[index];
    if (position === undefined) throw new Error("the synthetic book has no liquidatable position");
    const result = liquidationPrice({ market, position, prices, timestamp });
    expect(result.liquidatableNow).toBe(true);
    expect(result.price).toBe(position.isLong ? prices.index.min : prices.index.max);
  });
});

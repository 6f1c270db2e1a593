import { describe, expect, it } from "vitest";
import { CATEGORY_INDEX, sumVector } from "./categories.js";
import { decomposeAccrual, decomposePriceChange } from "./decompose-step.js";
import type { PoolValueTerms } from "./valuation.js";

function terms(parts: Omit<PoolValueTerms, "valueUsd">): PoolValueTerms {
  return {
    ...parts,
    valueUsd:
      parts.longTokenUsd +
      parts.shortTokenUsd +
      parts.pendingBorrowingUsd +
      parts.pendingFundingUsd -
      parts.longPnlUsd -
      parts.shortPnlUsd,
  };
}

describe("step decompositions", () => {
  const before = terms({
    longTokenUsd: 1_000n,
    shortTokenUsd: 500n,
    pendingBorrowingUsd: 10n,
    pendingFundingUsd: -1n,
    longPnlUsd: 40n,
    shortPnlUsd: -15n,
  });

  it("assigns an accrual to borrowing and funding only", () => {
    const after = {
      ...before,
      pendingBorrowingUsd: 17n,
      pendingFundingUsd: 2n,
      valueUsd: before.valueUsd + 10n,
    };
    const { delta, flowUsd } = decomposeAccrual(before, after);
    expect(flowUsd).toBe(0n);
    expect(delta[CATEGORY_INDEX.borrowingFees]).toBe(7n);
    expect(delta[CATEGORY_INDEX.funding]).toBe(3n);
    expect(delta[CATEGORY_INDEX.other]).toBe(0n);
  });

  it("splits a price move into the pool's tokens and traders' PnL, exactly", () => {
    const after = terms({ ...before, longTokenUsd: 1_100n, longPnlUsd: 90n, shortPnlUsd: -40n });
    const { delta } = decomposePriceChange(before, after);
    expect(delta[CATEGORY_INDEX.priceMoves]).toBe(100n);
    expect(delta[CATEGORY_INDEX.traderPnl]).toBe(-25n);
    expect(sumVector(delta)).toBe(after.valueUsd - before.valueUsd);
  });

  it("shows what the named causes do not explain in `other`", () => {
    const after = { ...before, valueUsd: before.valueUsd + 3n };
    const { delta } = decomposePriceChange(before, after);
    expect(delta[CATEGORY_INDEX.other]).toBe(3n);
  });
});

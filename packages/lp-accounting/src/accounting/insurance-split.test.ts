import { describe, expect, it } from "vitest";
import { splitInsuranceMoves } from "./insurance-split.js";

const USDC = 10n ** 24n; // USD (30 decimals) per USDC unit
const base = {
  coverage: [0n, 0n] as const,
  insuranceShareFactor: 2n * 10n ** 29n, // 20%
  prices: [3_000n * 10n ** 12n, USDC] as const,
};

describe("splitInsuranceMoves", () => {
  it("takes the whole fund inflow as the position-fee share when there is no liquidation fee", () => {
    const split = splitInsuranceMoves({
      ...base,
      insuranceDelta: [0n, 8_400_000n],
      liquidationProtocolShare: [0n, 0n],
      positionFeeUsd: 42n * 10n ** 30n,
    });
    expect(split).toEqual({ positionFeeShareUsd: 8_400_000n * USDC, liquidationShareToPoolUsd: 0n });
  });

  it("reads a liquidation share that went to the fund (below target)", () => {
    // fee share 2.8 USDC + liquidation protocol share 8 USDC, both into the fund.
    const split = splitInsuranceMoves({
      ...base,
      insuranceDelta: [0n, 10_800_000n],
      liquidationProtocolShare: [0n, 8_000_000n],
      positionFeeUsd: 14n * 10n ** 30n,
    });
    expect(split).toEqual({ positionFeeShareUsd: 2_800_000n * USDC, liquidationShareToPoolUsd: 0n });
  });

  it("reads a liquidation share that went to the pool (fund at target after the fee share)", () => {
    const split = splitInsuranceMoves({
      ...base,
      insuranceDelta: [0n, 2_800_000n],
      liquidationProtocolShare: [0n, 8_000_000n],
      positionFeeUsd: 14n * 10n ** 30n,
    });
    expect(split).toEqual({
      positionFeeShareUsd: 2_800_000n * USDC,
      liquidationShareToPoolUsd: 8_000_000n * USDC,
    });
  });

  it("counts fund tokens paid out for a shortfall as coverage, not as fees", () => {
    const split = splitInsuranceMoves({
      ...base,
      insuranceDelta: [0n, -32_200_000n],
      coverage: [0n, 32_200_000n],
      liquidationProtocolShare: [0n, 0n],
      positionFeeUsd: 21n * 10n ** 30n,
    });
    expect(split).toEqual({ positionFeeShareUsd: 0n, liquidationShareToPoolUsd: 0n });
  });
});

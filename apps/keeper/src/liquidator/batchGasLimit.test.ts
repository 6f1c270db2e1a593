import { describe, expect, it } from "vitest";
import { BATCH_GAS_PER_EXTRA_POSITION, batchGasLimit } from "./liquidator.js";

describe("batchGasLimit", () => {
  it("is the fixed limit for one position and grows per further position", () => {
    expect(batchGasLimit(3_000_000n, 1)).toBe(3_000_000n);
    expect(batchGasLimit(3_000_000n, 20)).toBe(3_000_000n + 19n * BATCH_GAS_PER_EXTRA_POSITION);
  });

  it("leaves the limit to estimation when the keeper estimates", () => {
    expect(batchGasLimit(undefined, 20)).toBeUndefined();
  });
});

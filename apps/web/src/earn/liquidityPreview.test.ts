// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { ethMarketConfig, ethMarketState, FIXTURE_TIMESTAMP, fixedPrices } from "../test/marketFixture";
import { previewDepositShares, previewWithdrawalTokens, withSlippage } from "./liquidityPreview";

const USD = 10n ** 30n;
const SHARE = 10n ** 18n;

describe("liquidity previews", () => {
  it("mints shares at pool value after the 0.03% liquidity fee, and pays them back pro rata", () => {
    // The fixture pool holds $600,000 (100 WETH at $3,000 + 300,000 USDC); say 600,000 shares exist.
    const state = ethMarketState();
    const totalSupply = 600_000n * SHARE;
    const deposit = previewDepositShares({
      state,
      market: ethMarketConfig.address,
      longTokenAmount: 10n ** 18n,
      shortTokenAmount: 3_000n * 10n ** 6n,
      totalSupply,
      prices: fixedPrices(),
      timestamp: FIXTURE_TIMESTAMP,
    });
    if (!deposit.ok) return expect.unreachable();
    expect(deposit.preview.depositUsd).toBe(6_000n * USD);
    expect(formatUsd(deposit.preview.feeUsd)).toBe("$1.80");
    expect(formatTokenAmount(deposit.preview.shares, 18, { maxFractionDigits: 4 })).toBe("5,998.2");

    const withdrawal = previewWithdrawalTokens({
      state,
      shares: 6_000n * SHARE,
      totalSupply,
      prices: fixedPrices(),
      timestamp: FIXTURE_TIMESTAMP,
    });
    if (!withdrawal.ok) return expect.unreachable();
    expect(formatUsd(withdrawal.preview.grossUsd)).toBe("$6,000.00");
    expect(withdrawal.preview.longTokenAmount).toBeGreaterThan(0n);
    expect(withdrawal.preview.shortTokenAmount).toBeGreaterThan(0n);
  });

  it("explains a deposit into a paused pool instead of previewing it", () => {
    const paused = previewDepositShares({
      state: ethMarketState({ paused: true }),
      market: ethMarketConfig.address,
      longTokenAmount: 1n,
      shortTokenAmount: 0n,
      totalSupply: 0n,
      prices: fixedPrices(),
      timestamp: FIXTURE_TIMESTAMP,
    });
    expect(paused.ok).toBe(false);
  });

  it("applies slippage downward", () => {
    expect(withSlippage(10_000n, 50n)).toBe(9_950n);
  });
});

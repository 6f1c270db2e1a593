// @vitest-environment node
import { describe, expect, it } from "vitest";
import { formatFactor } from "../format/formatFactor";
import { formatLeverage } from "../format/formatLeverage";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatUsd } from "../format/formatUsd";
import { ethMarketState, FIXTURE_TIMESTAMP, fixedPrices, positionState } from "../test/marketFixture";
import { getDevAccount } from "../wallet/devAccounts";
import { netPnlUsd, previewClose } from "./decreasePnl";
import { positionView } from "./positionView";

const trader = getDevAccount(3).address;
const USD = 10n ** 30n;
const base = ethMarketState();
const market = ethMarketState({
  openInterest: {
    longUsd: 10_000n * USD,
    shortUsd: 0n,
    longTokens: (10_000n * 10n ** 18n) / 3_000n,
    shortTokens: 0n,
  },
  balances: { ...base.balances, collateralShortTokenAmount: 1_000n * 10n ** 6n },
});
const position = positionState(trader);

describe("positionView", () => {
  it("values a 10x long at its entry price: PnL is the close fee only", () => {
    const view = positionView(market, position, fixedPrices(3_000n), FIXTURE_TIMESTAMP);
    expect(formatTokenPriceUsd(view.entryPrice, 18)).toBe("$3,000.00");
    expect(formatTokenPriceUsd(view.markPrice, 18)).toBe("$3,000.00");
    // Closing would pay the 0.05% fee (the close reduces skew) and gain half a cent of positive impact.
    expect(view.health.closeFeeUsd).toBe(5n * USD);
    expect(view.health.closeImpactUsd).toBe(USD / 200n);
    expect(formatUsd(view.netPnlUsd)).toBe("-$5.00");
    expect(formatTokenPriceUsd(view.liquidation.price ?? 0n, 18)).toMatch(/^\$2,7\d\d\.\d\d$/);
    expect(formatFactor(view.distanceToLiquidation ?? 0n)).toMatch(/^8\.\d\d%$/);
    expect(formatLeverage(view.leverage ?? 0n)).toBe("10.05x");
  });

  it("shows a profit after fees when the price rose, and closes for the same figure", () => {
    const prices = fixedPrices(3_300n);
    const view = positionView(market, position, prices, FIXTURE_TIMESTAMP);
    expect(view.netPnlUsd).toBeGreaterThan(990n * USD);
    const close = previewClose({
      state: market,
      position,
      sizeDeltaUsd: position.sizeUsd,
      prices,
      timestamp: FIXTURE_TIMESTAMP,
    });
    if (!close.ok) return expect.unreachable();
    expect(close.preview.isFull).toBe(true);
    // Health values the close conservatively (the contract's liquidation view): a real close gets
    // at least that, here half a cent more of positive impact.
    const closed = netPnlUsd(close.preview.amounts);
    expect(closed).toBeGreaterThanOrEqual(view.netPnlUsd);
    expect(closed - view.netPnlUsd).toBeLessThanOrEqual(USD / 100n);
  });
});

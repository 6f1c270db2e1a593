import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ethMarketConfig, ethMarketState, FIXTURE_TIMESTAMP, fixedPrices } from "../test/marketFixture";
import { getDevAccount } from "../wallet/devAccounts";
import { OrderPreviewPanel } from "./OrderPreviewPanel";
import { previewIncreaseOrder } from "./orderPreview";

describe("OrderPreviewPanel", () => {
  it("shows the exact preview: entry, impact, fee, liquidation and acceptable prices, rates", () => {
    const prices = fixedPrices();
    const preview = previewIncreaseOrder({
      state: ethMarketState(),
      marketAddress: ethMarketConfig.address,
      account: getDevAccount(3).address,
      position: undefined,
      prices,
      timestamp: FIXTURE_TIMESTAMP,
      isLong: true,
      collateralToken: ethMarketConfig.shortToken.address,
      collateralAmount: 1_000n * 10n ** 6n,
      size: { leverage: 10n * 10n ** 30n },
      slippageBps: 30n,
    });
    render(
      <OrderPreviewPanel
        market={ethMarketConfig}
        preview={preview}
        isLong
        executionFee={10n ** 14n}
        prices={prices}
        placeholder="-"
      />,
    );
    const list = screen.getByRole("region", { name: "Order preview" });
    const value = (label: string) => within(list).getByText(label).nextElementSibling?.textContent;
    expect(value("Size")).toBe("$10,000.00");
    expect(value("Leverage")).toBe("10x");
    expect(value("Entry price")).toBe("$3,000.00");
    expect(value("Price impact")).toBe("-$0.01");
    expect(value("Open fee")).toBe("$7.00");
    expect(value("Liquidation price")).toMatch(/^\$2,7\d\d\.\d\d$/);
    expect(value("Acceptable price (max)")).toBe("$3,009.00");
    // $10,000 reserved of the $300,000 WETH side: the 5% base rate and a little more, per hour.
    expect(value("Borrowing rate")).toMatch(/^0\.000\d+% \/ hour$/);
    // Funding flows from the larger side to the smaller: with only longs open, nobody pays.
    expect(value("Funding (you pay)")).toBe("0% / hour");
    expect(value("Keeper fee")).toBe("0.0001 ETH");
  });
});

import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "../test/renderApp";

function orderForm() {
  return screen.getByRole("region", { name: "Order" });
}

describe("order form", () => {
  it("validates before anything is sent, and says what to fix", async () => {
    const { user } = renderApp({ path: "/trade" });
    const form = await screen.findByRole("region", { name: "Order" });
    await user.click(within(form).getByRole("button", { name: "Open long" }));
    const problems = within(form).getByRole("list", { name: "Why the order can't be sent yet" });
    expect(problems).toHaveTextContent("Connect a wallet to trade");
    const collateral = within(form).getByRole("textbox", { name: "Collateral (USDC)" });
    expect(collateral).toHaveAttribute("aria-invalid", "true");
    expect(collateral).toHaveAccessibleDescription("Enter the collateral amount.");

    await user.type(collateral, "12.3456789");
    expect(collateral).toHaveAccessibleDescription("Use at most 6 decimal places.");
    await user.clear(collateral);
    await user.type(collateral, "100");
    expect(collateral).not.toHaveAttribute("aria-invalid");

    const slippage = within(form).getByRole("textbox", { name: "Slippage tolerance" });
    await user.clear(slippage);
    await user.type(slippage, "9");
    expect(slippage).toHaveAccessibleDescription(/Slippage must be between 0.01% and 5%./);
  });

  it("switches between market, limit, take-profit and stop-loss with the keyboard", async () => {
    const { user } = renderApp({ path: "/trade" });
    const market = await screen.findByRole("radio", { name: "Market" });
    market.focus();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("radio", { name: "Limit" })).toBeChecked();
    expect(
      within(orderForm()).getByRole("textbox", { name: "Trigger price (USD per WETH)" }),
    ).toBeInTheDocument();
    await user.keyboard("{ArrowRight}");
    expect(screen.getByRole("radio", { name: "Take profit" })).toBeChecked();
    expect(within(orderForm()).getByRole("textbox", { name: "Size to close (USD)" })).toBeInTheDocument();
    expect(within(orderForm()).getByRole("button", { name: "Set take profit" })).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Short" }));
    expect(within(orderForm()).getByText(/open a short with USDC collateral first/)).toBeInTheDocument();
  });
});

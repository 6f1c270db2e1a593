import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { renderApp } from "./test/renderApp";

// Canvas charts don't render in jsdom; the e2e tests check the real chart in Chromium.
vi.mock("./chart/PriceChart", () => ({
  default: ({ label }: { label: string }) => <div role="img" aria-label={`${label} chart`} />,
}));

function mainNav() {
  return screen.getByRole("navigation", { name: "Main" });
}

describe("navigation", () => {
  it("redirects / to Trade and marks the current page", async () => {
    renderApp({ path: "/" });
    expect(await screen.findByRole("heading", { level: 1, name: "Trade" })).toBeInTheDocument();
    expect(within(mainNav()).getByRole("link", { name: "Trade" })).toHaveAttribute("aria-current", "page");
    expect(document.title).toBe("Trade · Bastion");
  });

  it("opens every page from the navigation and moves focus to its heading", async () => {
    const { user } = renderApp();
    for (const name of ["Positions", "Earn", "Pool health", "Trade"]) {
      await user.click(within(mainNav()).getByRole("link", { name }));
      const heading = await screen.findByRole("heading", { level: 1, name });
      expect(heading).toHaveFocus();
      expect(within(mainNav()).getByRole("link", { name })).toHaveAttribute("aria-current", "page");
    }
  });

  it("works from the keyboard: skip link first, then Enter on a nav link", async () => {
    const { user } = renderApp();
    await screen.findByRole("heading", { level: 1, name: "Trade" });

    await user.tab();
    const skipLink = screen.getByRole("link", { name: "Skip to content" });
    expect(skipLink).toHaveFocus();
    // Following the link focuses <main> in a real browser (checked by the e2e tests).
    expect(skipLink).toHaveAttribute("href", "#main-content");
    expect(screen.getByRole("main")).toHaveAttribute("id", "main-content");
    expect(screen.getByRole("main")).toHaveAttribute("tabindex", "-1");

    const earnLink = within(mainNav()).getByRole("link", { name: "Earn" });
    earnLink.focus();
    await user.keyboard("{Enter}");
    expect(await screen.findByRole("heading", { level: 1, name: "Earn" })).toHaveFocus();
  });

  it("shows placeholders, not blank pages", async () => {
    const { user } = renderApp({ path: "/positions" });
    expect(await screen.findByRole("region", { name: "Open positions (coming soon)" })).toBeInTheDocument();
    await user.click(within(mainNav()).getByRole("link", { name: "Earn" }));
    const pools = await screen.findByRole("region", { name: "Pools" });
    expect(within(pools).getByText("ETH/USD")).toBeInTheDocument();
    expect(within(pools).getByText("WBTC + USDC")).toBeInTheDocument();
  });

  it("explains unknown addresses", async () => {
    renderApp({ path: "/nowhere" });
    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Go to Trade" })).toHaveAttribute("href", "/trade");
  });
});

describe("market selector", () => {
  it("lists the configured markets and switches the Trade page", async () => {
    const { user } = renderApp();
    const selector = screen.getByRole("combobox", { name: "Market" });
    expect(
      within(selector)
        .getAllByRole("option")
        .map((option) => option.textContent),
    ).toEqual(["ETH/USD", "BTC/USD"]);
    expect(await screen.findByRole("img", { name: "ETH/USD price chart" })).toBeInTheDocument();
    await user.selectOptions(selector, "BTC/USD");
    expect(await screen.findByRole("img", { name: "BTC/USD price chart" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: /BTC\/USD/ })).toBeInTheDocument();
  });
});

import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "./test/renderApp";

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

  it("explains in words what a page needs instead of showing a blank page", async () => {
    // renderApp points the RPC and the price service at a closed port: both are unreachable.
    const { user } = renderApp({ path: "/positions" });
    expect(await screen.findByText(/Connect a wallet to see your positions/)).toBeInTheDocument();

    await user.click(within(mainNav()).getByRole("link", { name: "Earn" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Deposit" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: "Withdraw" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "WETH amount" })).toBeInTheDocument();

    await user.click(within(mainNav()).getByRole("link", { name: "Trade" }));
    const alert = await screen.findByRole(
      "heading",
      { name: "Can't reach the price service" },
      { timeout: 15_000 },
    );
    expect(alert.closest("[role=alert]")).toHaveTextContent("http://127.0.0.1:9");
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
    expect(await screen.findByRole("img", { name: /^ETH\/USD price chart/ })).toBeInTheDocument();
    await user.selectOptions(selector, "BTC/USD");
    expect(await screen.findByRole("img", { name: /^BTC\/USD price chart/ })).toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 2, name: /BTC\/USD/ })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Collateral (USDC)" })).toBeInTheDocument();
  });
});

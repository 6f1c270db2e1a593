import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { offlineAppConfig, renderApp } from "../test/renderApp";

function walletToggle() {
  return screen.getByRole("button", { name: /Connect wallet|^Account 0x/ });
}

/** Waits for wagmi's reconnect-on-mount to settle, then returns the wallet button. */
function settledWalletToggle() {
  return screen.findByRole("button", { name: "Connect wallet" });
}

/**
 * The live region that announces wallet changes. It updates just after the wallet state does, so
 * assert on it with `waitFor`.
 */
function statusBar() {
  return screen.getByRole("status");
}

describe("wallet button with the dev account connector", () => {
  it("connects the dev account picked in the list and announces it", async () => {
    const { user } = renderApp();
    await user.click(await settledWalletToggle());
    const panel = screen.getByRole("region", { name: "Connect a wallet" });
    const picker = within(panel).getByRole("combobox", { name: "Dev account" });
    expect(within(picker).getAllByRole("option")).toHaveLength(10);
    expect(within(picker).getAllByRole("option")[3]).toHaveTextContent("#3 0x90F7…b906");

    await user.selectOptions(picker, "3");
    await user.click(within(panel).getByRole("button", { name: "Connect dev account #3" }));

    expect(
      await screen.findByRole("button", { name: "Account 0x90F79bf6EB2c4f870365E785982E1f101E93b906" }),
    ).toHaveTextContent("0x90F7…b906");
    await waitFor(() =>
      expect(statusBar()).toHaveTextContent("Connected 0x90F7…b906 with Dev account (anvil)."),
    );
    // The panel closed and focus went back to the wallet button.
    expect(screen.queryByRole("region", { name: "Connect a wallet" })).not.toBeInTheDocument();
    expect(walletToggle()).toHaveFocus();
  });

  it("switches between dev accounts and disconnects", async () => {
    const { user } = renderApp();
    await user.click(await settledWalletToggle());
    await user.click(screen.getByRole("button", { name: "Connect dev account #0" }));
    await screen.findByRole("button", { name: /^Account 0xf39F/ });

    await user.click(walletToggle());
    const account = screen.getByRole("region", { name: "Account" });
    expect(within(account).getByText("Connected with Dev account (anvil)")).toBeInTheDocument();
    await user.selectOptions(within(account).getByRole("combobox", { name: "Dev account" }), "5");
    expect(await screen.findByRole("button", { name: /^Account 0x9965507D/ })).toBeInTheDocument();
    await waitFor(() => expect(statusBar()).toHaveTextContent("Switched to dev account #5 (0x9965…A4dc)."));

    await user.click(within(account).getByRole("button", { name: "Disconnect" }));
    expect(await screen.findByRole("button", { name: "Connect wallet" })).toBeInTheDocument();
    await waitFor(() => expect(statusBar()).toHaveTextContent("Wallet disconnected."));
  });

  it("closes with Escape and returns focus", async () => {
    const { user } = renderApp();
    await user.click(await settledWalletToggle());
    expect(walletToggle()).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByRole("button", { name: "Browser wallet" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(walletToggle()).toHaveAttribute("aria-expanded", "false");
    expect(walletToggle()).toHaveFocus();
  });

  it("explains that no browser wallet is installed", async () => {
    const { user } = renderApp();
    await user.click(await settledWalletToggle());
    await user.click(screen.getByRole("button", { name: "Browser wallet" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("No browser wallet found");
    expect(alert).toHaveTextContent("Install a wallet extension and reload, or connect another way.");
  });
});

describe("wallet button off the local chain", () => {
  it("offers no dev accounts when the chain is not anvil", async () => {
    const config = { ...offlineAppConfig(), chainId: 8453, chainName: "Base" };
    const { user } = renderApp({ config });
    await user.click(await settledWalletToggle());
    await waitFor(() => expect(screen.getByRole("button", { name: "Browser wallet" })).toBeInTheDocument());
    expect(screen.queryByRole("combobox", { name: "Dev account" })).not.toBeInTheDocument();
  });
});

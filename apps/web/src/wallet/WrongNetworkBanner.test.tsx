import { act, screen } from "@testing-library/react";
import { defineChain } from "viem";
import { describe, expect, it } from "vitest";
import { createConfig, http, mock } from "wagmi";
import { connect } from "wagmi/actions";
import { chainFromConfig } from "../config/chainFromConfig";
import { offlineAppConfig, renderApp } from "../test/renderApp";
import { getDevAccount } from "./devAccounts";

const otherChain = defineChain({
  id: 10,
  name: "Other chain",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: ["http://127.0.0.1:9"] } },
});

describe("wrong network banner", () => {
  it("appears while the wallet is on another chain and switches it back", async () => {
    const config = offlineAppConfig();
    const appChain = chainFromConfig(config);
    // wagmi's mock wallet, which can sit on either chain like a browser extension.
    const wagmiConfig = createConfig({
      chains: [appChain, otherChain],
      connectors: [mock({ accounts: [getDevAccount(0).address] })],
      transports: { [appChain.id]: http(config.rpcUrl), [otherChain.id]: http("http://127.0.0.1:9") },
      storage: null,
    });
    const { user } = renderApp({ config, wagmiConfig });
    expect(screen.queryByRole("region", { name: "Wrong network" })).not.toBeInTheDocument();

    const connector = wagmiConfig.connectors[0] ?? expect.unreachable();
    await act(() => connect(wagmiConfig, { connector, chainId: otherChain.id }));

    const banner = await screen.findByRole("region", { name: "Wrong network" });
    expect(banner).toHaveTextContent(
      "Your wallet is on chain 10; Bastion runs on Anvil (local) (chain 31337).",
    );
    await user.click(screen.getByRole("button", { name: "Switch to Anvil (local)" }));

    await screen.findByText("Switched the wallet to Anvil (local).");
    expect(screen.queryByRole("region", { name: "Wrong network" })).not.toBeInTheDocument();
  });
});

import type { Localnet } from "./startLocalnet.js";

/** The text printed when the local exchange is up: URLs, contracts and dev accounts. */
export function describeLocalnet(localnet: Localnet): string {
  const { rpcUrl, deployment, accounts } = localnet.devchain;
  const lines = [
    "Bastion local exchange is up.",
    "",
    `  Chain RPC      ${rpcUrl}  (chain id ${deployment.chainId})`,
    "",
    "  Contracts",
    `    Exchange     ${deployment.exchange}`,
    `    Oracle       ${deployment.oracle}  (over MockPyth ${deployment.pyth})`,
    `    Timelock     ${deployment.timelock}`,
    `    ETH/USD pool ${deployment.ethUsdMarket}  (WETH ${deployment.weth} / USDC ${deployment.usdc})`,
    `    BTC/USD pool ${deployment.btcUsdMarket}  (WBTC ${deployment.wbtc} / USDC ${deployment.usdc})`,
    "",
    "  Dev accounts (anvil's well-known keys: local use only)",
    `    deployer     ${accounts.deployer.address}`,
    `    keeper       ${accounts.keeper.address}`,
    ...accounts.users
      .slice(0, 3)
      .map((user, i) => `    user ${i + 1}       ${user.address}  key ${user.privateKey}`),
    "",
    "Press Ctrl-C to stop.",
  ];
  return lines.join("\n");
}

import { formatUnits } from "viem";
import { DEV_USER_FUNDS } from "./chain/fundDevAccounts.js";
import type { Localnet } from "./startLocalnet.js";

/** The text printed when the local exchange is up: URLs, contracts, pools and dev accounts. */
export function describeLocalnet(localnet: Localnet): string {
  const { devchain, priceService, keeper, web, lp, pools } = localnet;
  const { rpcUrl, deployment, accounts } = devchain;
  const users = accounts.users.filter((user) => user.address !== lp.account.address);
  const pool = (market: string) => pools.find((seeded) => seeded.market === market);
  const eth = pool(deployment.ethUsdMarket);
  const btc = pool(deployment.btcUsdMarket);
  const lines = [
    "Bastion local exchange is up.",
    "",
    `  Web app        ${web?.url ?? "(not served: --no-web)"}`,
    `  Chain RPC      ${rpcUrl}  (chain id ${deployment.chainId})`,
    `  Price service  ${priceService.url}  (Hermes API; manual prices: POST ${priceService.url}/admin/prices)`,
    `  Keeper         ${keeper === undefined ? "(not running: --no-keeper)" : `running${keeper.metricsUrl === undefined ? "" : `, metrics ${keeper.metricsUrl}`}`}`,
    "",
    "  Contracts",
    `    Exchange     ${deployment.exchange}`,
    `    Oracle       ${deployment.oracle}  (over MockPyth ${deployment.pyth})`,
    `    Timelock     ${deployment.timelock}`,
    `    ETH/USD pool ${deployment.ethUsdMarket}  (WETH ${deployment.weth} / USDC ${deployment.usdc})`,
    `    BTC/USD pool ${deployment.btcUsdMarket}  (WBTC ${deployment.wbtc} / USDC ${deployment.usdc})`,
    "",
    "  Liquidity",
    ...(eth === undefined
      ? []
      : [
          `    ETH/USD      ${formatUnits(eth.longTokenAmount, 18)} WETH + ${formatUnits(eth.shortTokenAmount, 6)} USDC`,
        ]),
    ...(btc === undefined
      ? []
      : [
          `    BTC/USD      ${formatUnits(btc.longTokenAmount, 8)} WBTC + ${formatUnits(btc.shortTokenAmount, 6)} USDC`,
        ]),
    "",
    "  Dev accounts: anvil's well-known keys. LOCAL USE ONLY: anyone can take funds sent to them on a real chain.",
    `    each user holds ${DEV_USER_FUNDS.ETH} ETH, ${DEV_USER_FUNDS.WETH} WETH, ${DEV_USER_FUNDS.WBTC} WBTC, ${DEV_USER_FUNDS.USDC} USDC`,
    ...users.map((user, i) => `    user ${String(i + 1).padEnd(8)}${user.address}  key ${user.privateKey}`),
    `    LP (seeded)  ${lp.account.address}  key ${accounts.users.at(-1)?.privateKey ?? ""}`,
    `    deployer     ${accounts.deployer.address}  key ${accounts.deployer.privateKey}  (pauser)`,
    `    keeper       ${accounts.keeper.address}  key ${accounts.keeper.privateKey}  (used by the keeper)`,
    "",
    "Press Ctrl-C to stop.",
  ];
  return lines.join("\n");
}

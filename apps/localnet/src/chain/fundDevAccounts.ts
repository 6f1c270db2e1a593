import type { Deployment } from "@bastion/contracts";
import { type Address, parseEther, parseUnits } from "viem";
import { setBalance } from "./anvilRpc.js";
import type { LocalClients, LocalWallet } from "./clients.js";
import { mintTokens } from "./mintTokens.js";

/** What each dev user holds after {@link fundDevAccounts}, in whole tokens. */
export const DEV_USER_FUNDS = { ETH: "10000", WETH: "1000", WBTC: "50", USDC: "5000000" } as const;

/**
 * Gives each dev user {@link DEV_USER_FUNDS}: sets its ETH balance (gas and execution fees) and mints
 * the mock WETH, WBTC and USDC.
 */
export async function fundDevAccounts(
  clients: LocalClients,
  parameters: { deployment: Deployment; minter: LocalWallet; users: readonly Address[] },
): Promise<void> {
  const { deployment, users } = parameters;
  for (const user of users) await setBalance(clients.publicClient, user, parseEther(DEV_USER_FUNDS.ETH));
  await mintTokens(
    clients,
    parameters.minter,
    users.flatMap((to) => [
      { token: deployment.weth, to, amount: parseUnits(DEV_USER_FUNDS.WETH, 18) },
      { token: deployment.wbtc, to, amount: parseUnits(DEV_USER_FUNDS.WBTC, 8) },
      { token: deployment.usdc, to, amount: parseUnits(DEV_USER_FUNDS.USDC, 6) },
    ]),
  );
}

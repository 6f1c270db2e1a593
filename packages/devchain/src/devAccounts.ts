import { ANVIL_DEV_ACCOUNTS } from "./anvil.js";

/**
 * What each anvil dev account does on the local chain. The deployer holds the pauser role (every
 * other admin role sits behind the timelock it proposes to); the keepers hold the order, ADL and risk
 * keeper roles; users are ordinary LPs and traders.
 */
export const DEV_ACCOUNTS = {
  deployer: ANVIL_DEV_ACCOUNTS[0],
  keeper: ANVIL_DEV_ACCOUNTS[1],
  secondKeeper: ANVIL_DEV_ACCOUNTS[2],
  users: ANVIL_DEV_ACCOUNTS.slice(3),
} as const;

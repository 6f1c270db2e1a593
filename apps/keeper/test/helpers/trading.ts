import { approveToken, createDeposit, createOrder, type OrderParameters } from "@bastion/sdk";
import { type Address, maxUint256, parseEther } from "viem";
import { mint, type TestEnv, type TestWallet } from "./env.js";

/**
 * Gas for users' create calls. The SDK estimates them on the current state; when the keeper empties
 * the pool's escrow slot before the creation is mined, the estimate falls short (a zero-to-non-zero
 * storage write costs more) and the creation reverts out of gas.
 */
const CREATE_GAS = 1_500_000n;

/** Mints and approves `amount` of `token` for the exchange. */
export async function fund(env: TestEnv, user: TestWallet, token: Address, amount: bigint): Promise<void> {
  await mint(env, token, user.account.address, amount);
  await approveToken(user, { token, spender: env.exchange, amount: maxUint256 });
}

/** Creates a deposit request (tokens minted and approved first); returns its id. */
export async function requestDeposit(
  env: TestEnv,
  user: TestWallet,
  options: { market?: Address; longAmount?: bigint; shortAmount?: bigint } = {},
): Promise<bigint> {
  const market = options.market ?? env.deployment.ethUsdMarket;
  const longToken = market === env.deployment.ethUsdMarket ? env.deployment.weth : env.deployment.wbtc;
  const longAmount = options.longAmount ?? 0n;
  const shortAmount = options.shortAmount ?? 1_000n * 10n ** 6n;
  if (longAmount > 0n) await fund(env, user, longToken, longAmount);
  if (shortAmount > 0n) await fund(env, user, env.deployment.usdc, shortAmount);
  const { requestId } = await createDeposit(user, {
    exchange: env.exchange,
    gas: CREATE_GAS,
    market,
    longTokenAmount: longAmount,
    shortTokenAmount: shortAmount,
  });
  return requestId;
}

/** The ETH pool's seed: 1,000 WETH + 3,000,000 USDC. */
export function seedEthPoolRequest(env: TestEnv, user: TestWallet): Promise<bigint> {
  return requestDeposit(env, user, { longAmount: parseEther("1000"), shortAmount: 3_000_000n * 10n ** 6n });
}

/** Creates an order (collateral minted and approved first); returns its id. */
export async function requestOrder(env: TestEnv, user: TestWallet, order: OrderParameters): Promise<bigint> {
  if (
    order.collateralDeltaAmount > 0n &&
    (order.orderType === "MarketIncrease" || order.orderType === "LimitIncrease")
  ) {
    await fund(env, user, order.collateralToken, order.collateralDeltaAmount);
  }
  const { requestId } = await createOrder(user, { exchange: env.exchange, gas: CREATE_GAS, ...order });
  return requestId;
}

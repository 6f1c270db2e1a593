import { type Deployment, mockErc20Abi, PYTH_FEED_IDS } from "@bastion/contracts";
import {
  type Devchain,
  decimalToMantissa,
  type LocalPrices,
  localPriceUpdate,
  startDevchain,
} from "@bastion/devchain";
import {
  type Account,
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
  parseEther,
  type Transport,
  type WalletClient,
} from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { executeDeposit } from "../src/actions/keeper/executeDeposit.js";
import { executeOrder } from "../src/actions/keeper/executeOrder.js";
import { approveToken } from "../src/actions/wallet/approveToken.js";
import { createDeposit } from "../src/actions/wallet/createDeposit.js";
import { createOrder } from "../src/actions/wallet/createOrder.js";
import type { PythPrice } from "../src/types.js";
import { marketIncreaseOrder, type OrderParameters } from "../src/utils/orders.js";
import { getPositionKey } from "../src/utils/positionKey.js";
import { toUnitPrice } from "../src/utils/unitPrice.js";
import { parseUsd } from "../src/utils/usd.js";

export type TestWallet = WalletClient<Transport, Chain, Account>;

/** A devchain with clients for the deployer, both keepers and the users. */
export interface TestChain {
  devchain: Devchain;
  deployment: Deployment;
  exchange: Address;
  publicClient: PublicClient<Transport, Chain>;
  deployer: TestWallet;
  keeper: TestWallet;
  secondKeeper: TestWallet;
  users: TestWallet[];
  stop(): Promise<void>;
}

/** Starts a devchain (its own anvil on a free port) with wallet clients. Stop it in `afterAll`. */
export async function startTestChain(): Promise<TestChain> {
  const devchain = await startDevchain();
  const transport = http(devchain.rpcUrl);
  const wallet = (privateKey: Hex): TestWallet =>
    createWalletClient({ account: privateKeyToAccount(privateKey), chain: devchain.chain, transport });
  return {
    devchain,
    deployment: devchain.deployment,
    exchange: devchain.deployment.exchange,
    publicClient: createPublicClient({ chain: devchain.chain, transport }),
    deployer: wallet(devchain.accounts.deployer.privateKey),
    keeper: wallet(devchain.accounts.keeper.privateKey),
    secondKeeper: wallet(devchain.accounts.secondKeeper.privateKey),
    users: devchain.accounts.users.map((account) => wallet(account.privateKey)),
    stop: () => devchain.stop(),
  };
}

/** Mints mock tokens (public `mint`). */
export async function mint(chain: TestChain, token: Address, to: Address, amount: bigint): Promise<void> {
  const hash = await chain.deployer.writeContract({
    address: token,
    abi: mockErc20Abi,
    functionName: "mint",
    args: [to, amount],
  });
  await chain.publicClient.waitForTransactionReceipt({ hash });
}

/** The latest block's timestamp (seconds). */
export async function latestTimestamp(chain: TestChain): Promise<number> {
  return Number((await chain.publicClient.getBlock()).timestamp);
}

/** A MockPyth update for the local feeds, published at the latest block's timestamp unless given. */
export async function priceUpdate(
  chain: TestChain,
  prices: LocalPrices,
  publishTime?: number,
): Promise<Hex[]> {
  return localPriceUpdate(prices, publishTime ?? (await latestTimestamp(chain)));
}

export const PRICES = { "ETH/USD": "3000", "BTC/USD": "60000" } as const satisfies LocalPrices;

/** Mints, approves, deposits and executes: the user ends up an LP of the market. */
export async function seedLiquidity(
  chain: TestChain,
  user: TestWallet,
  parameters: {
    market: Address;
    longToken: Address;
    shortToken: Address;
    longAmount: bigint;
    shortAmount: bigint;
  },
): Promise<void> {
  const { exchange } = chain;
  await mint(chain, parameters.longToken, user.account.address, parameters.longAmount);
  await mint(chain, parameters.shortToken, user.account.address, parameters.shortAmount);
  await approveToken(user, { token: parameters.longToken, spender: exchange, amount: parameters.longAmount });
  await approveToken(user, {
    token: parameters.shortToken,
    spender: exchange,
    amount: parameters.shortAmount,
  });
  const { requestId } = await createDeposit(user, {
    exchange,
    market: parameters.market,
    longTokenAmount: parameters.longAmount,
    shortTokenAmount: parameters.shortAmount,
  });
  const { outcome } = await executeDeposit(chain.keeper, {
    exchange,
    id: requestId,
    priceUpdate: await priceUpdate(chain, PRICES),
  });
  if (outcome.status !== "executed") throw new Error(`seed deposit ${outcome.status}`);
}

/** 100 WETH + 300,000 USDC in the ETH/USD pool. */
export async function seedEthPool(chain: TestChain, user: TestWallet): Promise<void> {
  await seedLiquidity(chain, user, {
    market: chain.deployment.ethUsdMarket,
    longToken: chain.deployment.weth,
    shortToken: chain.deployment.usdc,
    longAmount: parseEther("100"),
    shortAmount: 300_000n * 10n ** 6n,
  });
}

/** Mints and approves the collateral, creates the order and executes it at `prices`. */
export async function openPosition(
  chain: TestChain,
  user: TestWallet,
  order: OrderParameters,
  prices: LocalPrices = PRICES,
): Promise<bigint> {
  const { exchange } = chain;
  if (order.collateralDeltaAmount > 0n) {
    await mint(chain, order.collateralToken, user.account.address, order.collateralDeltaAmount);
    await approveToken(user, {
      token: order.collateralToken,
      spender: exchange,
      amount: order.collateralDeltaAmount,
    });
  }
  const { requestId } = await createOrder(user, { exchange, ...order });
  const { outcome } = await executeOrder(chain.keeper, {
    exchange,
    id: requestId,
    priceUpdate: await priceUpdate(chain, prices),
  });
  if (outcome.status !== "executed") {
    throw new Error(
      `order ${outcome.status}: ${outcome.status === "cancelled" ? outcome.reason.message : ""}`,
    );
  }
  return requestId;
}

/** Opens a long on ETH/USD at $3,000 with USDC collateral; returns its position key. */
export async function openUsdcLong(
  chain: TestChain,
  user: TestWallet,
  sizeUsd: string,
  collateralUsdc: bigint,
): Promise<Hex> {
  await openPosition(
    chain,
    user,
    marketIncreaseOrder({
      market: chain.deployment.ethUsdMarket,
      collateralToken: chain.deployment.usdc,
      isLong: true,
      sizeDeltaUsd: parseUsd(sizeUsd),
      collateralAmount: collateralUsdc * 1_000_000n,
      indexPrice: toUnitPrice("3000", 18),
      slippageBps: 50,
    }),
  );
  return getPositionKey({
    account: user.account.address,
    market: chain.deployment.ethUsdMarket,
    collateralToken: chain.deployment.usdc,
    isLong: true,
  });
}

/** Advances the chain's clock by `seconds` and mines a block. */
export async function increaseTime(chain: TestChain, seconds: number): Promise<void> {
  await chain.publicClient.request({
    method: "evm_increaseTime",
    params: [`0x${seconds.toString(16)}`],
  } as never);
  await chain.publicClient.request({ method: "evm_mine", params: [] } as never);
}

/** The `index`-th user's wallet. */
export function userAt(chain: TestChain, index: number): TestWallet {
  const user = chain.users[index];
  if (user === undefined) throw new Error(`no user ${index}`);
  return user;
}

/** Code that reverts any call without a reason: makes an address refuse ETH or a token refuse transfers. */
export const REVERTING_CODE = "0x5f5ffd";

/** Replaces the code at `address` (anvil), returning the previous code. */
export async function setCode(chain: TestChain, address: Address, code: Hex): Promise<Hex> {
  const previous = (await chain.publicClient.getCode({ address })) ?? "0x";
  await chain.publicClient.request({ method: "anvil_setCode", params: [address, code] } as never);
  return previous;
}

/** The Pyth prices `localPriceUpdate` publishes (expo -8, confidence 1 bp; USDC at 1.00 unless given). */
export function localPythPrices(prices: LocalPrices, publishTime: number): PythPrice[] {
  const all: LocalPrices = { "USDC/USD": "1", ...prices };
  return Object.entries(all).map(([symbol, value]) => {
    const price = decimalToMantissa(value, 8);
    return {
      feedId: PYTH_FEED_IDS[symbol as keyof typeof PYTH_FEED_IDS],
      price,
      conf: price / 10_000n,
      expo: -8,
      publishTime,
    };
  });
}

import type { Deployment } from "@bastion/contracts";
import type { SyntheticOrder } from "@bastion/risk";
import {
  approveToken,
  type BastionHermesClient,
  createOrder,
  executeOrder,
  fetchPriceUpdate,
  getPositionKey,
} from "@bastion/sdk";
import { type Hex, maxUint256, parseEther } from "viem";
import { impersonate, setBalance } from "../chain/anvilRpc.js";
import type { LocalClients, LocalWallet } from "../chain/clients.js";
import { readMarketFeeds } from "../chain/marketFeeds.js";
import { mintTokens } from "../chain/mintTokens.js";

/** A book order that opened a position on chain. */
export interface OpenedOrder {
  order: SyntheticOrder;
  requestId: bigint;
  positionKey: Hex;
}

/** What opening the book did. */
export interface OpenBookResult {
  opened: OpenedOrder[];
  /** Orders the exchange cancelled at execution, with the decoded reason. */
  rejected: { order: SyntheticOrder; reason: string }[];
}

/** Parameters of {@link openBookOnChain}. */
export interface OpenBookOnChainParameters {
  deployment: Deployment;
  orders: readonly SyntheticOrder[];
  /** Mints the traders' collateral. */
  minter: LocalWallet;
  /** Executes the orders (an order keeper), in book order. */
  executor: LocalWallet;
  hermes: BastionHermesClient;
  /** How many traders send their approval and order at once. Default 8. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

async function inChunks<T>(
  items: readonly T[],
  size: number,
  action: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(action));
  }
}

/**
 * Opens a synthetic book on the local chain, as its traders would: each order's account (the
 * generator's own address, impersonated on anvil) gets ETH for the execution fee and its collateral
 * minted, approves the exchange and creates a market increase order through the SDK (no price
 * bound); then every order is executed in book order with the price service's latest update, so
 * the pool's skew grows exactly as the stress engine's `openSyntheticBook` assumes.
 */
export async function openBookOnChain(
  clients: LocalClients,
  parameters: OpenBookOnChainParameters,
): Promise<OpenBookResult> {
  const { deployment, orders } = parameters;
  const exchange = deployment.exchange;
  const { publicClient } = clients;
  for (const order of orders) {
    await impersonate(publicClient, order.account);
    await setBalance(publicClient, order.account, parseEther("1"));
  }
  await mintTokens(
    clients,
    parameters.minter,
    orders.map((order) => ({
      token: order.collateralToken,
      to: order.account,
      amount: order.collateralDeltaAmount,
    })),
  );
  const requestIds = new Map<number, bigint>();
  await inChunks(orders, parameters.concurrency ?? 8, async (order) => {
    const trader = clients.impersonated(order.account);
    await approveToken(trader, {
      token: order.collateralToken,
      spender: exchange,
      amount: order.collateralDeltaAmount,
    });
    const { requestId } = await createOrder(trader, {
      exchange,
      market: order.market,
      collateralToken: order.collateralToken,
      isLong: order.isLong,
      orderType: "MarketIncrease",
      sizeDeltaUsd: order.sizeDeltaUsd,
      collateralDeltaAmount: order.collateralDeltaAmount,
      acceptablePrice: order.isLong ? maxUint256 : 0n,
    });
    requestIds.set(order.id, requestId);
  });

  const markets = [...new Set(orders.map((order) => order.market))];
  const updates = new Map<string, Hex[]>();
  for (const market of markets) {
    const feeds = await readMarketFeeds(publicClient, { exchange, oracle: deployment.oracle, market });
    const { updateData } = await fetchPriceUpdate({ client: parameters.hermes, feedIds: feeds.feedIds });
    updates.set(market, updateData);
  }
  const result: OpenBookResult = { opened: [], rejected: [] };
  for (const [index, order] of orders.entries()) {
    const requestId = requestIds.get(order.id);
    const update = updates.get(order.market);
    if (requestId === undefined || update === undefined) throw new Error(`order ${order.id} was not created`);
    const { outcome } = await executeOrder(parameters.executor, {
      exchange,
      id: requestId,
      priceUpdate: update,
    });
    if (outcome.status === "executed") {
      result.opened.push({
        order,
        requestId,
        positionKey: getPositionKey({
          account: order.account,
          market: order.market,
          collateralToken: order.collateralToken,
          isLong: order.isLong,
        }),
      });
    } else {
      result.rejected.push({ order, reason: outcome.reason.message });
    }
    parameters.onProgress?.(index + 1, orders.length);
  }
  return result;
}

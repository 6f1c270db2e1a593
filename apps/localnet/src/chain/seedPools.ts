import type { Deployment } from "@bastion/contracts";
import {
  approveToken,
  type BastionHermesClient,
  createDeposit,
  executeDeposit,
  fetchPriceUpdate,
} from "@bastion/sdk";
import { type Address, erc20Abi } from "viem";
import type { LocalClients, LocalWallet } from "./clients.js";
import { readMarketFeeds } from "./marketFeeds.js";
import { mintTokens } from "./mintTokens.js";
import { fetchUpdateAtOrAfter } from "./priceUpdates.js";

/** Liquidity to put in one pool. */
export interface PoolSeed {
  market: Address;
  longTokenAmount: bigint;
  shortTokenAmount: bigint;
}

/** A seeded pool. */
export interface SeededPool extends PoolSeed {
  /** LP shares the deposit minted. */
  shares: bigint;
}

/** Parameters of {@link seedPools}. */
export interface SeedPoolsParameters {
  deployment: Deployment;
  /** The dev LP: receives the minted tokens and creates the deposits. */
  lp: LocalWallet;
  /** Sends the mints. */
  minter: LocalWallet;
  /** Executes the deposits (an account with the order keeper role). */
  executor: LocalWallet;
  /** Where the execution's Pyth update comes from (the local price service). */
  hermes: BastionHermesClient;
  seeds: readonly PoolSeed[];
}

/**
 * Seeds pools with liquidity the way an LP would: mints the pool tokens to the dev LP, approves the
 * exchange, creates a deposit per pool through the SDK, and executes each with a Pyth update from
 * the price service published after the deposit was created (as a keeper does).
 */
export async function seedPools(
  clients: LocalClients,
  parameters: SeedPoolsParameters,
): Promise<SeededPool[]> {
  const { deployment, lp, hermes } = parameters;
  const exchange = deployment.exchange;
  const lpAddress = lp.account.address;
  const feeds = await Promise.all(
    parameters.seeds.map((seed) =>
      readMarketFeeds(clients.publicClient, { exchange, oracle: deployment.oracle, market: seed.market }),
    ),
  );
  await mintTokens(
    clients,
    parameters.minter,
    parameters.seeds.flatMap((seed, index) => {
      const feed = feeds[index];
      if (feed === undefined) return [];
      return [
        { token: feed.longToken, to: lpAddress, amount: seed.longTokenAmount },
        { token: feed.shortToken, to: lpAddress, amount: seed.shortTokenAmount },
      ];
    }),
  );
  const seeded: SeededPool[] = [];
  for (const [index, seed] of parameters.seeds.entries()) {
    const feed = feeds[index];
    if (feed === undefined) continue;
    for (const [token, amount] of [
      [feed.longToken, seed.longTokenAmount],
      [feed.shortToken, seed.shortTokenAmount],
    ] as const) {
      const allowance = await clients.publicClient.readContract({
        address: token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [lpAddress, exchange],
      });
      await approveToken(lp, { token, spender: exchange, amount: allowance + amount });
    }
    const { requestId, receipt } = await createDeposit(lp, {
      exchange,
      market: seed.market,
      longTokenAmount: seed.longTokenAmount,
      shortTokenAmount: seed.shortTokenAmount,
    });
    const block = await clients.publicClient.getBlock({ blockNumber: receipt.blockNumber });
    const update = await fetchUpdateAtOrAfter(hermes, feed.feedIds, Number(block.timestamp));
    const sharesBefore = await clients.publicClient.readContract({
      address: seed.market,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [lpAddress],
    });
    const { outcome } = await executeDeposit(parameters.executor, {
      exchange,
      id: requestId,
      priceUpdate: update.updateData,
    });
    if (outcome.status !== "executed") {
      throw new Error(`the seed deposit into ${seed.market} was cancelled: ${outcome.reason.message}`);
    }
    const sharesAfter = await clients.publicClient.readContract({
      address: seed.market,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [lpAddress],
    });
    seeded.push({ ...seed, shares: sharesAfter - sharesBefore });
  }
  return seeded;
}

/**
 * Token amounts worth `usd` (whole dollars) split evenly between a pool's long token, at the index
 * feed's latest price from the price service, and its short (USD stable) token at $1.
 */
export async function balancedPoolSeed(
  clients: LocalClients,
  parameters: { deployment: Deployment; hermes: BastionHermesClient; market: Address; usd: bigint },
): Promise<PoolSeed> {
  const { deployment, market, usd } = parameters;
  const feed = await readMarketFeeds(clients.publicClient, {
    exchange: deployment.exchange,
    oracle: deployment.oracle,
    market,
  });
  const [longDecimals, shortDecimals] = await Promise.all(
    [feed.longToken, feed.shortToken].map((address) =>
      clients.publicClient.readContract({ address, abi: erc20Abi, functionName: "decimals" }),
    ),
  );
  const { prices } = await fetchPriceUpdate({ client: parameters.hermes, feedIds: [feed.indexFeedId] });
  const price = prices[0];
  if (price === undefined || price.price <= 0n) throw new Error(`no price for the index token of ${market}`);
  const half = usd / 2n;
  return {
    market,
    longTokenAmount: (half * 10n ** BigInt(longDecimals ?? 18) * 10n ** BigInt(-price.expo)) / price.price,
    shortTokenAmount: (usd - half) * 10n ** BigInt(shortDecimals ?? 6),
  };
}

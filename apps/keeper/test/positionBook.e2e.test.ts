import { getPositionKey, marketIncreaseOrder, parseUsd, toUnitPrice } from "@bastion/sdk";
import { createPublicClient, custom, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EventBatch } from "../src/chain/chainWatcher.js";
import { parseExchangeLogs } from "../src/chain/exchangeEvents.js";
import { type Keeper, startKeeper } from "../src/startKeeper.js";
import { createPositionBook } from "../src/state/positionBook.js";
import {
  isPending,
  keeperInput,
  startTestEnv,
  type TestEnv,
  testLogger,
  userAt,
  waitFor,
} from "./helpers/env.js";
import { requestOrder, seedEthPoolRequest } from "./helpers/trading.js";

/** Holds `eth_call`s pinned to a block number (a snapshot's reads) while closed. */
function snapshotGate() {
  let open = true;
  let held = 0;
  let release: () => void = () => undefined;
  let released = Promise.resolve();
  return {
    get held() {
      return held;
    },
    close() {
      open = false;
      released = new Promise((resolve) => {
        release = resolve;
      });
    },
    open() {
      open = true;
      release();
    },
    async pass(method: string, params: unknown) {
      const block = Array.isArray(params) ? params[1] : undefined;
      const pinned = method === "eth_call" && typeof block === "string" && block.startsWith("0x");
      if (open || !pinned) return;
      held += 1;
      await released;
    },
  };
}

describe("position book", () => {
  let env: TestEnv;
  let keeper: Keeper;
  beforeAll(async () => {
    env = await startTestEnv();
    keeper = await startKeeper(keeperInput(env, { liquidator: false, adl: false }), { logger: testLogger() });
    const seed = await seedEthPoolRequest(env, userAt(env, 0));
    await waitFor(async () => !(await isPending(env, "deposit", seed)), "seed deposit");
  });
  afterAll(async () => {
    await keeper?.stop();
    await env?.stop();
  });

  it("keeps a position opened while a refresh was reading an older snapshot", async () => {
    const gate = snapshotGate();
    const node = http(env.devchain.rpcUrl)({ chain: env.devchain.chain });
    const publicClient = createPublicClient({
      chain: env.devchain.chain,
      transport: custom({
        async request({ method, params }) {
          await gate.pass(method, params);
          return node.request({ method, params });
        },
      }),
    });
    const book = createPositionBook({
      publicClient,
      exchange: env.exchange,
      registry: keeper.registry,
      metrics: keeper.metrics,
      logger: testLogger(),
    });
    await book.refreshAll();
    const market = env.deployment.ethUsdMarket;
    const before = await env.publicClient.getBlockNumber({ cacheTime: 0 });

    // A refresh reads its snapshot at the current block; its reads are held while a position opens.
    gate.close();
    const refreshing = book.refreshAll();
    await waitFor(() => gate.held > 0 || undefined, "the refresh's snapshot reads");
    const user = userAt(env, 1);
    const id = await requestOrder(
      env,
      user,
      marketIncreaseOrder({
        market,
        collateralToken: env.deployment.usdc,
        isLong: true,
        sizeDeltaUsd: parseUsd("10000"),
        collateralAmount: 1_000n * 10n ** 6n,
        indexPrice: toUnitPrice("3000", 18),
        slippageBps: 100,
      }),
    );
    await waitFor(async () => !(await isPending(env, "order", id)), "the order executed");
    const key = getPositionKey({
      account: user.account.address,
      market,
      collateralToken: env.deployment.usdc,
      isLong: true,
    });

    // The watcher's batch for the new blocks reaches the book first, and its positions are read.
    const toBlock = await env.publicClient.getBlockNumber({ cacheTime: 0 });
    const logs = await env.publicClient.getLogs({ address: env.exchange, fromBlock: before + 1n, toBlock });
    const block = await env.publicClient.getBlock({ blockNumber: toBlock });
    const batch: EventBatch = {
      fromBlock: before + 1n,
      toBlock,
      timestamp: block.timestamp,
      events: parseExchangeLogs(logs).map((event) => ({ ...event, blockTimestamp: block.timestamp })),
    };
    book.apply(batch);
    await book.flush();
    const bookOf = () =>
      [...book.books.values()].find((b) => b.market.toLowerCase() === market.toLowerCase());
    expect(bookOf()?.positions.has(key)).toBe(true);
    const openInterest = bookOf()?.state.openInterest;

    // Then the refresh's older snapshot lands: the position must not be lost, nor the newer state.
    gate.open();
    await refreshing;
    expect(book.dirty).toBe(true);
    await book.flush();
    expect(bookOf()?.positions.get(key)?.sizeUsd).toBe(parseUsd("10000"));
    expect(bookOf()?.state.openInterest).toEqual(openInterest);
  });
});

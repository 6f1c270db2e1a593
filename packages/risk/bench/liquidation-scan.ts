/**
 * Benchmark: exact liquidation checks per second on one core, with the mirror over 100,000+
 * synthetic positions (per-market work once per price update, then a handful of bigint operations
 * per position, see `createLiquidationScanner`), against the same check asked of the contracts position by position over RPC
 * (`getPositionHealth` eth_call on a local anvil with Bastion deployed). Not a test: run with
 *   pnpm --filter @bastion/risk bench
 * Options (env): SCAN_POSITIONS (default 120000), SCAN_REPEATS (5), RPC_SAMPLE (400).
 */
import { exchangeAbi } from "@bastion/contracts";
import { maxUint256 } from "viem";
import { positionHealthAt } from "../src/mirror/logic/ReaderLogic.js";
import { createLiquidationScanner } from "../src/preview/liquidationScanner.js";
import { readAllPositions } from "../src/readers/readPositions.js";
import { DevchainEnv } from "../test/differential/devchainEnv.js";
import { syntheticBook } from "../test/differential/syntheticBook.js";

const POSITIONS = Number(process.env.SCAN_POSITIONS ?? 120_000);
const REPEATS = Number(process.env.SCAN_REPEATS ?? 5);
const RPC_SAMPLE = Number(process.env.RPC_SAMPLE ?? 400);

function mirrorThroughput(): { perSecond: number; liquidatable: number } {
  const { market, positions, prices, timestamp } = syntheticBook(POSITIONS);
  // The scanner's shortcut answers are the full mirror's (itself checked against the contracts), for
  // every position of the book (not timed).
  const scanner = createLiquidationScanner(market, prices, timestamp);
  for (const position of positions) {
    if (
      scanner.isLiquidatable(position) !== positionHealthAt(market, position, prices, timestamp).liquidatable
    ) {
      throw new Error("scanner disagrees with positionHealthAt");
    }
  }
  let best = Number.POSITIVE_INFINITY;
  let liquidatable = 0;
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const started = performance.now();
    // Per price update: accrue once, then check every position.
    const perUpdate = createLiquidationScanner(market, prices, timestamp + BigInt(repeat));
    liquidatable = perUpdate.scan(positions).length;
    best = Math.min(best, performance.now() - started);
  }
  return { perSecond: (POSITIONS / best) * 1_000, liquidatable };
}

async function rpcThroughput(): Promise<{ perSecond: number; calls: number; agreed: number }> {
  const env = await DevchainEnv.start();
  try {
    const market = env.markets.eth;
    const mantissa = 3_000n * 10n ** 8n;
    const prices = {
      index: { price: mantissa, conf: mantissa / 10_000n },
      usdc: { price: 10n ** 8n, conf: 10n ** 4n },
    };
    const lp = env.users[0];
    if (lp === undefined) throw new Error("no LP");
    await env.mint(lp, market.longToken, 10n ** 24n);
    await env.mint(lp, market.shortToken, 10n ** 16n);
    const deposit = await env.createDeposit(lp, market, 1_000n * 10n ** 18n, 3_000_000n * 10n ** 6n);
    await env.execute("executeDeposit", deposit, env.pythUpdate(market, prices, env.now).update);
    for (const [i, user] of env.users.entries()) {
      if (i > 0) {
        await env.mint(user, market.longToken, 10n ** 21n);
        await env.mint(user, market.shortToken, 10n ** 12n);
      }
      for (const isLong of [true, false]) {
        const id = await env.createOrder(user, {
          market,
          collateralToken: isLong ? market.shortToken : market.longToken,
          isLong,
          increase: true,
          sizeDeltaUsd: BigInt(10_000 + i * 7_000) * 10n ** 30n,
          collateralDeltaAmount: isLong ? 2_000n * 10n ** 6n : 10n ** 18n,
          acceptablePrice: isLong ? maxUint256 : 0n,
        });
        await env.execute("executeOrder", id, env.pythUpdate(market, prices, env.now).update);
      }
    }
    const block = await env.mine();
    const { keys, positions } = await readAllPositions(env.publicClient, {
      exchange: env.exchange,
      market: market.address,
      blockNumber: block.blockNumber,
    });
    const snapshot = await env.readMarket(market, block.blockNumber);
    const marketPrices = env.marketPrices(
      market,
      env.pythUpdate(market, prices, block.timestamp).parsed,
      block.timestamp,
    );
    const scanner = createLiquidationScanner(snapshot.state, marketPrices, block.timestamp);
    let agreed = 0;
    const started = performance.now();
    for (let i = 0; i < RPC_SAMPLE; i++) {
      const key = keys[i % keys.length];
      const position = positions[i % positions.length];
      if (key === undefined || position === undefined) throw new Error("no positions");
      const [remaining, , liquidatable] = await env.publicClient.readContract({
        address: env.exchange,
        abi: exchangeAbi,
        functionName: "getPositionHealth",
        args: [key, marketPrices],
        blockNumber: block.blockNumber,
      });
      const mirror = scanner.check(position);
      if (mirror.remainingCollateralUsd === remaining && mirror.liquidatable === liquidatable) agreed += 1;
    }
    const elapsed = performance.now() - started;
    return { perSecond: (RPC_SAMPLE / elapsed) * 1_000, calls: RPC_SAMPLE, agreed };
  } finally {
    await env.stop();
  }
}

const mirror = mirrorThroughput();
console.log(
  `mirror:    ${Math.round(mirror.perSecond).toLocaleString("en-US")} positions/s (${POSITIONS.toLocaleString("en-US")} positions, best of ${REPEATS} scans, ${mirror.liquidatable.toLocaleString("en-US")} liquidatable)`,
);
const rpc = await rpcThroughput();
console.log(
  `contracts: ${Math.round(rpc.perSecond).toLocaleString("en-US")} positions/s (getPositionHealth eth_call one by one on anvil, ${rpc.calls} calls, ${rpc.agreed}/${rpc.calls} equal to the mirror)`,
);
console.log(`ratio:     ${Math.round(mirror.perSecond / rpc.perSecond).toLocaleString("en-US")}x`);

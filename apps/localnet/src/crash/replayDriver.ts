import { type Deployment, pythOracleAbi } from "@bastion/contracts";
import type { PriceService } from "@bastion/price-service";
import { type MarketPrices, marketPricesAt, type PricePath } from "@bastion/risk";
import type { Hex } from "viem";
import { mineAt } from "../chain/anvilRpc.js";
import type { LocalClients } from "../chain/clients.js";
import type { SteppedClock } from "../prices/steppedClock.js";
import { type ChainLiquidation, readChainLiquidations } from "./chainLiquidations.js";
import { type ChainSnapshot, liquidatableKeys, readChainSnapshot } from "./chainSnapshot.js";

/** Pyth exponent of the local feeds: the price service publishes integers at 1e-8 USD. */
const PYTH_EXPO_DIGITS = 8n;

/** The Pyth integer (expo -8) of a path price; throws when the price has more than 8 decimals. */
export function pathPriceMantissa(priceE30: bigint, tokenDecimals: number): bigint {
  const scale = 10n ** (30n - PYTH_EXPO_DIGITS - BigInt(tokenDecimals));
  if (priceE30 % scale !== 0n) {
    throw new Error(
      `path price ${priceE30} (1e30 per unit, ${tokenDecimals} decimals) has more than 8 decimals`,
    );
  }
  return priceE30 / scale;
}

/** What happened on chain at one path point. */
export interface ChainStep {
  step: number;
  /** Block time the step ended at: the point's time, plus a second per deviation confirmation. */
  timestamp: bigint;
  /** Positions the mirror found liquidatable on the chain's state when the price was set. */
  expected: Hex[];
  /** Liquidations the keeper executed during the step. */
  liquidations: ChainLiquidation[];
  /** Extra seconds published at the same price so the oracle's deviation guard could confirm it. */
  confirmationTicks: number;
}

/** Parameters of {@link createReplayDriver}. */
export interface ReplayDriverParameters {
  clients: LocalClients;
  deployment: Deployment;
  priceService: PriceService;
  clock: SteppedClock;
  path: PricePath;
  /** Price service symbol of each path market's index feed ("ETH", "BTC"). */
  feeds: readonly string[];
  /** The index feed id of each path market (for the oracle's pending-deviation check). */
  indexFeedIds: readonly Hex[];
  /** How long the keeper may take to liquidate what a step made liquidatable. Default 120 s. */
  stepTimeoutMs?: number;
  /** No progress for this long with a price held back by the deviation guard: publish one more second. Default 1.5 s. */
  stallMs?: number;
  /** How often the chain is read while waiting. Default 100 ms. */
  pollMs?: number;
}

/** Drives the chain through a path, one point at a time. */
export interface ReplayDriver {
  /** Sets path point `step` on chain and in the price service, and waits for the keeper. */
  step(step: number): Promise<ChainStep>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The on-chain side of the crash replay. At each path point it moves the chain's frozen clock and
 * the price service's clock to the point's time, publishes the point's price for every replayed
 * feed (zero confidence, USDC held at $1), reads the chain and asks the mirror which positions are
 * now liquidatable, and waits until the keeper has liquidated all of them (re-reading the chain, so
 * a partial slice that leaves a position still liquidatable is waited for too). When the oracle's
 * deviation guard holds a jump back, it publishes one more second at the same price so a later,
 * consistent update confirms it, as it would in real time.
 */
export function createReplayDriver(parameters: ReplayDriverParameters): ReplayDriver {
  const { clients, deployment, priceService, clock, path } = parameters;
  const client = clients.publicClient;
  const markets = path.markets.map((spec) => spec.market);
  const timeoutMs = parameters.stepTimeoutMs ?? 120_000;
  const stallMs = parameters.stallMs ?? 1_500;
  const pollMs = parameters.pollMs ?? 100;

  const read = (): Promise<ChainSnapshot> =>
    readChainSnapshot(client, { exchange: deployment.exchange, markets });

  const deviationPending = async (): Promise<boolean> => {
    const pending = await Promise.all(
      parameters.indexFeedIds.map((feedId) =>
        client.readContract({
          address: deployment.oracle,
          abi: pythOracleAbi,
          functionName: "pendingDeviation",
          args: [feedId],
        }),
      ),
    );
    return pending.some((entry) => entry.publishTime !== 0n);
  };

  /** The first block whose liquidations are not yet attributed to a step. */
  let nextBlock: bigint | undefined;

  const setClocks = async (seconds: bigint): Promise<void> => {
    await mineAt(client, seconds);
    clock.set(Number(seconds) * 1000);
  };

  return {
    async step(step) {
      const timeMs = path.timesMs[step];
      if (timeMs === undefined) throw new RangeError(`no path point ${step}`);
      let now = BigInt(Math.floor(timeMs / 1000));
      const prices: MarketPrices[] = path.markets.map((spec, index) => {
        const price = path.pricesE30[index]?.[step] ?? 0n;
        return marketPricesAt(spec, { min: price, max: price });
      });
      const published = path.markets.map((spec, index) =>
        priceService.setPrice(
          parameters.feeds[index] ?? spec.symbol,
          pathPriceMantissa(prices[index]?.index.min ?? 0n, spec.indexToken.decimals),
          {
            conf: 0n,
          },
        ),
      );
      nextBlock ??= (await client.getBlockNumber({ cacheTime: 0 })) + 1n;
      await setClocks(now);
      await Promise.all(published);

      let snapshot = await read();
      const expected = liquidatableKeys(snapshot, prices, snapshot.timestamp);
      let remaining = expected;
      let ticks = 0;
      const deadline = Date.now() + timeoutMs;
      let lastProgress = Date.now();
      while (remaining.length > 0) {
        if (Date.now() > deadline) {
          throw new Error(
            `path point ${step} (${new Date(timeMs).toISOString()}): the keeper did not liquidate ` +
              `${remaining.length} liquidatable position(s) within ${timeoutMs / 1000} s (${remaining.slice(0, 5).join(", ")}${remaining.length > 5 ? ", ..." : ""})`,
          );
        }
        await sleep(pollMs);
        snapshot = await read();
        const next = liquidatableKeys(snapshot, prices, snapshot.timestamp);
        if (next.length !== remaining.length || next.some((key, index) => key !== remaining[index])) {
          lastProgress = Date.now();
        } else if (Date.now() - lastProgress > stallMs && (await deviationPending())) {
          now += 1n;
          ticks++;
          await setClocks(now);
          lastProgress = Date.now();
        }
        remaining = next;
      }
      const endBlock = await client.getBlockNumber({ cacheTime: 0 });
      const liquidations = await readChainLiquidations(client, {
        exchange: deployment.exchange,
        fromBlock: nextBlock,
        toBlock: endBlock,
      });
      nextBlock = endBlock + 1n;
      return { step, timestamp: now, expected, liquidations, confirmationTicks: ticks };
    },
  };
}

import { exchangeAbi } from "@bastion/contracts";
import { executeAdl } from "@bastion/sdk";
import { type Address, type Hex, parseEventLogs } from "viem";
import type { TxRunner } from "../chain/txRunner.js";
import type { SendOptions } from "../executor/perform.js";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import type { PriceFeed } from "../prices/priceFeed.js";
import type { MarketRegistry } from "../state/marketRegistry.js";
import type { PositionBook } from "../state/positionBook.js";
import { classifyError } from "../util/errors.js";
import { checkAdl, planAdlStep } from "./adlPlan.js";

/** Options of {@link createAdlRunner}. */
export interface AdlRunnerOptions {
  book: PositionBook;
  registry: MarketRegistry;
  priceFeed: PriceFeed;
  txRunner: TxRunner;
  send: SendOptions;
  metrics: KeeperMetrics;
  logger: Logger;
  dryRun: boolean;
  /** Most steps per side per price update (a guard against a runaway loop). */
  maxStepsPerUpdate?: number;
}

/** The ADL runner. */
export interface AdlRunner {
  /** Checks every market side now (also runs on every new price update). */
  run(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Auto-deleveraging: on each price update, computes each side's PnL to pool factor with the mirror;
 * above the trigger (or above the target while an episode is active) it reduces the most profitable
 * positions (highest PnL per size first) one step at a time, re-reading the market after each step,
 * until the contract reports the target reached (`AdlStateUpdated` with `active = false`) or refuses
 * (`AdlNotTriggered`). A step the deviation guard defers waits for the next update.
 */
export function createAdlRunner(options: AdlRunnerOptions): AdlRunner {
  const { book, registry, priceFeed, txRunner, metrics, logger } = options;
  const maxSteps = options.maxStepsPerUpdate ?? 20;
  let busy: Promise<void> | undefined;
  let stopped = true;
  const dryRunLogged = new Map<string, number>();

  const runSide = async (market: Address, isLong: boolean): Promise<void> => {
    const label = registry.market(market)?.label ?? market;
    const side = isLong ? "long" : "short";
    const skip = new Set<Hex>();
    for (let step = 0; step < maxSteps && !stopped; step++) {
      const snapshot = priceFeed.latest;
      const marketBook = book.books.get(market.toLowerCase() as Address);
      if (snapshot === undefined || marketBook === undefined) return;
      const prices = registry.pricesFor(market, snapshot.prices);
      const check = checkAdl(marketBook.state, prices, isLong);
      if (!check.triggered) return;
      const plan = planAdlStep(marketBook.state, marketBook.positions.values(), prices, isLong, skip);
      if (plan === undefined) {
        logger.warn(
          { market: label, side, factor: check.factor },
          "ADL triggered but no profitable position to reduce",
        );
        return;
      }
      const fields = {
        market: label,
        side,
        factor: check.factor,
        threshold: check.threshold,
        positionKey: plan.key,
        sizeDeltaUsd: plan.sizeDeltaUsd,
        pnlUsd: plan.pnlUsd,
      };
      if (options.dryRun) {
        const id = `${market}:${side}:${plan.key}`;
        if (dryRunLogged.get(id) !== snapshot.publishTime) {
          dryRunLogged.set(id, snapshot.publishTime);
          metrics.requestsSkipped.inc({ kind: "adl", reason: "dry_run" });
          logger.info({ ...fields, dryRun: true }, "dry run: would auto-deleverage");
        }
        return;
      }
      try {
        const { outcome, receipt, hash } = await txRunner.run("adl", (signer) =>
          executeAdl(signer.client, {
            exchange: options.send.exchange,
            oracle: options.send.oracle,
            positionKey: plan.key,
            sizeDeltaUsd: plan.sizeDeltaUsd,
            priceUpdate: snapshot.updateData,
            gas: options.send.gas,
          }),
        );
        const state = parseEventLogs({
          abi: exchangeAbi,
          logs: receipt.logs,
          eventName: "AdlStateUpdated",
        }).at(-1);
        if (outcome.status === "executed") {
          metrics.adlSteps.inc({ market: label, side });
          logger.info(
            { ...fields, hash, factorAfter: state?.args.pnlToPoolFactor, active: state?.args.active },
            "ADL step executed",
          );
        }
        await book.refreshMarket(market);
        if (state !== undefined && !state.args.active) {
          logger.info(
            { market: label, side, factor: state.args.pnlToPoolFactor },
            "ADL target reached: episode over",
          );
          return;
        }
        if (outcome.status === "deferred") {
          logger.warn({ ...fields, hash }, "ADL deferred by the oracle's deviation guard: next update");
          return;
        }
      } catch (error) {
        const classified = classifyError(error);
        if (classified.kind === "contract" && classified.name === "AdlNotTriggered") {
          logger.info({ market: label, side, message: classified.message }, "ADL not triggered on chain");
          await book.refreshMarket(market);
          return;
        }
        if (
          classified.kind === "gone" ||
          (classified.kind === "contract" && classified.name === "PositionNotInProfit")
        ) {
          skip.add(plan.key);
          await book.refreshMarket(market);
          continue;
        }
        metrics.adlFailed.inc({ market: label, side, error: classified.name });
        logger.warn(
          { ...fields, errorKind: classified.kind, error: classified.name, message: classified.message },
          "ADL step failed",
        );
        return;
      }
    }
  };

  const run = async () => {
    if (busy) return busy;
    busy = (async () => {
      try {
        for (const entry of registry.markets) {
          for (const isLong of [true, false]) {
            if (stopped) return;
            try {
              await runSide(entry.address, isLong);
            } catch (error) {
              logger.warn(
                { market: entry.label, side: isLong ? "long" : "short", error: classifyError(error).message },
                "ADL check failed",
              );
            }
          }
        }
      } finally {
        busy = undefined;
      }
    })();
    return busy;
  };

  return {
    run,
    start() {
      if (!stopped) return;
      stopped = false;
      priceFeed.onUpdate(() => void run());
    },
    async stop() {
      stopped = true;
      await busy;
    },
  };
}

import { FLOAT_ONE } from "@bastion/contracts";
import { setMaintenanceMarginFactor } from "@bastion/sdk";
import type { ChainWatcher } from "../chain/chainWatcher.js";
import type { TxRunner } from "../chain/txRunner.js";
import type { Logger } from "../observability/logger.js";
import type { KeeperMetrics } from "../observability/metrics.js";
import type { MarketRegistry } from "../state/marketRegistry.js";
import { toMarketState } from "../state/marketRegistry.js";
import { classifyError } from "../util/errors.js";
import type { HistorySource } from "./historySource.js";
import { type MarginCalibrationSettings, type MarginProposal, proposeMargin } from "./proposeMargin.js";

/** Options of {@link createMarginProposer}. */
export interface MarginProposerOptions {
  registry: MarketRegistry;
  history: HistorySource;
  watcher: ChainWatcher;
  txRunner: TxRunner;
  exchange: `0x${string}`;
  gas: bigint | undefined;
  /** `log`: compute and log only; `apply`: submit on chain (unless dry run). */
  mode: "log" | "apply";
  dryRun: boolean;
  historyMinutes: number;
  calibration: MarginCalibrationSettings;
  metrics: KeeperMetrics;
  logger: Logger;
}

/** One market's result of a proposer run. */
export interface MarginRunResult {
  market: string;
  outcome: "submitted" | "logged" | "unchanged" | "too_soon" | "insufficient_history" | "failed";
  proposal?: MarginProposal;
}

/** The margin proposer: `run()` calibrates every market once (a loop calls it periodically). */
export interface MarginProposer {
  run(): Promise<MarginRunResult[]>;
}

const percent = (factor: bigint) => Number((factor * 1_000_000n) / FLOAT_ONE) / 10_000;

/**
 * Calibrates each market's maintenance margin from recent 1-minute history (`proposeMargin`: the
 * larger of the historical and parametric calibrations, clamped into the on-chain bounds and step),
 * then, when it differs from the current factor and the minimum interval has passed, calls
 * `setMaintenanceMarginFactor` (mode `apply`) or only logs the proposal (mode `log`, or dry run).
 */
export function createMarginProposer(options: MarginProposerOptions): MarginProposer {
  const { registry, history, txRunner, metrics, logger } = options;
  return {
    async run() {
      await registry.reload();
      const results: MarginRunResult[] = [];
      const now = Number(options.watcher.nextBlockTime());
      for (const entry of registry.markets) {
        const label = entry.label;
        const record = (result: MarginRunResult) => {
          metrics.marginProposals.inc({ market: label, outcome: result.outcome });
          results.push(result);
        };
        const state = toMarketState(entry.info);
        metrics.marginFactor.set(
          { market: label, source: "chain" },
          percent(state.maintenanceMarginFactor) / 100,
        );
        let proposal: MarginProposal;
        try {
          const bars = await history.minuteBars(
            entry.feeds.index.feedId,
            now - options.historyMinutes * 60,
            now,
          );
          proposal = proposeMargin(bars, state, options.calibration);
        } catch (error) {
          logger.warn({ market: label, error: classifyError(error).message }, "margin calibration failed");
          record({ market: label, outcome: "failed" });
          continue;
        }
        if (proposal.outcome === "insufficient_history") {
          logger.info(
            { market: label, bars: proposal.bars, minBars: proposal.minBars },
            "margin: not enough history to propose",
          );
          record({ market: label, outcome: "insufficient_history", proposal });
          continue;
        }
        metrics.marginFactor.set({ market: label, source: "proposed" }, percent(proposal.factorE30) / 100);
        const fields = {
          market: label,
          currentPercent: percent(proposal.currentE30),
          proposedPercent: percent(proposal.proposedE30),
          factorPercent: percent(proposal.factorE30),
          historicalPercent: percent(proposal.historical.factorE30),
          parametricPercent: percent(proposal.parametric.factorE30),
          tailResolved: proposal.historical.diagnostics.tailResolved,
          explanation: proposal.explanation,
        };
        if (!proposal.changed) {
          logger.info(fields, "margin: proposal equals the current factor");
          record({ market: label, outcome: "unchanged", proposal });
          continue;
        }
        if (now < proposal.allowedFrom) {
          logger.info(
            { ...fields, allowedFrom: proposal.allowedFrom },
            "margin: too soon after the last update",
          );
          record({ market: label, outcome: "too_soon", proposal });
          continue;
        }
        if (options.mode === "log" || options.dryRun) {
          logger.info(
            { ...fields, dryRun: options.dryRun, mode: options.mode },
            "margin: proposal (not submitted)",
          );
          record({ market: label, outcome: "logged", proposal });
          continue;
        }
        try {
          const { hash } = await txRunner.run("set_margin", (signer) =>
            setMaintenanceMarginFactor(signer.client, {
              exchange: options.exchange,
              market: entry.address,
              factor: proposal.factorE30,
              gas: options.gas,
            }),
          );
          logger.info({ ...fields, hash }, "margin: maintenance margin factor updated");
          record({ market: label, outcome: "submitted", proposal });
        } catch (error) {
          const classified = classifyError(error);
          logger.warn(
            { ...fields, error: classified.name, message: classified.message },
            "margin: update failed",
          );
          record({ market: label, outcome: "failed", proposal });
        }
      }
      return results;
    },
  };
}

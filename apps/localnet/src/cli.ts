#!/usr/bin/env node
import { writeFileSync } from "node:fs";
import { parseArguments } from "./cli/parseArguments.js";
import type { CrashStepProgress } from "./crash/runCrashReplay.js";
import type { Localnet } from "./startLocalnet.js";

// Parse (and answer --help) before loading the exchange's packages.
const options = parseArguments(process.argv);
const [
  { crashReportJson },
  { formatCrashReport },
  { runCrashReplay },
  { describeLocalnet },
  { startLocalnet },
] = await Promise.all([
  import("./crash/crashReport.js"),
  import("./crash/formatCrashReport.js"),
  import("./crash/runCrashReplay.js"),
  import("./describeLocalnet.js"),
  import("./startLocalnet.js"),
]);
const aborter = new AbortController();
const progress = (message: string) => process.stderr.write(`bastion-localnet: ${message}\n`);
let localnet: Localnet | undefined;
let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  process.stderr.write(`\n${signal}: stopping the local exchange...\n`);
  aborter.abort(new Error(`stopped by ${signal}`));
  try {
    await localnet?.stop();
  } catch (error) {
    process.stderr.write(`bastion-localnet: ${(error as Error).message}\n`);
    process.exit(1);
  }
  // Without a started stack, the aborted start (or replay) stops what it started and exits below.
  if (localnet !== undefined) {
    process.stderr.write("Stopped.\n");
    process.exit(0);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

const common = {
  chainPort: options.chainPort,
  pricePort: options.pricePort,
  webPort: options.webPort,
  keeperMetricsPort: options.keeperMetricsPort,
  host: options.host,
  web: options.web,
  serviceLogs: options.logLevel,
  log: progress,
  signal: aborter.signal,
};

function fail(error: unknown): never {
  if (aborter.signal.aborted) {
    process.stderr.write("Stopped.\n");
    process.exit(0);
  }
  process.stderr.write(`bastion-localnet: could not run the local exchange: ${(error as Error).message}\n`);
  process.exit(1);
}

function printStep(step: CrashStepProgress): void {
  const liquidated = step.chain.liquidations.length;
  const engine = step.engine.liquidations.length;
  if (liquidated === 0 && engine === 0 && step.step % 40 !== 0) return;
  const time = new Date(step.timeMs).toISOString().slice(11, 19);
  const prices = step.prices.map((price) => price.toFixed(2)).join(" / ");
  progress(
    `point ${step.step + 1}/${step.steps} ${time} ${prices}: liquidations chain ${liquidated}, engine ${engine}`,
  );
}

if (options.crash !== undefined) {
  if (!options.keeper) {
    process.stderr.write("bastion-localnet: the crash replay needs the keeper; drop --no-keeper\n");
    process.exit(2);
  }
  try {
    const { report, agree } = await runCrashReplay({
      ...common,
      crash: options.crash,
      crashBtc: options.crashBtc,
      traders: options.traders,
      seed: options.seed,
      onReady(started) {
        localnet = started;
        process.stdout.write(`${describeLocalnet(started).replace(/\nPress Ctrl-C to stop\.$/, "")}\n\n`);
        progress("replaying the crash window; Ctrl-C stops");
      },
      onStep: printStep,
    });
    localnet = undefined;
    process.stdout.write(`\n${formatCrashReport(report)}\n`);
    if (options.report !== undefined) writeFileSync(options.report, crashReportJson(report));
    process.exit(agree ? 0 : 1);
  } catch (error) {
    // A Ctrl-C while the replay runs: the signal handler stops everything and exits.
    if (stopping && localnet !== undefined) await new Promise(() => {});
    fail(error);
  }
} else {
  try {
    localnet = await startLocalnet({
      ...common,
      keeper: options.keeper,
      prices: {
        replay: options.replay,
        seed: options.seed,
        ...(options.speed === undefined ? {} : { speed: options.speed }),
      },
    });
  } catch (error) {
    fail(error);
  }
  if (stopping) {
    await localnet.stop();
    process.exit(0);
  }
  process.stdout.write(`${describeLocalnet(localnet)}\n`);
}

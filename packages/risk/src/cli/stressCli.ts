/**
 * `bastion-stress`: replays a real (or any Binance kline) price path against a seeded synthetic
 * book and prints liquidations, shortfalls, insurance use, LP bad debt and LP return, for a fixed
 * or a volatility-aware maintenance margin, or both side by side (`--compare`).
 * @module
 */
import { writeFileSync } from "node:fs";
import { basename } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { clipIsolatedWicks } from "../calibration/clipIsolatedWicks.js";
import type { Kline } from "../market-data/kline.js";
import { KlineParseError } from "../market-data/klineParseError.js";
import { loadKlinesFile } from "../market-data/loadKlinesFile.js";
import type { KlineTimeUnit } from "../market-data/parseKlinesCsv.js";
import { isMirrorRevert } from "../mirror/errors.js";
import {
  describeStressWindow,
  formatStressReports,
  formatStressTimeline,
  type TableStyle,
} from "../stress/formatReport.js";
import {
  defaultMarketConfig,
  inferMarketSymbol,
  STRESS_MARKETS,
  stressMarketSpec,
} from "../stress/markets.js";
import { renderStressSvg } from "../stress/renderSvg.js";
import { prepareStressScenario, runStressScenario, type StressMarginChoice } from "../stress/scenario.js";
import type { StressReport } from "../stress/types.js";
import { formatFactorE30, formatUsdE30, fractionToFactorE30, usdToE30 } from "../stress/units.js";
import { RiskInputError } from "../volatility/errors.js";

/** Where the CLI writes: standard output and standard error (injectable for tests). */
export interface StressCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: StressCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

function numberParser(name: string, check: (value: number) => boolean, expected: string) {
  return (raw: string): number => {
    const value = raw.trim() === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(value) || !check(value)) {
      throw new InvalidArgumentError(`${name} must be ${expected}, got "${raw}"`);
    }
    return value;
  };
}
const integerAtLeast = (name: string, min: number) =>
  numberParser(name, (value) => Number.isInteger(value) && value >= min, `an integer >= ${min}`);
const fraction = (name: string, max = 1) =>
  numberParser(name, (value) => value >= 0 && value < max, `a fraction in [0, ${max})`);
const nonNegative = (name: string) => numberParser(name, (value) => value >= 0, "a number >= 0");
const positive = (name: string) => numberParser(name, (value) => value > 0, "a number > 0");

/** Parsed options (commander's camelCase names). */
interface CliOptions {
  file: string;
  file2?: string;
  market?: string;
  market2?: string;
  weight2: number;
  timeUnit: KlineTimeUnit;
  clipWicks?: number;
  positions: number;
  seed: number;
  margin: "fixed" | "vol-aware";
  compare: boolean;
  mm: number;
  mmMin: number;
  mmMax: number;
  mmStep: number;
  initialMargin: number;
  mmMethod: "parametric" | "historical";
  mmWindow: number;
  mmEvery: number;
  target: number;
  latency: number;
  delay: number;
  slippageBps: number;
  sizeMedian: number;
  leverageMedian: number;
  leverageMax: number;
  longShare: number;
  indexCollateralShare: number;
  insurance: number;
  liquidity: number;
  svg?: string;
  json?: string;
  timeline: number;
  markdown: boolean;
}

function buildProgram(io: StressCliIo): Command {
  const program = new Command("bastion-stress");
  program
    .description(
      "Replay a price path (Binance 1-minute kline CSV, 12 columns with or without header, or the 6-column\n" +
        "excerpt format) against a seeded synthetic book of isolated positions on Bastion's contracts' math\n" +
        "(the @bastion/risk mirror), and report liquidations, shortfalls, insurance fund use, LP bad debt\n" +
        "and LP return.",
    )
    .requiredOption("--file <csv>", "kline CSV of the first market (several consecutive files: a,b,c)")
    .option("--file2 <csv>", "kline CSV(s) of a second market (replayed on the common time window)")
    .option(
      "--market <symbol>",
      `first market (${Object.keys(STRESS_MARKETS).join(", ")}); default from the file name`,
    )
    .option("--market2 <symbol>", "second market; default from --file2's name")
    .option(
      "--weight2 <w>",
      "share of positions in the second market relative to the first",
      positive("--weight2"),
      1,
    )
    .addOption(
      new Option("--time-unit <unit>", "open-time unit of the CSVs")
        .choices(["auto", "s", "ms", "us"])
        .default("auto"),
    )
    .option(
      "--clip-wicks <fraction>",
      "clip isolated wicks more than this beyond their neighbours (single-venue bad prints an aggregated oracle would not show)",
      positive("--clip-wicks"),
    )
    .option("--positions <n>", "number of synthetic positions", integerAtLeast("--positions", 1), 10_000)
    .option("--seed <n>", "seed of the synthetic book", integerAtLeast("--seed", 0), 1)
    .addOption(
      new Option("--margin <model>", "maintenance margin: a fixed factor, or the volatility-aware schedule")
        .choices(["fixed", "vol-aware"])
        .default("fixed"),
    )
    .option("--compare", "replay fixed and volatility-aware on the same book and path, side by side", false)
    .option(
      "--mm <fraction>",
      "fixed maintenance factor; the vol-aware schedule's starting factor",
      fraction("--mm"),
      0.01,
    )
    .option(
      "--mm-min <fraction>",
      "market's lowest maintenance factor (on-chain bound)",
      fraction("--mm-min"),
      0.005,
    )
    .option(
      "--mm-max <fraction>",
      "market's highest maintenance factor (on-chain bound)",
      fraction("--mm-max"),
      0.019,
    )
    .option("--mm-step <fraction>", "largest change of one maintenance update", fraction("--mm-step"), 0.0025)
    .option(
      "--initial-margin <fraction>",
      "opening margin (minCollateralFactor); must exceed --mm-max",
      fraction("--initial-margin"),
      0.02,
    )
    .addOption(
      new Option("--mm-method <method>", "calibrator of the vol-aware schedule")
        .choices(["parametric", "historical"])
        .default("parametric"),
    )
    .option("--mm-window <bars>", "bars of history per calibration", integerAtLeast("--mm-window", 2), 30)
    .option(
      "--mm-every <bars>",
      "bars between maintenance updates (>= the market's 5-minute interval)",
      integerAtLeast("--mm-every", 1),
      5,
    )
    .option("--target <p>", "target shortfall probability of the calibration", fraction("--target"), 0.001)
    .option(
      "--latency <seconds>",
      "oracle latency: age of the price a liquidation carries",
      nonNegative("--latency"),
      2,
    )
    .option(
      "--delay <seconds>",
      "liquidation delay after detection (keeper, inclusion)",
      nonNegative("--delay"),
      10,
    )
    .option(
      "--slippage-bps <bps>",
      "adverse move of a liquidation's execution price",
      fraction("--slippage-bps", 10_000),
      10,
    )
    .option(
      "--size-median <usd>",
      "median position size (log-normal, sigma 1.2, $50..$2M)",
      positive("--size-median"),
      5_000,
    )
    .option(
      "--leverage-median <x>",
      "median leverage (log-normal, sigma 0.7)",
      numberParser("--leverage-median", (v) => v >= 1, ">= 1"),
      8,
    )
    .option(
      "--leverage-max <x>",
      "highest leverage (below 1 / --initial-margin)",
      numberParser("--leverage-max", (v) => v >= 1, ">= 1"),
      40,
    )
    .option(
      "--long-share <fraction>",
      "share of long positions",
      numberParser("--long-share", (v) => v >= 0 && v <= 1, "in [0, 1]"),
      0.55,
    )
    .option(
      "--index-collateral-share <fraction>",
      "share of positions with WETH/WBTC collateral (the rest USDC)",
      numberParser("--index-collateral-share", (v) => v >= 0 && v <= 1, "in [0, 1]"),
      0.3,
    )
    .option(
      "--insurance <usd>",
      "insurance fund per market at the start, USD",
      nonNegative("--insurance"),
      100_000,
    )
    .option(
      "--liquidity <multiple>",
      "LP liquidity per side as a multiple of the book's open interest",
      positive("--liquidity"),
      2,
    )
    .option("--svg <path>", "write an SVG chart: price path with liquidations, cumulative bad debt")
    .option(
      "--json <path>",
      "write the full report(s) as JSON (bigints as decimal strings, USD with 30 decimals)",
    )
    .option(
      "--timeline <rows>",
      "print the per-step timeline (points with detections or liquidations)",
      integerAtLeast("--timeline", 0),
      0,
    )
    .option("--markdown", "print Markdown tables", false)
    .addHelpText(
      "after",
      `
Model:
  Every path point (4 per bar: open, first extreme, second extreme, close) the keeper checks each
  position with the contracts' liquidation condition (remaining collateral < maintenance margin). A
  liquidatable position is liquidated (latency + delay) seconds later at the interpolated path price,
  pushed against it by the slippage, exactly as LiquidationLogic would (partial slices above $100k,
  liquidation fee, settlement); if the price recovered by then, the liquidation reverts. Losses beyond
  collateral go to the insurance fund, then to the LPs. Markets use the deploy script's parameters.

Examples:
  bastion-stress --file ../shared/data/prices/binance_futures_2021-05-19_excerpt/ETHUSDT-1m-2021-05-19T1102_1316.csv \\
    --positions 10000 --seed 7 --margin fixed --mm 0.01 --latency 2 --delay 10
  bastion-stress --file ETHUSDT-1m-2022-11-09.csv --file2 BTCUSDT-1m-2022-11-09.csv --compare --svg ftx.svg

Exit codes: 0 success, 1 bad input (file, CSV row, option, market), 2 internal error.`,
    )
    .showHelpAfterError("(run bastion-stress --help for all options)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return program;
}

function loadSeries(
  fileOption: string,
  marketOption: string | undefined,
  timeUnit: KlineTimeUnit,
  flag: string,
  clipWicks: number | undefined,
) {
  const paths = fileOption
    .split(",")
    .map((path) => path.trim())
    .filter((path) => path !== "");
  const first = paths[0];
  if (first === undefined) throw new InvalidArgumentError(`${flag} names no file`);
  const symbol = marketOption ?? inferMarketSymbol(first);
  if (symbol === undefined) {
    throw new InvalidArgumentError(
      `cannot tell the market of ${flag} ${basename(first)} from its name: pass ${flag === "--file" ? "--market" : "--market2"} (${Object.keys(STRESS_MARKETS).join(", ")})`,
    );
  }
  const spec = stressMarketSpec(symbol);
  // Several files (e.g. consecutive days) are joined in the order given; the path checks the joins.
  const loaded: Kline[] = paths.flatMap((path) => loadKlinesFile(path, { timeUnit }));
  const clipped = clipWicks === undefined ? undefined : clipIsolatedWicks(loaded, clipWicks);
  return {
    spec,
    klines: clipped?.klines ?? loaded,
    names: paths.map((path) => basename(path)).join(","),
    clipped: clipped?.clipped.length ?? 0,
  };
}

const jsonReplacer = (_key: string, value: unknown): unknown =>
  typeof value === "bigint" ? value.toString() : value;

/**
 * Runs the CLI with `argv` (without the node and script paths) and returns the exit code: 0 on
 * success, 1 for bad input (unreadable or malformed file, bad option, unknown market), 2 for an
 * unexpected error.
 *
 * @example
 * const code = await runStressCli(["--file", "eth.csv", "--positions", "1000"]);
 */
export async function runStressCli(argv: readonly string[], io: StressCliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  let options: CliOptions;
  // `pnpm stress -- --file x` passes the "--" through: it separates nothing here.
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  try {
    program.parse(args, { from: "user" });
    options = program.opts<CliOptions>();
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 1;
    throw error;
  }
  try {
    const style: TableStyle = options.markdown ? "markdown" : "text";
    if (options.mmMin > options.mmMax)
      throw new InvalidArgumentError(`--mm-min (${options.mmMin}) is above --mm-max (${options.mmMax})`);
    if (options.mmMax >= options.initialMargin) {
      throw new InvalidArgumentError(
        `--mm-max (${options.mmMax}) must be below --initial-margin (${options.initialMargin}), as the contracts require`,
      );
    }
    const config = defaultMarketConfig();
    config.margin.minMaintenanceMarginFactor = fractionToFactorE30(options.mmMin, "--mm-min");
    config.margin.maxMaintenanceMarginFactor = fractionToFactorE30(options.mmMax, "--mm-max");
    config.margin.maxStep = fractionToFactorE30(options.mmStep, "--mm-step");
    config.risk.minCollateralFactor = fractionToFactorE30(options.initialMargin, "--initial-margin");
    const mmE30 = fractionToFactorE30(options.mm, "--mm");
    if (
      mmE30 < config.margin.minMaintenanceMarginFactor ||
      mmE30 > config.margin.maxMaintenanceMarginFactor
    ) {
      throw new InvalidArgumentError(
        `--mm ${options.mm} is outside the market's bounds [${options.mmMin}, ${options.mmMax}]: pass --mm-min/--mm-max`,
      );
    }

    const series = [loadSeries(options.file, options.market, options.timeUnit, "--file", options.clipWicks)];
    if (options.file2 !== undefined)
      series.push(loadSeries(options.file2, options.market2, options.timeUnit, "--file2", options.clipWicks));
    else if (options.market2 !== undefined) throw new InvalidArgumentError("--market2 needs --file2");

    const scenario = prepareStressScenario({
      series,
      book: {
        count: options.positions,
        seed: options.seed,
        marketWeights: series.length === 2 ? [1, options.weight2] : [1],
        sizeUsd: { median: options.sizeMedian, sigma: 1.2, min: 50, max: 2_000_000 },
        leverage: { median: options.leverageMedian, sigma: 0.7, min: 1.1, max: options.leverageMax },
        longShare: options.longShare,
        indexTokenCollateralShare: options.indexCollateralShare,
      },
      config,
      liquidityMultipleBps: BigInt(Math.round(options.liquidity * 10_000)),
      insuranceUsd: usdToE30(options.insurance),
      latencySeconds: options.latency,
      delaySeconds: options.delay,
      slippageBps: options.slippageBps,
    });

    const fixed: StressMarginChoice = { kind: "fixed", factorE30: mmE30 };
    const volAware: StressMarginChoice = {
      kind: "vol-aware",
      initialFactorE30: mmE30,
      targetShortfallProbability: options.target,
      windowBars: options.mmWindow,
      updateEveryBars: options.mmEvery,
      ...(options.mmMethod === "historical"
        ? {
            method: {
              kind: "historical",
              parameters: {
                oracleLatencySeconds: options.latency,
                liquidationDelaySeconds: options.delay,
                slippage: {
                  fixedBps: options.slippageBps,
                  impactBpsAtDepth: 0,
                  referenceSizeUsd: 0n,
                  depthUsd: 1n,
                  crashMultiplier: 1,
                },
                closeFeeFactorE30: config.fees.positionFeeFactorNegativeImpact,
                targetShortfallProbability: options.target,
              },
            },
          }
        : {}),
    };
    const volLabel = `vol-aware (${options.mmMethod}, ${options.mmWindow}-bar window)`;
    const choices: { label: string; choice: StressMarginChoice }[] = options.compare
      ? [
          { label: `fixed ${formatFactorE30(mmE30)}`, choice: fixed },
          { label: volLabel, choice: volAware },
        ]
      : options.margin === "fixed"
        ? [{ label: `fixed ${formatFactorE30(mmE30)}`, choice: fixed }]
        : [{ label: volLabel, choice: volAware }];
    const runs: { label: string; report: StressReport }[] = choices.map(({ label, choice }) => ({
      label,
      report: runStressScenario(scenario, choice),
    }));
    const first = runs[0]?.report;
    if (first === undefined) return 2;

    const files = series.map(
      (s) =>
        `${s.spec.symbol} ${s.names}${options.clipWicks === undefined ? "" : ` (${s.clipped} wick(s) clipped at ${options.clipWicks})`}`,
    );
    io.stdout(
      [
        `bastion-stress: ${files.join(" + ")}`,
        describeStressWindow(first),
        `book: ${options.positions} positions, seed ${options.seed}, leverage median ${options.leverageMedian}x (max ${options.leverageMax}x), size median $${options.sizeMedian}, ${Math.round(options.longShare * 100)}% long, ${Math.round(options.indexCollateralShare * 100)}% index-token collateral`,
        `execution: latency ${options.latency} s + delay ${options.delay} s, slippage ${options.slippageBps} bps; insurance ${formatUsdE30(usdToE30(options.insurance))} per market; LP liquidity ${options.liquidity}x open interest`,
        "",
        formatStressReports(runs, style),
        "",
      ].join("\n"),
    );
    if (options.timeline > 0) {
      for (const run of runs) {
        io.stdout(
          `timeline (${run.label}):\n${formatStressTimeline(run.report, { limit: options.timeline, style })}\n\n`,
        );
      }
    }
    if (options.svg !== undefined) {
      writeFileSync(
        options.svg,
        renderStressSvg(runs, {
          title: `Crash replay: ${series.map((s) => s.spec.symbol).join(" + ")}, ${new Date(first.startMs).toISOString().slice(0, 16)} .. ${new Date(first.endMs).toISOString().slice(0, 16)} UTC, ${options.positions} positions, seed ${options.seed}`,
        }),
      );
      io.stdout(`wrote ${options.svg}\n`);
    }
    if (options.json !== undefined) {
      writeFileSync(options.json, `${JSON.stringify(runs, jsonReplacer, 2)}\n`);
      io.stdout(`wrote ${options.json}\n`);
    }
    return 0;
  } catch (error) {
    if (
      error instanceof InvalidArgumentError ||
      error instanceof KlineParseError ||
      error instanceof RiskInputError ||
      isMirrorRevert(error) ||
      (error instanceof Error && /cannot read kline file|EACCES|ENOENT|EISDIR/.test(error.message))
    ) {
      io.stderr(`bastion-stress: error: ${(error as Error).message}\n`);
      return 1;
    }
    io.stderr(
      `bastion-stress: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 2;
  }
}

import { Command, InvalidArgumentError, Option } from "commander";
import { DEFAULT_PORTS } from "../options.js";

/** What the command line asks for. */
export interface CliOptions {
  chainPort: number;
  pricePort: number;
  webPort: number;
  keeperMetricsPort: number;
  host: string;
  replay: { feed: string; file: string }[];
  speed: number | undefined;
  seed: number;
  web: boolean;
  keeper: boolean;
  logLevel: "silent" | "warn" | "info";
  /** Crash replay: the ETH (or inferred market) kline file, and BTC's. */
  crash: string | undefined;
  crashBtc: string | undefined;
  traders: number;
  /** Crash replay: write the report as JSON here. */
  report: string | undefined;
}

function port(value: string): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new InvalidArgumentError(`"${value}" is not a TCP port (1-65535, or 0 for any free port)`);
  }
  return parsed;
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new InvalidArgumentError(`"${value}" is not a number > 0`);
  return parsed;
}

function integer(min: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < min) {
      throw new InvalidArgumentError(`"${value}" is not an integer >= ${min}`);
    }
    return parsed;
  };
}

function replaySpec(value: string, previous: { feed: string; file: string }[]) {
  const match = /^([^=]+)=(.+)$/.exec(value);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new InvalidArgumentError(`"${value}" is not SYMBOL=FILE (e.g. ETH=ETHUSDT-1m-2021-05-19.csv)`);
  }
  return [...previous, { feed: match[1].trim(), file: match[2].trim() }];
}

/** The command line program (also what `--help` prints). */
export function createProgram(): Command {
  return new Command()
    .name("bastion-localnet")
    .description(
      "Runs the whole Bastion exchange on this machine: anvil with the contracts deployed, funded dev accounts, " +
        "seeded pools, the local price service, the keeper and the web app. Ctrl-C stops everything.\n\n" +
        "With --crash it replays a real crash window against a synthetic book of traders opened on chain, " +
        "waits for the keeper at every price, reports liquidations and bad debt from the chain, and checks " +
        "that the risk package's stress engine liquidates the same positions.",
    )
    .option("--chain-port <port>", "chain RPC (anvil) port", port, DEFAULT_PORTS.chain)
    .option("--price-port <port>", "price service (Hermes API) port", port, DEFAULT_PORTS.price)
    .option("--web-port <port>", "web app port", port, DEFAULT_PORTS.web)
    .option(
      "--keeper-metrics-port <port>",
      "keeper's Prometheus metrics port",
      port,
      DEFAULT_PORTS.keeperMetrics,
    )
    .option("--host <host>", "interface every service listens on", "127.0.0.1")
    .option(
      "--replay <SYMBOL=FILE>",
      "replay a Binance kline CSV for a feed (ETH, BTC); repeatable; default: a seeded random walk",
      replaySpec,
      [],
    )
    .option(
      "--speed <factor>",
      "market seconds per wall second for --replay and the random walk",
      positiveNumber,
    )
    .option("--seed <n>", "random-walk seed; with --crash, the synthetic book's seed", integer(0), 1)
    .option("--no-web", "do not serve the web app")
    .option("--no-keeper", "do not run the keeper")
    .addOption(
      new Option("--log-level <level>", "the services' own logs on stderr")
        .choices(["silent", "warn", "info"])
        .default("warn"),
    )
    .option("--crash <csv>", "crash replay: kline CSV of ETH (or the market its file name starts with)")
    .option("--crash-btc <csv>", "crash replay: kline CSV of BTC, replayed on the BTC/USD market alongside")
    .option("--traders <n>", "crash replay: number of synthetic traders", integer(1), 200)
    .option("--report <file>", "crash replay: also write the report as JSON to this file")
    .showHelpAfterError();
}

/**
 * Parses the command line (`process.argv` form). Exits with usage on bad input, as commander does.
 *
 * @example
 * parseArguments(["node", "cli.js", "--chain-port", "0"]).chainPort; // 0
 */
export function parseArguments(argv: readonly string[]): CliOptions {
  const program = createProgram().parse(argv as string[]);
  const options = program.opts<CliOptions & { crashBtc?: string }>();
  if (options.crash === undefined && options.crashBtc !== undefined) {
    program.error("error: --crash-btc needs --crash <csv> as well");
  }
  return {
    chainPort: options.chainPort,
    pricePort: options.pricePort,
    webPort: options.webPort,
    keeperMetricsPort: options.keeperMetricsPort,
    host: options.host,
    replay: options.replay,
    speed: options.speed,
    seed: options.seed,
    web: options.web,
    keeper: options.keeper,
    logLevel: options.logLevel,
    crash: options.crash,
    crashBtc: options.crashBtc,
    traders: options.traders,
    report: options.report,
  };
}

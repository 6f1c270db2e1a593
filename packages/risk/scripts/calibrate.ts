/**
 * Calibrates the maintenance margin factor on the real crash windows in ../shared/data/prices and
 * prints a Markdown table (the figures quoted in the package README).
 *
 *   pnpm --filter @bastion/risk exec tsx scripts/calibrate.ts [--latency 2] [--delay 10] [--target 0.001]
 *
 * The data folder defaults to ../shared/data/prices beside the checkout; override with
 * SHARED_PRICES_DIR or --data DIR. Slippage: 5 bps fixed + 20 bps at depth for a position of 10% of
 * depth, times a crash multiplier of 2 (= 14 bps); close fee 0.05%.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  type CalibrateMaintenanceMarginParametricParameters,
  calibrateMaintenanceMarginHistorical,
  calibrateMaintenanceMarginParametric,
  clipIsolatedWicks,
  ewmaVolatility,
  factorE30ToFraction,
  type Kline,
  parkinsonVolatility,
  volatilityAwareMarginSchedule,
} from "../src/index.js";
import { loadKlinesFile } from "../src/node.js";

const { values } = parseArgs({
  options: {
    latency: { type: "string", default: "2" },
    delay: { type: "string", default: "10" },
    target: { type: "string", default: "0.001" },
    data: { type: "string" },
  },
});

const here = fileURLToPath(new URL(".", import.meta.url));
const pricesDir =
  values.data ?? process.env.SHARED_PRICES_DIR ?? resolve(here, "../../../../shared/data/prices");
if (!existsSync(pricesDir)) {
  console.error(`price data not found at ${pricesDir}: pass --data DIR or set SHARED_PRICES_DIR`);
  process.exit(1);
}

const parameters: CalibrateMaintenanceMarginParametricParameters = {
  oracleLatencySeconds: Number(values.latency),
  liquidationDelaySeconds: Number(values.delay),
  slippage: {
    fixedBps: 5,
    impactBpsAtDepth: 20,
    referenceSizeUsd: 1_000_000n,
    depthUsd: 10_000_000n,
    crashMultiplier: 2,
  },
  closeFeeFactorE30: 5n * 10n ** 26n,
  targetShortfallProbability: Number(values.target),
  ewmaLambda: 0.94,
};

const load = (relativePath: string): Kline[] => loadKlinesFile(resolve(pricesDir, relativePath));
const eth2022 = ["08", "09", "10"].flatMap((day) =>
  load(`binance_2022-11-08_10/ETHUSDT-1m-2022-11-${day}.csv`),
);
/** The 12-hour windows (on the hour grid) with the lowest and the highest Parkinson volatility. */
function calmestAndWildest(klines: readonly Kline[], bars = 720, stride = 60): [Kline[], Kline[]] {
  const candidates: Kline[][] = [];
  for (let start = 0; start + bars <= klines.length; start += stride)
    candidates.push(klines.slice(start, start + bars));
  const ranked = candidates
    .map((window) => ({ window, volatility: parkinsonVolatility(window).perBarVolatility }))
    .sort((a, b) => a.volatility - b.volatility);
  return [ranked[0]?.window ?? [], ranked.at(-1)?.window ?? []];
}
const span = (klines: readonly Kline[]): string =>
  `${new Date(klines[0]?.openTimeMs ?? 0).toISOString().slice(5, 16)} + 12 h`;
const [calm2022, crash2022] = calmestAndWildest(eth2022);
const eth2020 = load("binance_futures_2020-03-12_13_excerpt/ETHUSDT-1m-2020-03-12T2303_2020-03-13T0400.csv");
const eth2020Clipped = clipIsolatedWicks(eth2020, 0.2);

const windows: [string, Kline[]][] = [
  ["ETH 2022-11-08..10, all 3 days", eth2022],
  [`ETH 2022 calmest 12 h (${span(calm2022)})`, calm2022],
  [`ETH 2022 most volatile 12 h (${span(crash2022)})`, crash2022],
  ["ETH 2020-03-12 23:03 .. 03-13 04:00, raw", eth2020],
  [`ETH 2020 excerpt, ${eth2020Clipped.clipped.length} isolated wick clipped`, eth2020Clipped.klines],
];

const percent = (fraction: number, digits = 3): string => `${(fraction * 100).toFixed(digits)}%`;
const horizon = parameters.oracleLatencySeconds + parameters.liquidationDelaySeconds;
console.log(
  `latency ${parameters.oracleLatencySeconds} s + delay ${parameters.liquidationDelaySeconds} s = ${horizon} s, ` +
    `target P(shortfall) ${parameters.targetShortfallProbability}, slippage 14 bps, close fee 0.05%\n`,
);
console.log(
  "| window | bars | Parkinson vol/min | EWMA vol/min (last) | historical factor (move) | tail resolved | parametric factor (move, nu) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const [name, klines] of windows) {
  const historical = calibrateMaintenanceMarginHistorical(klines, parameters);
  const parametric = calibrateMaintenanceMarginParametric(klines, parameters);
  const tail = parametric.diagnostics.tail;
  const nu = tail.kind === "studentT" ? tail.degreesOfFreedom.toFixed(1) : "normal";
  console.log(
    `| ${name} | ${klines.length} | ${percent(parkinsonVolatility(klines).perBarVolatility)} | ` +
      `${percent(ewmaVolatility(klines, { lambda: 0.94 }).latest)} | ` +
      `**${percent(factorE30ToFraction(historical.factorE30), 4)}** (${percent(historical.components.adverseMove)}) | ` +
      `${historical.diagnostics.tailResolved ? "yes" : `no (${historical.diagnostics.samples} samples)`} | ` +
      `**${percent(factorE30ToFraction(parametric.factorE30), 4)}** (${percent(parametric.components.adverseMove)}, ${nu}) |`,
  );
}
const bounds = { min: 5n * 10n ** 27n, max: 10n ** 29n, maxStep: 25n * 10n ** 26n, initial: 10n ** 28n };
for (const kind of ["historical", "parametric"] as const) {
  const schedule = volatilityAwareMarginSchedule(eth2022, {
    method: { kind, parameters },
    windowBars: 720,
    updateEveryBars: 5,
    bounds,
  });
  const factors = schedule.slice(720).map((point) => factorE30ToFraction(point.factorE30));
  const clampedUpdates = schedule.filter((point) => point.update?.reasons.length).length;
  console.log(
    `\nschedule (${kind}, 12 h window, update every 5 min, bounds 0.5%..10%, step 0.25%, start 1%) on ETH 2022 after the first 12 h: ` +
      `min ${percent(Math.min(...factors))}, max ${percent(Math.max(...factors))}, ` +
      `mean ${percent(factors.reduce((a, b) => a + b, 0) / factors.length)}, ${clampedUpdates} clamped updates`,
  );
}
for (const wick of eth2020Clipped.clipped) {
  console.log(
    `\nclipped: ${new Date(wick.openTimeMs).toISOString()} ${wick.field} ${wick.original} -> ${wick.replacement}`,
  );
}

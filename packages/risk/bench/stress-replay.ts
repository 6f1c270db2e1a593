/**
 * Crash-replay benchmark: a full day of 1-minute bars (1440 bars, 4 path points each) against
 * 10,000 positions, fixed and volatility-aware margin. Prints figures; the target is a replay
 * under 10 s on the 2-core reference machine.
 *
 *   pnpm --filter @bastion/risk bench:stress [--positions 10000] [--seed 7] [--data DIR]
 *
 * Runs on a seeded synthetic day (two markets, a -25% crash at noon) and, when the shared price data
 * is present (../shared/data/prices or SHARED_PRICES_DIR or --data), on the real FTX day 2022-11-09
 * (ETH + BTC, Binance perp).
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import {
  createScenarioEngine,
  type Kline,
  prepareStressScenario,
  type StressMarginChoice,
  type StressMarketSpec,
  seededRandom,
  stressMarketSpec,
} from "../src/index.js";
import { loadKlinesFile } from "../src/node.js";

const { values } = parseArgs({
  options: {
    positions: { type: "string", default: "10000" },
    seed: { type: "string", default: "7" },
    data: { type: "string" },
  },
});
const positions = Number(values.positions);
const seed = Number(values.seed);
const here = fileURLToPath(new URL(".", import.meta.url));
const pricesDir =
  values.data ?? process.env.SHARED_PRICES_DIR ?? resolve(here, "../../../../shared/data/prices");

/** A seeded 1-minute day: random walk (0.08%/min) with a 25% crash over 30 minutes at noon, half recovered by 14:00. */
function syntheticDay(start: number, startPrice: number, seedValue: number): Kline[] {
  const random = seededRandom(seedValue);
  const bars: Kline[] = [];
  let price = startPrice;
  for (let minute = 0; minute < 1440; minute++) {
    let drift = 0;
    if (minute >= 720 && minute < 750) drift = Math.log(0.75) / 30;
    if (minute >= 750 && minute < 870) drift = Math.log(1 / 0.75) / 240;
    const open = price;
    const close = open * Math.exp(drift + 0.0008 * random.normal());
    const high = Math.max(open, close) * Math.exp(Math.abs(0.0006 * random.normal()));
    const low = Math.min(open, close) * Math.exp(-Math.abs(0.0006 * random.normal()));
    const round = (value: number): number => Math.round(value * 100) / 100;
    bars.push({
      openTimeMs: start + minute * 60_000,
      open: round(open),
      high: round(high),
      low: round(low),
      close: round(close),
      volume: 1,
    });
    price = round(close);
    const last = bars.at(-1);
    if (last !== undefined) {
      last.high = Math.max(last.high, last.open, last.close);
      last.low = Math.min(last.low, last.open, last.close);
    }
  }
  return bars;
}

function bench(name: string, series: { spec: StressMarketSpec; klines: Kline[] }[]): void {
  console.log(
    `\n## ${name}: ${series.map((s) => `${s.spec.symbol} ${s.klines.length} bars`).join(", ")}, ${positions} positions, seed ${seed}`,
  );
  let t = performance.now();
  const scenario = prepareStressScenario({
    series,
    book: { count: positions, seed },
    latencySeconds: 2,
    delaySeconds: 10,
    slippageBps: 10,
  });
  console.log(`book generated and opened through previewIncrease: ${(performance.now() - t).toFixed(0)} ms`);
  const choices: [string, StressMarginChoice][] = [
    ["fixed 1%", { kind: "fixed", factorE30: 10n ** 28n }],
    ["vol-aware", { kind: "vol-aware", initialFactorE30: 10n ** 28n }],
  ];
  for (const [label, choice] of choices) {
    t = performance.now();
    const { engine } = createScenarioEngine(scenario, choice);
    const planMs = performance.now() - t;
    t = performance.now();
    const report = engine.run();
    const replayMs = performance.now() - t;
    const stats = engine.stats();
    const checksPerPoint = stats.exactChecks / report.steps;
    console.log(
      `${label.padEnd(10)} plan ${planMs.toFixed(0).padStart(5)} ms | replay ${replayMs.toFixed(0).padStart(5)} ms ` +
        `(${((replayMs * 1000) / report.steps).toFixed(0)} µs per point, ${report.steps} points) | ` +
        `${stats.exactChecks} full isLiquidatable checks (${checksPerPoint.toFixed(1)} per point), ${stats.screenRebuilds} screen rebuilds | ` +
        `${report.totals.liquidations} liquidations, ${report.totals.shortfallCount} shortfalls | ${replayMs < 10_000 ? "under" : "OVER"} 10 s`,
    );
  }
}

const start = Date.UTC(2024, 0, 2);
bench("synthetic day", [
  { spec: stressMarketSpec("ETH"), klines: syntheticDay(start, 2_500, seed) },
  { spec: stressMarketSpec("BTC"), klines: syntheticDay(start, 40_000, seed + 1) },
]);
const ftx = resolve(pricesDir, "binance_2022-11-08_10");
if (existsSync(ftx)) {
  bench("FTX day 2022-11-09 (Binance perp)", [
    { spec: stressMarketSpec("ETH"), klines: loadKlinesFile(resolve(ftx, "ETHUSDT-1m-2022-11-09.csv")) },
    { spec: stressMarketSpec("BTC"), klines: loadKlinesFile(resolve(ftx, "BTCUSDT-1m-2022-11-09.csv")) },
  ]);
} else {
  console.log(`\n(real FTX day skipped: ${ftx} not found; set SHARED_PRICES_DIR or --data)`);
}

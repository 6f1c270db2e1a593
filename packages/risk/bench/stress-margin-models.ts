/**
 * Prints the margin-model comparison of the package README: a long ETH / short BTC hedged book and a
 * same-size unhedged book (long ETH / long BTC) under isolated, cross and portfolio margin.
 *
 *   pnpm --filter @bastion/risk bench:stress-margin [--range 0.01] [--correlation 0.85] [--floor 0.002]
 *     [--leverage 10] [--eth-move -0.09] [--btc-move -0.08]
 */
import { parseArgs } from "node:util";
import {
  compareMarginModels,
  correlatedScenarioGrid,
  defaultMarketConfig,
  formatUsdE30,
  fractionToFactorE30,
  type MarginContext,
  type MarketState,
  marketPricesAt,
  openSyntheticBook,
  priceE30PerUnit,
  type SyntheticOrder,
  setUpStressMarkets,
  stressMarketSpec,
  syntheticAccount,
  usdToE30,
} from "../src/index.js";

const { values } = parseArgs({
  options: {
    range: { type: "string", default: "0.01" },
    correlation: { type: "string", default: "0.85" },
    floor: { type: "string", default: "0.002" },
    leverage: { type: "string", default: "10" },
    "eth-move": { type: "string", default: "-0.09" },
    "btc-move": { type: "string", default: "-0.08" },
  },
});
const range = Number(values.range);
const rho = Number(values.correlation);
const eth = stressMarketSpec("ETH");
const btc = stressMarketSpec("BTC");
const specs = [eth, btc];
const ethPrice = priceE30PerUnit(2_000, eth.indexToken.decimals);
const btcPrice = priceE30PerUnit(30_000, btc.indexToken.decimals);
const timestamp = 1_700_000_000n;
const leverage = Number(values.leverage);

function order(id: number, spec: typeof eth, isLong: boolean, entryPriceE30: bigint): SyntheticOrder {
  const sizeDeltaUsd = usdToE30(1_000_000);
  return {
    id,
    account: syntheticAccount(id),
    market: spec.market,
    marketSymbol: spec.symbol,
    isLong,
    collateralToken: spec.shortToken.address,
    collateralIsIndexToken: false,
    sizeDeltaUsd,
    collateralDeltaAmount: usdToE30(1_000_000 / leverage) / priceE30PerUnit(1, spec.shortToken.decimals),
    entryPriceE30,
    leverage,
  };
}

/** Price after a relative move, exact to 1e-6. */
const moved = (price: bigint, move: number): bigint =>
  (price * BigInt(Math.round((1 + move) * 1e6))) / 1_000_000n;

function book(btcLong: boolean, ethMove = 0, btcMove = 0) {
  const orders = [order(0, eth, true, ethPrice), order(1, btc, btcLong, btcPrice)];
  const markets = setUpStressMarkets({
    specs,
    orders,
    startPricesE30: [ethPrice, btcPrice],
    timestamp,
    config: defaultMarketConfig(),
  });
  const opened = openSyntheticBook(specs, markets, orders, timestamp);
  const context: MarginContext = {
    timestamp: timestamp + 60n,
    markets: specs.map((spec, index) => ({
      market: spec.market,
      symbol: spec.symbol,
      state: opened.markets[index] ?? (markets[index] as MarketState),
      prices: marketPricesAt(
        spec,
        index === 0
          ? { min: moved(ethPrice, ethMove), max: moved(ethPrice, ethMove) }
          : { min: moved(btcPrice, btcMove), max: moved(btcPrice, btcMove) },
      ),
    })),
  };
  return compareMarginModels(
    context,
    opened.positions.map((p) => p.state),
    {
      scenarioMarkets: [eth.market, btc.market],
      scenarios: correlatedScenarioGrid({
        ranges: [range, range],
        correlation: [
          [1, rho],
          [rho, 1],
        ],
      }),
      floor: {
        perPositionUsd: usdToE30(1),
        grossNotionalFactorE30: fractionToFactorE30(Number(values.floor)),
      },
    },
  );
}

const shock = { eth: Number(values["eth-move"]), btc: Number(values["btc-move"]) };
const pct = (x: number): string => `${x > 0 ? "+" : ""}${(x * 100).toFixed(0)}%`;
console.log(
  `scan range ±${(range * 100).toFixed(2)}% per market, correlation ${rho}, floor ${(Number(values.floor) * 100).toFixed(2)}% of gross, maintenance factor 1%, $1M per leg at ${leverage}x (USDC collateral)\n`,
);
console.log(
  `| book | model | requirement | % of gross | max leverage | set by | after ETH ${pct(shock.eth)}, BTC ${pct(shock.btc)}: equity - requirement |`,
);
console.log("| --- | --- | ---: | ---: | ---: | --- | ---: |");
for (const [name, btcLong] of [
  ["hedged: long ETH, short BTC", false],
  ["unhedged: long ETH, long BTC", true],
] as const) {
  const after = book(btcLong, shock.eth, shock.btc);
  book(btcLong).forEach((row, index) => {
    const shocked = after[index];
    const excess =
      shocked === undefined
        ? ""
        : row.model === "isolated"
          ? `${shocked.liquidatable ? "a position is liquidatable" : "no position liquidatable"}`
          : `${formatUsdE30(shocked.equityUsd - shocked.requirementUsd)}${shocked.liquidatable ? " (liquidatable)" : ""}`;
    console.log(
      `| ${name} | ${row.model} | ${formatUsdE30(row.requirementUsd)} | ${(row.requirementFraction * 100).toFixed(3)}% | ${row.maxLeverage.toFixed(1)}x | ${row.drivenBy ?? "sum of maintenance margins"} | ${excess} |`,
    );
  });
}

import {
  type MarketFeeds,
  type MarketPrices,
  type MarketState,
  type OracleSettings,
  type ParsedPythPrice,
  priceRangesFromPyth,
  readMarketFeeds,
  readOracleAddress,
  readOracleSettings,
} from "@bastion/risk";
import {
  type ExchangeSettings,
  getMarkets,
  getSettings,
  type MarketInfo,
  type PythPrice,
} from "@bastion/sdk";
import type { Address, Chain, Hex, PublicClient, Transport } from "viem";

/** A market as the keeper knows it: identity, feeds, and its state at the last read. */
export interface MarketEntry {
  address: Address;
  /** e.g. `WETH/USD` from the index token's symbol, for logs and metric labels. */
  label: string;
  info: MarketInfo;
  feeds: MarketFeeds;
}

/**
 * Markets, their Pyth feeds, the oracle's settings and the exchange's settings: what every component
 * needs to pick update data and to turn Pyth prices into the contracts' price ranges.
 */
export interface MarketRegistry {
  readonly markets: readonly MarketEntry[];
  readonly oracle: Address;
  readonly oracleSettings: OracleSettings;
  readonly settings: ExchangeSettings;
  market(address: Address): MarketEntry | undefined;
  /** Every feed id any market needs. */
  feedIds(): Hex[];
  /**
   * The market's price ranges for Pyth prices, exactly as the oracle computes them (risk mirror of
   * `OracleMath`). Throws the contract's error (`PriceFeedNotFoundWithinRange`, `ConfidenceTooWide`...).
   */
  pricesFor(market: Address, prices: readonly PythPrice[]): MarketPrices;
  /** Re-reads everything. */
  reload(): Promise<void>;
}

/** Loads a {@link MarketRegistry}: a handful of multicalls through the SDK and the risk readers. */
export async function loadMarketRegistry(
  publicClient: PublicClient<Transport, Chain>,
  exchange: Address,
  configuredOracle: Address | undefined,
): Promise<MarketRegistry> {
  const oracle = configuredOracle ?? (await readOracleAddress(publicClient, { exchange }));
  let markets: MarketEntry[] = [];
  let oracleSettings: OracleSettings;
  let settings: ExchangeSettings;
  const load = async () => {
    const [infos, nextOracleSettings, nextSettings] = await Promise.all([
      getMarkets(publicClient, { exchange }),
      readOracleSettings(publicClient, { oracle }),
      getSettings(publicClient, { exchange }),
    ]);
    const feeds = await Promise.all(
      infos.map((info) =>
        readMarketFeeds(publicClient, {
          oracle,
          market: {
            indexToken: info.indexToken.address,
            longToken: info.longToken.address,
            shortToken: info.shortToken.address,
          },
        }),
      ),
    );
    markets = infos.map((info, i) => ({
      address: info.address,
      label: `${info.indexToken.symbol}/USD`,
      info,
      feeds: feeds[i] as MarketFeeds,
    }));
    oracleSettings = nextOracleSettings;
    settings = nextSettings;
  };
  await load();
  const registry: MarketRegistry = {
    get markets() {
      return markets;
    },
    oracle,
    get oracleSettings() {
      return oracleSettings;
    },
    get settings() {
      return settings;
    },
    market: (address) => markets.find((m) => m.address.toLowerCase() === address.toLowerCase()),
    feedIds() {
      const ids = new Set<Hex>();
      for (const m of markets)
        for (const feed of [m.feeds.index, m.feeds.long, m.feeds.short]) ids.add(feed.feedId);
      return [...ids];
    },
    pricesFor(address, prices) {
      const entry = registry.market(address);
      if (entry === undefined) throw new Error(`unknown market ${address}`);
      return priceRangesFromPyth(prices.map(toParsed), entry.feeds, oracleSettings);
    },
    reload: load,
  };
  return registry;
}

/** The mirror's market state shape from the SDK's market info (tokens as addresses). */
export function toMarketState(info: MarketInfo): MarketState {
  return {
    indexToken: info.indexToken.address,
    longToken: info.longToken.address,
    shortToken: info.shortToken.address,
    paused: info.paused,
    adlActiveLong: info.adlActiveLong,
    adlActiveShort: info.adlActiveShort,
    maintenanceMarginFactor: info.maintenanceMarginFactor,
    maintenanceMarginUpdatedAt: info.maintenanceMarginUpdatedAt,
    config: info.config,
    balances: info.balances,
    openInterest: info.openInterest,
    rates: info.rates,
    ledger: info.ledger,
  };
}

function toParsed(price: PythPrice): ParsedPythPrice {
  return {
    id: price.feedId,
    price: { price: price.price, conf: price.conf, expo: price.expo, publish_time: price.publishTime },
  };
}

import type { Devchain } from "@bastion/devchain";
import type { PriceService, PriceServiceOptions } from "@bastion/price-service";
import type { LocalClients, LocalWallet } from "./chain/clients.js";
import type { PoolSeed } from "./chain/seedPools.js";
import type { LocalPriceSource } from "./prices/startLocalPriceService.js";

/** Default ports: anvil's, the price service's, Vite's and Prometheus exporters' usual ones. */
export const DEFAULT_PORTS = { chain: 8545, price: 8787, web: 5173, keeperMetrics: 9464 } as const;

/** Liquidity the dev LP puts in each pool by default, USD (half long token, half USDC). */
export const DEFAULT_POOL_USD = 10_000_000n;

/** Options of `startLocalnet`. Ports set to 0 pick free ones. */
export interface StartLocalnetOptions {
  /** Chain RPC (anvil). Default 8545. */
  chainPort?: number;
  /** Price service (Hermes-compatible). Default 8787. */
  pricePort?: number;
  /** Web app. Default 5173. */
  webPort?: number;
  /** Keeper's Prometheus metrics. Default 9464. */
  keeperMetricsPort?: number;
  /** Interface every service listens on. Default 127.0.0.1. */
  host?: string;
  /** Where prices come from: kline replays and speed, or the seeded random walk (default). */
  prices?: LocalPriceSource;
  /** Serve the web app. Default true. */
  web?: boolean;
  /** The built web app to serve. Default `$BASTION_WEB_DIST` or the workspace's `apps/web/dist`. */
  webDist?: string;
  /** Run the keeper. Default true. */
  keeper?: boolean;
  /** Liquidity per pool in whole USD. Default {@link DEFAULT_POOL_USD}. */
  poolUsd?: bigint;
  /** Progress messages ("seeding pools..."). Default: none. */
  log?: (message: string) => void;
  /** The services' own logs on stderr. Default "silent". */
  serviceLogs?: "silent" | "warn" | "info";
  /** Aborting stops what was started and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Steps other modes (the crash replay) plug in. */
  hooks?: LocalnetHooks;
}

/** What a hook can use: the chain, its clients and the dev wallets. */
export interface LocalnetHookContext {
  devchain: Devchain;
  clients: LocalClients;
  deployer: LocalWallet;
  keeper: LocalWallet;
  /** Executes requests outside the keeper (holds the keeper roles too). */
  secondKeeper: LocalWallet;
  lp: LocalWallet;
}

/** Extension points used by the crash replay. */
export interface LocalnetHooks {
  /** More price service options (a stepped clock, zero confidence, start prices). */
  priceService?: Partial<PriceServiceOptions>;
  /** Runs once the chain is up, before the price service starts (e.g. freezes the chain's clock). */
  afterChain?(context: LocalnetHookContext): Promise<void>;
  /** Runs once the price service is up, before the accounts are funded (e.g. sets manual prices). */
  afterPriceService?(context: LocalnetHookContext & { priceService: PriceService }): Promise<void>;
  /** The liquidity to seed instead of {@link DEFAULT_POOL_USD} per pool. */
  poolSeeds?(context: LocalnetHookContext & { priceService: PriceService }): Promise<readonly PoolSeed[]>;
  /** Runs after the pools are seeded and before the keeper starts. */
  beforeKeeper?(context: LocalnetHookContext & { priceService: PriceService }): Promise<void>;
  /** More keeper configuration (e.g. `{ margin: "off" }`), over the local exchange's. */
  keeper?: Readonly<Record<string, unknown>>;
}

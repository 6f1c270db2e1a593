import { type Deployment, pythOracleAbi } from "@bastion/contracts";
import { getMarkets, type MarketInfo } from "@bastion/sdk";
import type { Address, Chain, Client, Hex, Transport } from "viem";
import { readContract } from "viem/actions";

/** A token as the web app's config.json describes it. */
export interface WebTokenConfig {
  symbol: string;
  address: Address;
  decimals: number;
}

/** One market of the web app's config.json. */
export interface WebMarketConfig {
  /** e.g. "ETH/USD". */
  symbol: string;
  /** The market's pool token address. */
  address: Address;
  pythPriceFeedId: Hex;
  indexToken: WebTokenConfig;
  longToken: WebTokenConfig;
  shortToken: WebTokenConfig;
}

/**
 * The web app's `/config.json` (see apps/web/src/config/appConfigSchema.ts, a strict schema: only
 * these fields).
 */
export interface WebAppConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  priceServiceUrl: string;
  contracts: Record<string, Address>;
  markets: WebMarketConfig[];
}

/** Parameters of {@link buildWebConfig}. */
export interface BuildWebConfigParameters {
  client: Client<Transport, Chain | undefined>;
  deployment: Deployment;
  /** The chain RPC URL the browser uses. */
  rpcUrl: string;
  /** The price service URL the browser uses. */
  priceServiceUrl: string;
  chainName?: string;
}

/** "WETH" -> "ETH": the wrapped token's underlying symbol, for the market's name. */
export function underlyingSymbol(tokenSymbol: string): string {
  return /^W[A-Z0-9]{2,}$/.test(tokenSymbol) ? tokenSymbol.slice(1) : tokenSymbol;
}

function token(info: MarketInfo["indexToken"]): WebTokenConfig {
  return { symbol: info.symbol, address: info.address, decimals: info.decimals };
}

/**
 * Builds the web app's config.json from the chain: every market of the exchange with its tokens
 * (symbols and decimals read from the token contracts) and the Pyth feed of its index token (read
 * from the oracle adapter), plus the deployment's addresses.
 *
 * @example
 * const config = await buildWebConfig({ client, deployment, rpcUrl, priceServiceUrl });
 * JSON.stringify(config); // what the web server answers at /config.json
 */
export async function buildWebConfig(parameters: BuildWebConfigParameters): Promise<WebAppConfig> {
  const { client, deployment } = parameters;
  const markets = await getMarkets(client, { exchange: deployment.exchange });
  const feeds = await Promise.all(
    markets.map(async (market) => {
      const feed = await readContract(client, {
        address: deployment.oracle,
        abi: pythOracleAbi,
        functionName: "feedConfig",
        args: [market.indexToken.address],
      });
      return feed.feedId as Hex;
    }),
  );
  const { chainId, ...addresses } = deployment;
  return {
    chainId,
    chainName: parameters.chainName ?? "Anvil (local)",
    rpcUrl: parameters.rpcUrl,
    priceServiceUrl: parameters.priceServiceUrl,
    contracts: { ...addresses },
    markets: markets.map((market, index) => ({
      symbol: `${underlyingSymbol(market.indexToken.symbol)}/USD`,
      address: market.address,
      pythPriceFeedId: feeds[index] as Hex,
      indexToken: token(market.indexToken),
      longToken: token(market.longToken),
      shortToken: token(market.shortToken),
    })),
  };
}

import { exchangeAbi, poolTokenAbi } from "@bastion/contracts";
import { type Address, type Chain, type Client, erc20Abi, isAddressEqual, type Transport } from "viem";
import { decodeBastionError } from "../errors/decodeBastionError.js";
import { UnknownMarketError } from "../errors/errors.js";
import type {
  BadDebtLedger,
  MarketConfig,
  MarketState,
  OpenInterest,
  PoolBalances,
  RateState,
  TokenInfo,
} from "../types.js";
import { type Call, readMany } from "./read.js";

/** A market with its tokens resolved and its pool token's supply. */
export interface MarketInfo {
  /** The market id: its pool token (LP shares and vault) address. */
  address: Address;
  /** The LP share token (18 decimals). */
  poolToken: TokenInfo & { name: string };
  /** LP shares in existence (18 decimals). */
  totalSupply: bigint;
  indexToken: TokenInfo;
  longToken: TokenInfo;
  shortToken: TokenInfo;
  /** New deposits and increases are paused (withdrawals, decreases and liquidations stay open). */
  paused: boolean;
  adlActiveLong: boolean;
  adlActiveShort: boolean;
  /** Maintenance margin factor, 30 decimals. */
  maintenanceMarginFactor: bigint;
  /** Unix seconds. */
  maintenanceMarginUpdatedAt: bigint;
  config: MarketConfig;
  balances: PoolBalances;
  openInterest: OpenInterest;
  rates: RateState;
  /** Cumulative bad debt: total shortfall, covered by insurance, absorbed by LPs, count. */
  ledger: BadDebtLedger;
}

/** Loads markets in two multicalls: their state and pool tokens, then their tokens' symbols and decimals. */
export async function loadMarkets(
  client: Client<Transport, Chain | undefined>,
  exchange: Address,
  markets: readonly Address[],
  blockNumber?: bigint,
): Promise<MarketInfo[]> {
  if (markets.length === 0) return [];
  const calls: Call[] = markets.flatMap((market) => [
    { address: exchange, abi: exchangeAbi, functionName: "getMarket", args: [market] },
    { address: market, abi: poolTokenAbi, functionName: "totalSupply" },
    { address: market, abi: poolTokenAbi, functionName: "name" },
    { address: market, abi: poolTokenAbi, functionName: "symbol" },
    { address: market, abi: poolTokenAbi, functionName: "decimals" },
  ]);
  let results: unknown[];
  try {
    results = await readMany(client, calls, { blockNumber });
  } catch (error) {
    const decoded = decodeBastionError(error);
    if (decoded.name === "MarketNotFound") throw new UnknownMarketError(decoded.args[0] as Address, exchange);
    throw error;
  }
  const states = markets.map((_, i) => results[i * 5] as MarketState);
  const tokens = [
    ...new Set(states.flatMap((state) => [state.indexToken, state.longToken, state.shortToken])),
  ] as Address[];
  const tokenResults = await readMany(
    client,
    tokens.flatMap((token) => [
      { address: token, abi: erc20Abi, functionName: "symbol" },
      { address: token, abi: erc20Abi, functionName: "decimals" },
    ]),
    { blockNumber },
  );
  const tokenInfo = (address: Address): TokenInfo => {
    const index = tokens.findIndex((token) => isAddressEqual(token, address));
    return {
      address,
      symbol: tokenResults[index * 2] as string,
      decimals: Number(tokenResults[index * 2 + 1]),
    };
  };
  return markets.map((market, i) => {
    const state = states[i] as MarketState;
    return {
      address: market,
      poolToken: {
        address: market,
        name: results[i * 5 + 2] as string,
        symbol: results[i * 5 + 3] as string,
        decimals: Number(results[i * 5 + 4]),
      },
      totalSupply: results[i * 5 + 1] as bigint,
      indexToken: tokenInfo(state.indexToken),
      longToken: tokenInfo(state.longToken),
      shortToken: tokenInfo(state.shortToken),
      paused: state.paused,
      adlActiveLong: state.adlActiveLong,
      adlActiveShort: state.adlActiveShort,
      maintenanceMarginFactor: state.maintenanceMarginFactor,
      maintenanceMarginUpdatedAt: state.maintenanceMarginUpdatedAt,
      config: state.config,
      balances: state.balances,
      openInterest: state.openInterest,
      rates: state.rates,
      ledger: state.ledger,
    };
  });
}

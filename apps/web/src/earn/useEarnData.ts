import type { MarketPrices, MarketState } from "@bastion/risk";
import type { MarketInfo } from "@bastion/sdk";
import { toMarketState } from "../chain/marketState";
import { useTokenBalances } from "../chain/useAccountData";
import { useChainMarket } from "../chain/useChainMarkets";
import { useExchangeSettings } from "../chain/useExchangeSettings";
import { useExecutionTimestamp } from "../chain/useNow";
import type { MarketConfig } from "../config/appConfigSchema";
import { useErrorContext } from "../errors/useErrorContext";
import { useMarketPrices } from "../prices/useMarketPrices";
import { useSigningClient } from "../wallet/useSigningClient";

export type EarnData = {
  market: MarketConfig;
  info: MarketInfo | undefined;
  state: MarketState | undefined;
  prices: MarketPrices | undefined;
  timestamp: bigint;
  account: `0x${string}` | undefined;
  /** Wallet balances: long token, short token and pool shares, by lower-case address. */
  balances: ReadonlyMap<string, bigint> | undefined;
  executionFee: bigint | undefined;
  errorContext: ReturnType<typeof useErrorContext>;
  priceError: unknown;
  chainError: unknown;
};

/** What the deposit and withdrawal forms need about the pool and the wallet. */
export function useEarnData(market: MarketConfig): EarnData {
  const { account } = useSigningClient();
  const chainMarket = useChainMarket(market.address);
  const marketPrices = useMarketPrices(market);
  const timestamp = useExecutionTimestamp();
  const settings = useExchangeSettings();
  const balances = useTokenBalances(account, [
    market.longToken.address,
    market.shortToken.address,
    market.address,
  ]);
  const info = chainMarket.data;
  return {
    market,
    info,
    state: info === undefined ? undefined : toMarketState(info),
    prices: marketPrices.prices,
    timestamp,
    account,
    balances: balances.balances,
    executionFee: settings.data?.minExecutionFee,
    errorContext: useErrorContext(market),
    priceError: marketPrices.error,
    chainError: chainMarket.error,
  };
}

/** A balance by token address (0 when the wallet holds none, undefined before it is known). */
export function balanceOf(data: EarnData, token: `0x${string}`): bigint | undefined {
  return data.balances?.get(token.toLowerCase());
}

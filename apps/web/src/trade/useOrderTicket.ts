import type { OrderPreview, PositionState } from "@bastion/risk";
import { useMemo, useState } from "react";
import { isAddressEqual } from "viem";
import { toMarketState } from "../chain/marketState";
import { useAccountPositions, useEthBalance, useTokenBalances } from "../chain/useAccountData";
import { useChainMarket } from "../chain/useChainMarkets";
import { useExchangeSettings } from "../chain/useExchangeSettings";
import { useExecutionTimestamp } from "../chain/useNow";
import type { MarketConfig } from "../config/appConfigSchema";
import { useErrorContext } from "../errors/useErrorContext";
import { useMarketPrices } from "../prices/useMarketPrices";
import { useSigningClient } from "../wallet/useSigningClient";
import {
  collateralTokenOf,
  DEFAULT_ORDER_FORM,
  isIncreaseKind,
  type OrderFormValues,
  parseOrderForm,
} from "./orderForm";
import { previewIncreaseOrder } from "./orderPreview";
import { validateOrder } from "./validateOrder";

/**
 * Everything the order form shows, derived from what was typed and the live chain and prices:
 * the parsed numbers, the mirror's preview and every reason the order could not be sent yet.
 */
export function useOrderTicket(market: MarketConfig) {
  const [values, setValues] = useState<OrderFormValues>(DEFAULT_ORDER_FORM);
  const update = (patch: Partial<OrderFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const errorContext = useErrorContext(market);
  const { account } = useSigningClient();
  const chainMarket = useChainMarket(market.address);
  const marketPrices = useMarketPrices(market);
  const timestamp = useExecutionTimestamp();
  const positions = useAccountPositions(account);
  const settings = useExchangeSettings();
  const collateralToken = collateralTokenOf(market, values.collateral);
  const balances = useTokenBalances(account, [collateralToken.address]);
  const eth = useEthBalance(account);

  const parsed = useMemo(() => parseOrderForm(values, market), [values, market]);
  const state = useMemo(
    () => (chainMarket.data === undefined ? undefined : toMarketState(chainMarket.data)),
    [chainMarket.data],
  );
  const isLong = values.side === "long";
  const position: PositionState | undefined = positions.data?.find(
    (candidate) =>
      isAddressEqual(candidate.market, market.address) &&
      isAddressEqual(candidate.collateralToken, collateralToken.address) &&
      candidate.isLong === isLong,
  );
  const prices = marketPrices.prices;
  const increase = isIncreaseKind(values.kind);

  const preview: OrderPreview | undefined = useMemo(() => {
    if (!increase || state === undefined || prices === undefined) return undefined;
    const { collateralAmount, slippageBps, leverage, sizeUsd } = parsed;
    if (collateralAmount === undefined || collateralAmount === 0n || slippageBps === undefined)
      return undefined;
    if (leverage === undefined && sizeUsd === undefined) return undefined;
    if (values.kind === "limit" && parsed.triggerPrice === undefined) return undefined;
    try {
      return previewIncreaseOrder({
        state,
        marketAddress: market.address,
        account,
        position,
        prices,
        timestamp,
        isLong,
        collateralToken: collateralToken.address,
        collateralAmount,
        size: leverage !== undefined ? { leverage } : { sizeDeltaUsd: sizeUsd ?? 0n },
        slippageBps,
        triggerPrice: values.kind === "limit" ? parsed.triggerPrice : undefined,
      });
    } catch {
      // Numbers the mirror cannot evaluate at all (absurd sizes): no preview; validation says why.
      return undefined;
    }
  }, [
    increase,
    state,
    prices,
    parsed,
    values.kind,
    market.address,
    account,
    position,
    timestamp,
    isLong,
    collateralToken.address,
  ]);

  const problems = validateOrder({
    kind: values.kind,
    side: values.side,
    market,
    paused: chainMarket.data?.paused ?? false,
    risk: chainMarket.data?.config.risk ?? {
      minCollateralFactor: 0n,
      minCollateralUsd: 0n,
      minPositionSizeUsd: 0n,
    },
    parsed,
    preview,
    collateralToken,
    collateralBalance: balances.balances?.get(collateralToken.address.toLowerCase()),
    ethBalance: eth.data?.value,
    executionFee: settings.data?.minExecutionFee,
    position,
    indexPrice: prices === undefined ? undefined : isLong ? prices.index.max : prices.index.min,
    errorContext,
  });

  return {
    values,
    update,
    reset: () => setValues((current) => ({ ...DEFAULT_ORDER_FORM, side: current.side, kind: current.kind })),
    parsed,
    preview,
    problems,
    position,
    state,
    prices,
    priceError: marketPrices.error,
    chainError: chainMarket.error,
    collateralToken,
    collateralBalance: balances.balances?.get(collateralToken.address.toLowerCase()),
    executionFee: settings.data?.minExecutionFee,
    account,
    errorContext,
  };
}

export type OrderTicket = ReturnType<typeof useOrderTicket>;

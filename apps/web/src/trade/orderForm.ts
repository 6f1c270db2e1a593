import type { OrderTypeName } from "@bastion/sdk";
import type { MarketConfig, TokenConfig } from "../config/appConfigSchema";
import { pow10 } from "../format/decimalString";
import { FACTOR_ONE } from "../format/formatFactor";
import { USD_DECIMALS } from "../format/formatUsd";
import { parseDecimal } from "../format/parseDecimal";

export type OrderSide = "long" | "short";
/** Market and limit orders open or grow a position; take-profit and stop-loss close one at a trigger. */
export type OrderKind = "market" | "limit" | "take-profit" | "stop-loss";
export type SizeMode = "leverage" | "size";
export type CollateralChoice = "long" | "short";

/** What the order form holds: text as typed (parsed exactly, never through floats). */
export type OrderFormValues = {
  side: OrderSide;
  kind: OrderKind;
  collateral: CollateralChoice;
  collateralAmount: string;
  sizeMode: SizeMode;
  /** Leverage in x ("5" = 5x). */
  leverage: string;
  /** Position size in USD. */
  sizeUsd: string;
  /** Slippage tolerance in percent ("0.3"). */
  slippagePercent: string;
  /** Trigger price, USD per whole index token. */
  triggerPrice: string;
  /** Take-profit / stop-loss: USD of the position to close (empty: all of it). */
  closeSizeUsd: string;
};

export const DEFAULT_ORDER_FORM: OrderFormValues = {
  side: "long",
  kind: "market",
  collateral: "short",
  collateralAmount: "",
  sizeMode: "leverage",
  leverage: "5",
  sizeUsd: "",
  slippagePercent: "0.3",
  triggerPrice: "",
  closeSizeUsd: "",
};

/** The contract's order type for a form. */
export function orderTypeOf(kind: OrderKind): OrderTypeName {
  switch (kind) {
    case "market":
      return "MarketIncrease";
    case "limit":
      return "LimitIncrease";
    case "take-profit":
      return "LimitDecrease";
    case "stop-loss":
      return "StopLossDecrease";
  }
}

export function isIncreaseKind(kind: OrderKind): boolean {
  return kind === "market" || kind === "limit";
}

export function collateralTokenOf(market: MarketConfig, choice: CollateralChoice): TokenConfig {
  return choice === "long" ? market.longToken : market.shortToken;
}

/** Largest slippage the form accepts (5%): beyond it a typo could give away a lot. */
export const MAX_SLIPPAGE_BPS = 500n;

export type FieldName =
  | "collateralAmount"
  | "leverage"
  | "sizeUsd"
  | "slippagePercent"
  | "triggerPrice"
  | "closeSizeUsd";

/** The form's numbers in contract units, and what could not be read. */
export type ParsedOrderForm = {
  collateralAmount: bigint | undefined;
  /** 30-decimal factor: 5x is 5e30. */
  leverage: bigint | undefined;
  sizeUsd: bigint | undefined;
  slippageBps: bigint | undefined;
  /** Unit price (USD 30 decimals per smallest index token unit). */
  triggerPrice: bigint | undefined;
  closeSizeUsd: bigint | undefined;
  fieldErrors: Partial<Record<FieldName, string>>;
};

/** Reads the form's text into contract units (exactly), collecting a sentence per unreadable field. */
export function parseOrderForm(values: OrderFormValues, market: MarketConfig): ParsedOrderForm {
  const fieldErrors: Partial<Record<FieldName, string>> = {};
  const increase = isIncreaseKind(values.kind);
  const read = (field: FieldName, text: string, decimals: number, required: boolean): bigint | undefined => {
    const parsed = parseDecimal(text, decimals);
    if (parsed.ok) return parsed.value;
    if (parsed.reason !== "empty" || required) fieldErrors[field] = parsed.message;
    return undefined;
  };
  const collateralToken = collateralTokenOf(market, values.collateral);
  const collateralAmount = increase
    ? read("collateralAmount", values.collateralAmount, collateralToken.decimals, false)
    : undefined;
  const leverage =
    increase && values.sizeMode === "leverage"
      ? read("leverage", values.leverage, USD_DECIMALS, false)
      : undefined;
  const sizeUsd =
    increase && values.sizeMode === "size" ? read("sizeUsd", values.sizeUsd, USD_DECIMALS, false) : undefined;
  // Basis points: 0.3% is 30 bps, so percent with two decimals.
  const slippageBps = read("slippagePercent", values.slippagePercent, 2, true);
  if (slippageBps !== undefined && (slippageBps === 0n || slippageBps > MAX_SLIPPAGE_BPS)) {
    fieldErrors.slippagePercent = "Slippage must be between 0.01% and 5%.";
  }
  let triggerPrice: bigint | undefined;
  if (values.kind !== "market") {
    const parsed = parseDecimal(values.triggerPrice, 8);
    if (parsed.ok && parsed.value > 0n)
      triggerPrice = wholeTokenPriceToUnitPrice(parsed.value, 8, market.indexToken.decimals);
    else if (!parsed.ok && parsed.reason !== "empty") fieldErrors.triggerPrice = parsed.message;
  }
  const closeSizeUsd = increase ? undefined : read("closeSizeUsd", values.closeSizeUsd, USD_DECIMALS, false);
  if (leverage !== undefined && leverage < FACTOR_ONE) fieldErrors.leverage = "Leverage must be at least 1x.";
  return {
    collateralAmount,
    leverage,
    sizeUsd,
    slippageBps: fieldErrors.slippagePercent === undefined ? slippageBps : undefined,
    triggerPrice,
    closeSizeUsd,
    fieldErrors,
  };
}

/**
 * A price per whole token with `priceDecimals` decimals ("3000.5" read with 8) as the contracts'
 * unit price: USD with 30 decimals per smallest token unit, rounded down.
 */
export function wholeTokenPriceToUnitPrice(
  price: bigint,
  priceDecimals: number,
  tokenDecimals: number,
): bigint {
  return (price * pow10(USD_DECIMALS - priceDecimals)) / pow10(tokenDecimals);
}

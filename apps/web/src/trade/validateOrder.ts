import { FixedPoint, type OrderPreview, type PositionState } from "@bastion/risk";
import type { MarketConfig, TokenConfig } from "../config/appConfigSchema";
import { describeMirrorRevert } from "../errors/describeMirrorRevert";
import type { ErrorContext } from "../errors/ErrorDescription";
import { FACTOR_ONE } from "../format/formatFactor";
import { formatLeverage } from "../format/formatLeverage";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import {
  type FieldName,
  isIncreaseKind,
  type OrderKind,
  type OrderSide,
  type ParsedOrderForm,
} from "./orderForm";

/** One reason the order cannot be sent yet, in words; `field` points at the input to fix. */
export type OrderProblem = { field: FieldName | "form"; message: string };

export type ValidateOrderInput = {
  kind: OrderKind;
  side: OrderSide;
  market: MarketConfig;
  /** The chain's market flags and limits. */
  paused: boolean;
  risk: { minCollateralFactor: bigint; minCollateralUsd: bigint; minPositionSizeUsd: bigint };
  parsed: ParsedOrderForm;
  /** Increase orders: the mirror's preview, when the numbers allow one. */
  preview: OrderPreview | undefined;
  collateralToken: TokenConfig;
  /** Collateral token balance of the account (undefined before it is known). */
  collateralBalance: bigint | undefined;
  ethBalance: bigint | undefined;
  executionFee: bigint | undefined;
  /** Take-profit / stop-loss: the position it closes. */
  position: PositionState | undefined;
  /** The index price now (unit price, the side the contract uses for the order). */
  indexPrice: bigint | undefined;
  errorContext: ErrorContext;
};

/** Highest leverage a market allows when opening: 1 / minCollateralFactor (2% -> 50x). */
export function maxLeverage(minCollateralFactor: bigint): bigint {
  return minCollateralFactor === 0n ? 0n : (FACTOR_ONE * FACTOR_ONE) / minCollateralFactor;
}

/**
 * Everything that would make the order fail, found before anything is sent: unreadable numbers,
 * a paused market, balance, minimum size and collateral, maximum leverage, trigger prices on the
 * wrong side, and whatever the mirror says the contract would refuse (in the contract's words).
 */
export function validateOrder(input: ValidateOrderInput): OrderProblem[] {
  const { kind, side, market, parsed, preview } = input;
  const problems: OrderProblem[] = Object.entries(parsed.fieldErrors).map(([field, message]) => ({
    field: field as FieldName,
    message,
  }));
  const increase = isIncreaseKind(kind);
  const isLong = side === "long";

  if (increase && input.paused) {
    problems.push({
      field: "form",
      message: `${market.symbol} is paused: new positions and increases are not accepted right now. Closing and withdrawals still work.`,
    });
  }

  if (
    kind !== "market" &&
    parsed.triggerPrice === undefined &&
    parsed.fieldErrors.triggerPrice === undefined
  ) {
    problems.push({ field: "triggerPrice", message: "Enter the trigger price." });
  }

  if (increase) {
    if (parsed.collateralAmount === undefined || parsed.collateralAmount === 0n) {
      if (parsed.fieldErrors.collateralAmount === undefined) {
        problems.push({ field: "collateralAmount", message: "Enter the collateral amount." });
      }
    } else if (input.collateralBalance !== undefined && parsed.collateralAmount > input.collateralBalance) {
      const token = input.collateralToken;
      const amount = (value: bigint) => formatTokenAmount(value, token.decimals, { symbol: token.symbol });
      problems.push({
        field: "collateralAmount",
        message: `Insufficient balance: you have ${amount(input.collateralBalance)}, this order needs ${amount(parsed.collateralAmount)}.`,
      });
    }
    const max = maxLeverage(input.risk.minCollateralFactor);
    if (parsed.leverage !== undefined && max > 0n && parsed.leverage > max) {
      problems.push({
        field: "leverage",
        message: `Leverage above the maximum: ${market.symbol} allows at most ${formatLeverage(max)}.`,
      });
    }
    if (preview !== undefined && preview.sizeDeltaUsd > 0n) {
      if (preview.sizeDeltaUsd < input.risk.minPositionSizeUsd) {
        problems.push({
          field: parsed.leverage === undefined ? "sizeUsd" : "leverage",
          message: `Below the minimum size: a position must be at least ${formatUsd(input.risk.minPositionSizeUsd)} (this one is ${formatUsd(preview.sizeDeltaUsd)}).`,
        });
      }
      if (preview.collateralUsd < input.risk.minCollateralUsd) {
        problems.push({
          field: "collateralAmount",
          message: `Below the minimum collateral of ${formatUsd(input.risk.minCollateralUsd)}.`,
        });
      }
      const effectiveLeverage =
        preview.collateralUsd === 0n
          ? 0n
          : FixedPoint.mulDivDown(preview.sizeDeltaUsd, FACTOR_ONE, preview.collateralUsd);
      if (parsed.leverage === undefined && max > 0n && effectiveLeverage > max) {
        problems.push({
          field: "sizeUsd",
          message: `Leverage above the maximum: this size is ${formatLeverage(effectiveLeverage)} your collateral; ${market.symbol} allows at most ${formatLeverage(max)}.`,
        });
      }
      const alreadyReported = problems.some(
        (problem) => problem.field !== "form" && problem.field !== "triggerPrice",
      );
      if (!preview.opening.ok && !alreadyReported) {
        const description = describeMirrorRevert(preview.opening.reason, input.errorContext);
        problems.push({ field: "form", message: `${description.title}: ${description.detail}` });
      }
    } else if (
      preview !== undefined &&
      parsed.collateralAmount !== undefined &&
      parsed.collateralAmount > 0n
    ) {
      if (parsed.fieldErrors.leverage === undefined && parsed.fieldErrors.sizeUsd === undefined) {
        problems.push({
          field: parsed.leverage === undefined ? "sizeUsd" : "leverage",
          message: "Enter a size or a leverage.",
        });
      }
    }
  } else {
    const position = input.position;
    if (position === undefined || position.sizeUsd === 0n) {
      problems.push({
        field: "form",
        message: `You have no open ${side} ${market.symbol} position with this collateral to ${kind === "take-profit" ? "take profit on" : "protect with a stop-loss"}.`,
      });
    } else if (parsed.closeSizeUsd !== undefined && parsed.closeSizeUsd > position.sizeUsd) {
      problems.push({
        field: "closeSizeUsd",
        message: `The position is only ${formatUsd(position.sizeUsd)}; close at most that.`,
      });
    }
    if (parsed.triggerPrice !== undefined && input.indexPrice !== undefined) {
      const above = parsed.triggerPrice > input.indexPrice;
      const mustBeAbove = (kind === "take-profit") === isLong;
      if (above !== mustBeAbove) {
        problems.push({
          field: "triggerPrice",
          message: `A ${kind === "take-profit" ? "take-profit" : "stop-loss"} on a ${side} must be ${mustBeAbove ? "above" : "below"} the current price (${formatTokenPriceUsd(input.indexPrice, market.indexToken.decimals)}).`,
        });
      }
    }
  }

  if (
    input.ethBalance !== undefined &&
    input.executionFee !== undefined &&
    input.ethBalance < input.executionFee
  ) {
    problems.push({
      field: "form",
      message: `Not enough ETH: the keeper's execution fee is ${formatTokenAmount(input.executionFee, 18, { symbol: "ETH" })}, plus gas.`,
    });
  }
  return problems;
}

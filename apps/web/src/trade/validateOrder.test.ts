// @vitest-environment node
import { accruedRates, isLiquidatable } from "@bastion/risk";
import { describe, expect, it } from "vitest";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import {
  ethMarketState,
  ethUnitPrice,
  FIXTURE_TIMESTAMP,
  fixedPrices,
  ethMarketConfig as market,
  positionState,
} from "../test/marketFixture";
import { getDevAccount } from "../wallet/devAccounts";
import { DEFAULT_ORDER_FORM, type OrderFormValues, parseOrderForm } from "./orderForm";
import { previewIncreaseOrder } from "./orderPreview";
import { maxLeverage, type ValidateOrderInput, validateOrder } from "./validateOrder";

const trader = getDevAccount(3).address;
const state = ethMarketState();
const prices = fixedPrices();
const USD = 10n ** 30n;

function check(values: Partial<OrderFormValues>, extra: Partial<ValidateOrderInput> = {}) {
  const form = { ...DEFAULT_ORDER_FORM, ...values };
  const parsed = parseOrderForm(form, market);
  const increase = form.kind === "market" || form.kind === "limit";
  const preview =
    increase &&
    parsed.collateralAmount !== undefined &&
    parsed.slippageBps !== undefined &&
    (parsed.leverage !== undefined || parsed.sizeUsd !== undefined)
      ? previewIncreaseOrder({
          state,
          marketAddress: market.address,
          account: trader,
          position: undefined,
          prices,
          timestamp: FIXTURE_TIMESTAMP,
          isLong: form.side === "long",
          collateralToken: market.shortToken.address,
          collateralAmount: parsed.collateralAmount,
          size:
            parsed.leverage !== undefined
              ? { leverage: parsed.leverage }
              : { sizeDeltaUsd: parsed.sizeUsd ?? 0n },
          slippageBps: parsed.slippageBps,
          triggerPrice: parsed.triggerPrice,
        })
      : undefined;
  return {
    preview,
    problems: validateOrder({
      kind: form.kind,
      side: form.side,
      market,
      paused: false,
      risk: state.config.risk,
      parsed,
      preview,
      collateralToken: market.shortToken,
      collateralBalance: 5_000n * 10n ** 6n,
      ethBalance: 10n ** 18n,
      executionFee: 10n ** 14n,
      position: undefined,
      indexPrice: prices.index.max,
      errorContext: { markets: [market], market },
      ...extra,
    }),
  };
}

describe("order preview", () => {
  it("previews a 10x long exactly: entry with impact, fee, acceptable price and liquidation price", () => {
    const { preview, problems } = check({ collateralAmount: "1000", leverage: "10" });
    expect(problems).toEqual([]);
    if (preview === undefined) return expect.unreachable();
    expect(preview.sizeDeltaUsd).toBe(10_000n * USD);
    expect(preview.opening.ok).toBe(true);
    // Opening a long skews the pool long: negative impact makes the entry a little above $3,000.
    expect(preview.executionPrice).toBeGreaterThan(ethUnitPrice(3_000n));
    // $1M of skew costs $100 to build: $10,000 costs one cent.
    expect(preview.priceImpactUsd).toBe(-(USD / 100n));
    // 0.07% open fee (the trade increases skew).
    expect(preview.positionFeeUsd).toBe(7n * USD);
    // 0.3% slippage on the execution price, rounded up for a maximum.
    expect(preview.acceptablePrice).toBeGreaterThan(preview.executionPrice);
    const liquidation = preview.liquidation?.price ?? expect.unreachable();
    expect(formatTokenPriceUsd(liquidation, 18)).toMatch(/^\$2,7\d\d\.\d\d$/);
    // The boundary is exact: liquidatable there, not one unit above.
    const increase = preview.increase ?? expect.unreachable();
    const at = (price: bigint) => ({
      ...prices,
      index: { min: price, max: price },
      long: { min: price, max: price },
    });
    const liquidatableAt = (price: bigint) =>
      isLiquidatable(
        increase.market,
        increase.position,
        accruedRates(increase.market, at(price), FIXTURE_TIMESTAMP),
        at(price),
      );
    expect(liquidatableAt(liquidation)).toBe(true);
    expect(liquidatableAt(liquidation + 1n)).toBe(false);
  });

  it("previews a size typed in USD and a limit order at its trigger", () => {
    const bySize = check({ collateralAmount: "500", sizeMode: "size", sizeUsd: "2500" });
    expect(bySize.problems).toEqual([]);
    expect(bySize.preview?.sizeDeltaUsd).toBe(2_500n * USD);
    const limit = check({ kind: "limit", collateralAmount: "500", triggerPrice: "2900" });
    expect(limit.problems).toEqual([]);
    expect(formatTokenPriceUsd(limit.preview?.indexPrice ?? 0n, 18)).toBe("$2,900.00");
  });
});

describe("validateOrder", () => {
  it("refuses more collateral than the wallet holds", () => {
    expect(check({ collateralAmount: "6000" }).problems).toContainEqual({
      field: "collateralAmount",
      message: "Insufficient balance: you have 5,000 USDC, this order needs 6,000 USDC.",
    });
  });

  it("refuses leverage above the market's maximum, typed or implied by a size", () => {
    expect(maxLeverage(state.config.risk.minCollateralFactor)).toBe(50n * USD);
    expect(check({ collateralAmount: "100", leverage: "60" }).problems).toContainEqual({
      field: "leverage",
      message: "Leverage above the maximum: ETH/USD allows at most 50x.",
    });
    expect(check({ collateralAmount: "100", sizeMode: "size", sizeUsd: "7500" }).problems).toContainEqual({
      field: "sizeUsd",
      message: "Leverage above the maximum: this size is 75x your collateral; ETH/USD allows at most 50x.",
    });
  });

  it("refuses positions below the minimum size", () => {
    expect(check({ collateralAmount: "2", leverage: "2.5" }).problems).toContainEqual({
      field: "leverage",
      message: "Below the minimum size: a position must be at least $10.00 (this one is $5.00).",
    });
  });

  it("explains what the contract would refuse, in its words", () => {
    // 49x passes the leverage bound, but fees and impact leave less than the 2% opening margin.
    const { problems } = check({ collateralAmount: "100", leverage: "49.9" });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /^Not enough collateral: After fees and price impact the position would keep \$/,
    );
  });

  it("refuses orders in a paused market, and without enough ETH for the keeper", () => {
    expect(check({ collateralAmount: "100" }, { paused: true }).problems).toContainEqual({
      field: "form",
      message:
        "ETH/USD is paused: new positions and increases are not accepted right now. Closing and withdrawals still work.",
    });
    expect(check({ collateralAmount: "100" }, { ethBalance: 0n }).problems).toContainEqual({
      field: "form",
      message: "Not enough ETH: the keeper's execution fee is 0.0001 ETH, plus gas.",
    });
  });

  it("asks for missing and unreadable numbers", () => {
    expect(check({}).problems).toEqual([
      { field: "collateralAmount", message: "Enter the collateral amount." },
    ]);
    expect(check({ collateralAmount: "1.1234567" }).problems).toContainEqual({
      field: "collateralAmount",
      message: "Use at most 6 decimal places.",
    });
    expect(check({ collateralAmount: "100", slippagePercent: "7" }).problems).toContainEqual({
      field: "slippagePercent",
      message: "Slippage must be between 0.01% and 5%.",
    });
    expect(check({ kind: "limit", collateralAmount: "100" }).problems).toContainEqual({
      field: "triggerPrice",
      message: "Enter the trigger price.",
    });
  });

  it("checks take-profit and stop-loss orders against the position and the price", () => {
    expect(check({ kind: "take-profit", triggerPrice: "3500" }).problems).toEqual([
      {
        field: "form",
        message: "You have no open long ETH/USD position with this collateral to take profit on.",
      },
    ]);
    const position = positionState(trader);
    expect(check({ kind: "take-profit", triggerPrice: "3500" }, { position }).problems).toEqual([]);
    expect(check({ kind: "take-profit", triggerPrice: "2500" }, { position }).problems).toEqual([
      {
        field: "triggerPrice",
        message: "A take-profit on a long must be above the current price ($3,000.00).",
      },
    ]);
    expect(check({ kind: "stop-loss", triggerPrice: "3100" }, { position }).problems).toEqual([
      {
        field: "triggerPrice",
        message: "A stop-loss on a long must be below the current price ($3,000.00).",
      },
    ]);
    expect(
      check({ kind: "stop-loss", triggerPrice: "2800", closeSizeUsd: "20000" }, { position }).problems,
    ).toEqual([{ field: "closeSizeUsd", message: "The position is only $10,000.00; close at most that." }]);
  });
});

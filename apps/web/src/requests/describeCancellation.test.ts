// @vitest-environment node
import { bastionErrorsAbi } from "@bastion/contracts";
import { encodeErrorResult } from "viem";
import { describe, expect, it } from "vitest";
import { exampleAppConfig } from "../test/exampleConfig";
import { getDevAccount } from "../wallet/devAccounts";
import { describeCancellation } from "./describeCancellation";

const config = exampleAppConfig();
const market = config.markets[0] ?? expect.unreachable();
const context = { markets: config.markets, market };
const trader = getDevAccount(3).address;
const keeper = getDevAccount(1).address;

describe("describeCancellation", () => {
  it("says in words that the price moved past the limit, and what was refunded", () => {
    const reason = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "AcceptablePriceNotMet",
      args: [3_012_450_000_000_000n, 3_000_000_000_000_000n],
    });
    expect(describeCancellation("order", { reason, account: trader, cancelledBy: keeper }, context)).toEqual({
      title: "Cancelled: price moved past your limit",
      detail:
        "The order would execute at $3,012.45, beyond your acceptable price of $3,000.00. Nothing was executed: any collateral you added was returned, and the execution fee paid the keeper that tried.",
      action: { kind: "retry", label: "Try again with more slippage" },
    });
  });

  it("explains a deposit that would mint too few shares", () => {
    const reason = encodeErrorResult({
      abi: bastionErrorsAbi,
      errorName: "MinSharesNotMet",
      args: [10n ** 18n, 2n * 10n ** 18n],
    });
    const description = describeCancellation(
      "deposit",
      { reason, account: trader, cancelledBy: keeper },
      context,
    );
    expect(description.title).toBe("Cancelled: fewer shares than your minimum");
    expect(description.detail).toBe(
      "The deposit would mint 1 shares, below your minimum of 2. Nothing was executed: your tokens were returned, and the execution fee paid the keeper that tried.",
    );
  });

  it("tells an owner's cancellation from an expiry", () => {
    expect(
      describeCancellation("order", { reason: "0x", account: trader, cancelledBy: trader }, context),
    ).toEqual({
      title: "Cancelled by you",
      detail: "Any collateral you added was returned, with the execution fee.",
    });
    const expired = describeCancellation(
      "withdrawal",
      { reason: "0x", account: trader, cancelledBy: keeper },
      context,
    );
    expect(expired.title).toBe("Expired and refunded");
    expect(expired.detail).toBe(
      "No keeper executed it in time, so 0x7099…79C8 cancelled it after it expired: your pool shares were returned, with the execution fee.",
    );
  });
});

import { isMirrorRevert, previewIncrease } from "@bastion/risk";
import { createOrder, marketDecreaseOrder, marketIncreaseOrder, type Position } from "@bastion/sdk";
import { type FormEvent, useState } from "react";
import { isAddressEqual } from "viem";
import { useTokenBalances } from "../chain/useAccountData";
import type { MarketConfig } from "../config/appConfigSchema";
import { describeError } from "../errors/describeError";
import { describeMirrorRevert } from "../errors/describeMirrorRevert";
import { ErrorNotice } from "../errors/ErrorNotice";
import { useErrorContext } from "../errors/useErrorContext";
import { formatTokenPriceUsd } from "../format/formatPriceUsd";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { parseDecimal } from "../format/parseDecimal";
import { useRequestSubmission } from "../requests/useRequestSubmission";
import { AmountInput } from "../ui/AmountInput";
import { StatList } from "../ui/StatList";
import { useSigningClient } from "../wallet/useSigningClient";
import { previewClose } from "./decreasePnl";
import { positionView } from "./positionView";
import type { PositionContext } from "./usePositionContext";

const SLIPPAGE_BPS = 50n;

/**
 * Adds collateral to a position (lowers its leverage and liquidation risk) or withdraws some, with
 * the new liquidation price previewed and the contract's checks applied before sending.
 */
export function CollateralForm({
  market,
  position,
  context,
  direction,
  onSent,
}: {
  market: MarketConfig;
  position: Position;
  context: PositionContext;
  direction: "add" | "remove";
  onSent: () => void;
}) {
  const [amountText, setAmountText] = useState("");
  const { account } = useSigningClient();
  const errorContext = useErrorContext(market);
  const token = isAddressEqual(position.collateralToken, market.longToken.address)
    ? market.longToken
    : market.shortToken;
  const submission = useRequestSubmission({ ...errorContext, token: token.address });
  const balances = useTokenBalances(account, [token.address]);
  const balance = balances.balances?.get(token.address.toLowerCase());
  const parsed = parseDecimal(amountText, token.decimals);
  const amount = parsed.ok ? parsed.value : undefined;
  const amountText_ = (value: bigint) => formatTokenAmount(value, token.decimals, { symbol: token.symbol });
  let fieldError = !parsed.ok && parsed.reason !== "empty" ? parsed.message : undefined;
  if (direction === "add" && amount !== undefined && balance !== undefined && amount > balance) {
    fieldError = `Insufficient balance: you have ${amountText_(balance)}.`;
  }
  if (direction === "remove" && amount !== undefined && amount >= position.collateralAmount) {
    fieldError = `The position holds ${amountText_(position.collateralAmount)}; close it to take everything out.`;
  }

  const { state, prices, timestamp } = context;
  let newLiquidation: string | undefined;
  let refusal = undefined as ReturnType<typeof describeMirrorRevert> | undefined;
  if (
    state !== undefined &&
    prices !== undefined &&
    amount !== undefined &&
    amount > 0n &&
    fieldError === undefined
  ) {
    try {
      const after =
        direction === "add"
          ? previewIncrease(
              state,
              position,
              {
                account: position.account,
                market: market.address,
                collateralToken: position.collateralToken,
                isLong: position.isLong,
                sizeDeltaUsd: 0n,
                collateralDeltaAmount: amount,
                acceptablePrice: 0n,
              },
              prices,
              timestamp,
            )
          : (() => {
              const close = previewClose({
                state,
                position,
                sizeDeltaUsd: 0n,
                collateralWithdrawAmount: amount,
                prices,
                timestamp,
              });
              if (!close.ok) throw close.error;
              return close.preview;
            })();
      if (after.position !== undefined) {
        const view = positionView(after.market, after.position, prices, timestamp);
        newLiquidation =
          view.liquidation.price === undefined
            ? "None"
            : formatTokenPriceUsd(view.liquidation.price, market.indexToken.decimals);
      }
    } catch (error) {
      refusal = isMirrorRevert(error)
        ? describeMirrorRevert(error, errorContext)
        : describeError(error, errorContext);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (
      amount === undefined ||
      amount === 0n ||
      fieldError !== undefined ||
      refusal !== undefined ||
      prices === undefined
    ) {
      return;
    }
    const base = {
      market: market.address,
      collateralToken: position.collateralToken,
      isLong: position.isLong,
      sizeDeltaUsd: 0n,
      slippageBps: SLIPPAGE_BPS,
    };
    const order =
      direction === "add"
        ? marketIncreaseOrder({
            ...base,
            collateralAmount: amount,
            indexPrice: position.isLong ? prices.index.max : prices.index.min,
          })
        : marketDecreaseOrder({
            ...base,
            collateralAmount: amount,
            indexPrice: position.isLong ? prices.index.min : prices.index.max,
          });
    submission.mutate(
      {
        kind: "order",
        market: market.address,
        label: `${direction === "add" ? "Add" : "Withdraw"} ${amountText_(amount)} ${direction === "add" ? "to" : "from"} ${position.isLong ? "long" : "short"} ${market.symbol}`,
        origin: "positions",
        approvals: direction === "add" ? [{ token: token.address, amount, symbol: token.symbol }] : [],
        send: (client, exchange) => createOrder(client, { exchange, ...order }),
      },
      { onSuccess: onSent },
    );
  }

  const label =
    direction === "add" ? `Collateral to add (${token.symbol})` : `Collateral to withdraw (${token.symbol})`;
  return (
    <form
      className="position-action"
      noValidate
      onSubmit={onSubmit}
      aria-label={direction === "add" ? "Add collateral" : "Remove collateral"}
    >
      <AmountInput
        label={label}
        value={amountText}
        onChange={setAmountText}
        unit={token.symbol}
        error={fieldError}
        hint={
          direction === "add"
            ? balance === undefined
              ? undefined
              : `Balance: ${amountText_(balance)}`
            : `In the position: ${amountText_(position.collateralAmount)}`
        }
      />
      {newLiquidation !== undefined && (
        <StatList
          stats={[{ label: "New liquidation price", value: newLiquidation, id: "new-liquidation-price" }]}
          columns={1}
        />
      )}
      {refusal !== undefined && <ErrorNotice description={refusal} headingLevel={3} />}
      <button
        type="submit"
        className="button button--primary button--wide"
        disabled={
          submission.isPending ||
          amount === undefined ||
          amount === 0n ||
          fieldError !== undefined ||
          refusal !== undefined
        }
      >
        {submission.isPending
          ? "Confirm in your wallet…"
          : direction === "add"
            ? "Add collateral"
            : "Withdraw collateral"}
      </button>
      {submission.error !== null && (
        <ErrorNotice
          description={describeError(submission.error, { ...errorContext, token: token.address })}
          headingLevel={3}
        />
      )}
    </form>
  );
}

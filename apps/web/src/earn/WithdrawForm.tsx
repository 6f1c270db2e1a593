import type { MirrorRevert } from "@bastion/risk";
import { createWithdrawal } from "@bastion/sdk";
import { type FormEvent, useId, useState } from "react";
import { describeError } from "../errors/describeError";
import { describeMirrorRevert } from "../errors/describeMirrorRevert";
import { ErrorNotice } from "../errors/ErrorNotice";
import { formatTokenAmount } from "../format/formatTokenAmount";
import { formatUsd } from "../format/formatUsd";
import { parseDecimal } from "../format/parseDecimal";
import { useRequestSubmission } from "../requests/useRequestSubmission";
import { AmountInput } from "../ui/AmountInput";
import { type Stat, StatList } from "../ui/StatList";
import { previewWithdrawalTokens, withSlippage } from "./liquidityPreview";
import { balanceOf, type EarnData } from "./useEarnData";

/** Burns pool shares for the pool's tokens, with the tokens out previewed exactly. */
export function WithdrawForm({ data }: { data: EarnData }) {
  const { market, state, info, prices, timestamp } = data;
  const [sharesText, setSharesText] = useState("");
  const [slippageText, setSlippageText] = useState("0.5");
  const titleId = useId();
  const submission = useRequestSubmission(data.errorContext);
  const shareBalance = balanceOf(data, market.address);
  const parsed = parseDecimal(sharesText, 18);
  const shares = parsed.ok ? parsed.value : undefined;
  let sharesError = !parsed.ok && parsed.reason !== "empty" ? parsed.message : undefined;
  if (shares !== undefined && shareBalance !== undefined && shares > shareBalance) {
    sharesError = `You hold ${formatTokenAmount(shareBalance, 18, { maxFractionDigits: 4 })} shares.`;
  }
  const slippage = parseDecimal(slippageText, 2);
  const slippageBps = slippage.ok ? slippage.value : undefined;
  const slippageError =
    slippageBps === undefined || slippageBps === 0n || slippageBps > 500n
      ? "Slippage must be between 0.01% and 5%."
      : undefined;
  const result =
    state === undefined ||
    prices === undefined ||
    info === undefined ||
    shares === undefined ||
    shares === 0n ||
    sharesError !== undefined
      ? undefined
      : previewWithdrawalTokens({ state, shares, totalSupply: info.totalSupply, prices, timestamp });
  const preview = result?.ok ? result.preview : undefined;
  const refusal =
    result !== undefined && !result.ok
      ? describeMirrorRevert(result.error as MirrorRevert, data.errorContext)
      : undefined;
  const { longToken, shortToken } = market;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (
      shares === undefined ||
      preview === undefined ||
      slippageBps === undefined ||
      slippageError !== undefined
    )
      return;
    submission.mutate(
      {
        kind: "withdrawal",
        market: market.address,
        label: `Withdraw ${formatTokenAmount(shares, 18, { maxFractionDigits: 4 })} shares from ${market.symbol}`,
        origin: "earn",
        send: (client, exchange) =>
          createWithdrawal(client, {
            exchange,
            market: market.address,
            shares,
            minLongTokenAmount: withSlippage(preview.longTokenAmount, slippageBps),
            minShortTokenAmount: withSlippage(preview.shortTokenAmount, slippageBps),
          }),
      },
      { onSuccess: () => setSharesText("") },
    );
  }

  const stats: Stat[] =
    preview === undefined
      ? []
      : [
          { label: "Value of the shares", value: formatUsd(preview.grossUsd), id: "withdraw-value" },
          { label: "Liquidity fee", value: formatUsd(preview.feeUsd), id: "withdraw-fee" },
          {
            label: `${longToken.symbol} out`,
            value: formatTokenAmount(preview.longTokenAmount, longToken.decimals, {
              symbol: longToken.symbol,
            }),
            id: "withdraw-long",
          },
          {
            label: `${shortToken.symbol} out`,
            value: formatTokenAmount(preview.shortTokenAmount, shortToken.decimals, {
              symbol: shortToken.symbol,
            }),
            id: "withdraw-short",
          },
        ];
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card__title">
        Withdraw
      </h2>
      <form noValidate onSubmit={onSubmit}>
        <AmountInput
          label="Shares to withdraw"
          value={sharesText}
          onChange={setSharesText}
          unit="shares"
          error={sharesError}
          hint={
            shareBalance === undefined
              ? undefined
              : `You hold ${formatTokenAmount(shareBalance, 18, { maxFractionDigits: 4 })} shares.`
          }
          onMax={
            shareBalance === undefined
              ? undefined
              : () =>
                  setSharesText(
                    formatTokenAmount(shareBalance, 18, { maxFractionDigits: 18 }).replace(/,/g, ""),
                  )
          }
        />
        <AmountInput
          label="Slippage tolerance"
          value={slippageText}
          onChange={setSlippageText}
          unit="%"
          error={slippageError}
        />
        {stats.length > 0 && <StatList stats={stats} label="Withdrawal preview" />}
        {refusal !== undefined && <ErrorNotice description={refusal} headingLevel={3} />}
        <button
          type="submit"
          className="button button--wide"
          disabled={submission.isPending || data.account === undefined || preview === undefined}
        >
          {submission.isPending ? "Confirm in your wallet…" : "Withdraw"}
        </button>
        {submission.error !== null && (
          <ErrorNotice description={describeError(submission.error, data.errorContext)} headingLevel={3} />
        )}
      </form>
    </section>
  );
}
